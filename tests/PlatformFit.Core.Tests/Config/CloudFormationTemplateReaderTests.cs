using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using static PlatformFit.Core.Tests.Config.ConfigSpanAssert;

namespace PlatformFit.Core.Tests.Config
{
    public class CloudFormationTemplateReaderTests
    {
        private const string Path = "/repo/template.yaml";

        private static ConfigReadResult Read(string text, ConfigReadContext? context = null, string path = Path) =>
            DeploymentConfigReader.Read(path, text, context ?? ConfigReadContext.Default);

        private static DeploymentUnit Unit(ConfigReadResult result, string name) => Assert.Single(result.Units, u => u.Name == name);

        [Fact]
        public void Reads_a_SAM_function_with_Globals_parameters_and_events_to_the_exact_place()
        {
            const string yaml = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  FunctionMemory:
                    Type: Number
                    Default: 2048
                  Stage:
                    Type: String
                    Default: prod
                Globals:
                  Function:
                    Runtime: dotnet8
                    Timeout: 20
                    Architectures: [arm64]
                    MemorySize: 256
                Resources:
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 120
                  OrdersApi:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Orders::Orders.Function::Handle
                      CodeUri: ./src/Orders/
                      MemorySize: !Ref FunctionMemory
                      Timeout: 60
                      EphemeralStorage:
                        Size: 1024
                      Environment:
                        Variables:
                          TABLE: !Sub 'orders-${Stage}'
                      Events:
                        Proxy:
                          Type: HttpApi
                          Properties:
                            Path: /orders
                            Method: post
                            TimeoutInMillis: 25000
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt OrdersQueue.Arn
                """;
            var result = Read(yaml);

            Assert.Empty(result.Problems);
            Assert.Equal(ConfigFormat.CloudFormation, result.Format);
            var unit = Assert.Single(result.Units);
            Assert.Equal("OrdersApi", unit.Name);
            Assert.Equal("aws-lambda", unit.Platform);
            Covers(yaml, unit.Declaration, "OrdersApi");

            Assert.Equal("Orders::Orders.Function::Handle", unit.Handler.Value);
            Covers(yaml, unit.Handler.Span, "Orders::Orders.Function::Handle");

            // From Globals: inherited, and located on the Globals line.
            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal(ValueOrigin.Inherited, unit.Runtime.Origin);
            Assert.Equal((12, 14), (unit.Runtime.Span!.StartLine, unit.Runtime.Span.StartColumn));
            Assert.Equal("arm64", unit.Architecture.Value);
            Assert.Equal(ValueOrigin.Inherited, unit.Architecture.Origin);
            Covers(yaml, unit.Architecture.Span, "arm64");

            // !Ref to a parameter: its Default, located at the Default.
            Assert.Equal(2048, unit.MemoryMb.Value);
            Assert.Equal(ValueOrigin.Declared, unit.MemoryMb.Origin);
            Assert.Equal((6, 14), (unit.MemoryMb.Span!.StartLine, unit.MemoryMb.Span.StartColumn));
            Assert.Equal("2048", TextAt(yaml, unit.MemoryMb.Span));

            // The resource's own primitive replaces the Globals one.
            Assert.Equal(60, unit.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.Declared, unit.TimeoutSeconds.Origin);
            Covers(yaml, unit.TimeoutSeconds.Span, "60");

            Assert.Equal(1024, unit.EphemeralStorageMb.Value);
            Assert.Equal("./src/Orders/", unit.Artifact.Value);
            Assert.Equal(ValueState.Absent, unit.Condition.State);

            Assert.Equal(2, unit.FrontDoors.Count);
            var http = unit.FrontDoors[0];
            Assert.Equal(FrontDoorKind.HttpApi, http.Kind);
            Assert.Equal("HttpApi", http.Source);
            Assert.Equal("POST /orders", http.Route);
            Covers(yaml, http.Span, "Proxy");
            Assert.Equal(25000, http.IntegrationTimeoutMs.Value);
            Covers(yaml, http.IntegrationTimeoutMs.Span, "25000");

            var queue = unit.FrontDoors[1];
            Assert.Equal(FrontDoorKind.Queue, queue.Kind);
            Assert.Equal("OrdersQueue", queue.Route);
            Covers(yaml, queue.Span, "Jobs");
            Assert.Equal(120, queue.QueueVisibilityTimeoutSeconds.Value);
            Covers(yaml, queue.QueueVisibilityTimeoutSeconds.Span, "120");
            Assert.Equal(ValueState.Absent, queue.IntegrationTimeoutMs.State);
        }

        [Fact]
        public void Absent_memory_and_timeout_take_the_CloudFormation_defaults_as_tool_defaults()
        {
            var unit = Assert.Single(Read("""
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: App::App.Function::Run
                      Runtime: dotnet8
                      Code:
                        S3Bucket: deployments
                        S3Key: app/app.zip
                """).Units);

            Assert.Equal(128, unit.MemoryMb.Value);
            Assert.Equal(3, unit.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, unit.MemoryMb.Origin);
            Assert.Null(unit.TimeoutSeconds.Span);
            Assert.Equal(ValueState.Absent, unit.Architecture.State);
            Assert.Equal(ValueState.Absent, unit.EphemeralStorageMb.State);
            Assert.Equal("s3://deployments/app/app.zip", unit.Artifact.Value);
            Assert.Empty(unit.FrontDoors);
        }

        [Fact]
        public void Globals_merge_by_SAM_rules_maps_merged_lists_concatenated_primitives_replaced()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 10
                    EphemeralStorage:
                      Size: 2048
                    FunctionUrlConfig:
                      AuthType: NONE
                    Architectures: [x86_64]
                Resources:
                  Inherits:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: A
                      CodeUri: a/
                  Overrides:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: B
                      CodeUri: b/
                      Timeout: 45
                      EphemeralStorage:
                        Size: 4096
                      FunctionUrlConfig:
                        InvokeMode: RESPONSE_STREAM
                  Concatenates:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: C
                      CodeUri: c/
                      Architectures: [arm64]
                  OptsOut:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [FunctionUrlConfig, Timeout]
                    Properties:
                      Handler: D
                      CodeUri: d/
                """;
            var result = Read(yaml);

            var inherits = Unit(result, "Inherits");
            Assert.Equal(10, inherits.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.Inherited, inherits.TimeoutSeconds.Origin);
            Assert.Equal(4, inherits.TimeoutSeconds.Span!.StartLine);
            Assert.Equal(2048, inherits.EphemeralStorageMb.Value);
            Assert.Equal(ValueOrigin.Inherited, inherits.EphemeralStorageMb.Origin);
            var url = Assert.Single(inherits.FrontDoors);
            Assert.Equal(FrontDoorKind.FunctionUrl, url.Kind);
            Covers(yaml, url.Span, "FunctionUrlConfig");
            Assert.Equal(7, url.Span.StartLine);

            var overrides = Unit(result, "Overrides");
            Assert.Equal(45, overrides.TimeoutSeconds.Value);
            Assert.Equal(4096, overrides.EphemeralStorageMb.Value);
            Assert.Equal(ValueOrigin.Declared, overrides.EphemeralStorageMb.Origin);
            var mergedUrl = Assert.Single(overrides.FrontDoors);
            Covers(yaml, mergedUrl.Span, "FunctionUrlConfig", after: "Handler: B");

            // [x86_64] + [arm64]: SAM concatenates, and Lambda refuses two architectures.
            var concatenates = Unit(result, "Concatenates");
            Assert.Equal(ValueState.Unknown, concatenates.Architecture.State);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Warning && p.Message.Contains("Architectures lists 2"));

            var optsOut = Unit(result, "OptsOut");
            Assert.Empty(optsOut.FrontDoors);
            Assert.Equal(3, optsOut.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, optsOut.TimeoutSeconds.Origin);
            Assert.Equal("x86_64", optsOut.Architecture.Value);
        }

        [Fact]
        public void Globals_keys_SAM_rejects_are_reported_and_not_applied()
        {
            var result = Read("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Events:
                      Api: { Type: Api, Properties: { Path: /, Method: get } }
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: A, CodeUri: . }
                """);

            Assert.Empty(Assert.Single(result.Units).FrontDoors);
            var problem = Assert.Single(result.Problems);
            Assert.Equal((4, 5), (problem.Line, problem.Column));
            Assert.Contains("'Events' is not allowed in Globals.Function", problem.Message);
        }

        [Fact]
        public void Plain_CloudFormation_WebSocket_API_routes_lead_to_their_functions()
        {
            const string yaml = """
                Parameters:
                  Memory:
                    Type: Number
                    Default: 512
                Resources:
                  ChatApi:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: chat
                      ProtocolType: WEBSOCKET
                      RouteSelectionExpression: $request.body.action
                  ConnectRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref ChatApi
                      RouteKey: $connect
                      Target: !Sub 'integrations/${ConnectIntegration}'
                  ConnectIntegration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref ChatApi
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnConnect.Arn}/invocations
                  MessageRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref ChatApi
                      RouteKey: $default
                      Target: !Join ['/', [integrations, !Ref MessageIntegration]]
                  MessageIntegration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref ChatApi
                      IntegrationType: AWS_PROXY
                      TimeoutInMillis: 10000
                      IntegrationUri:
                        Fn::Join:
                          - ''
                          - - 'arn:aws:apigateway:'
                            - !Ref AWS::Region
                            - ':lambda:path/2015-03-31/functions/'
                            - !GetAtt OnMessage.Arn
                            - /invocations
                  OnConnect:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: Chat::Chat.Functions::OnConnect
                      Runtime: dotnet8
                      MemorySize: !Ref Memory
                      Timeout: 29
                      Code: { S3Bucket: b, S3Key: chat.zip }
                  OnMessage:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: Chat::Chat.Functions::OnMessage
                      Runtime: dotnet8
                      Code: { S3Bucket: b, S3Key: chat.zip }
                """;
            var result = Read(yaml);

            Assert.Empty(result.Problems);
            var connect = Unit(result, "OnConnect");
            Assert.Equal(512, connect.MemoryMb.Value);
            Covers(yaml, connect.MemoryMb.Span, "512");
            Assert.Equal(29, connect.TimeoutSeconds.Value);
            var connectDoor = Assert.Single(connect.FrontDoors);
            Assert.Equal(FrontDoorKind.WebSocketApi, connectDoor.Kind);
            Assert.Equal("$connect", connectDoor.Route);
            Assert.Equal("AWS::ApiGatewayV2::Route", connectDoor.Source);
            Covers(yaml, connectDoor.Span, "ConnectRoute");
            Assert.Equal(ValueState.Absent, connectDoor.IntegrationTimeoutMs.State);

            var message = Unit(result, "OnMessage");
            Assert.Equal(128, message.MemoryMb.Value);
            var messageDoor = Assert.Single(message.FrontDoors);
            Assert.Equal(FrontDoorKind.WebSocketApi, messageDoor.Kind);
            Assert.Equal("$default", messageDoor.Route);
            Covers(yaml, messageDoor.Span, "MessageRoute");
            Assert.Equal(10000, messageDoor.IntegrationTimeoutMs.Value);
            Covers(yaml, messageDoor.IntegrationTimeoutMs.Span, "10000");
        }

        [Fact]
        public void An_HTTP_protocol_API_with_the_same_wiring_is_an_HTTP_API_and_quick_create_targets_count()
        {
            const string yaml = """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: { Name: items, ProtocolType: HTTP }
                  ItemsRoute:
                    Type: AWS::ApiGatewayV2::Route
                    Properties: { ApiId: !Ref Api, RouteKey: 'GET /items', Target: !Sub 'integrations/${ItemsIntegration}' }
                  ItemsIntegration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Items.Arn, PayloadFormatVersion: '2.0' }
                  QuickApi:
                    Type: AWS::ApiGatewayV2::Api
                    Properties: { Name: quick, ProtocolType: HTTP, Target: !GetAtt Quick.Arn }
                  Items:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: Items, Runtime: dotnet8, Code: { ZipFile: x } }
                  Quick:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: Quick, Runtime: dotnet8, Code: { ZipFile: x } }
                """;
            var result = Read(yaml);

            var items = Assert.Single(Unit(result, "Items").FrontDoors);
            Assert.Equal(FrontDoorKind.HttpApi, items.Kind);
            Assert.Equal("GET /items", items.Route);
            Covers(yaml, items.Span, "ItemsRoute");
            Assert.Equal(ValueState.Absent, Unit(result, "Items").Artifact.State);

            var quick = Assert.Single(Unit(result, "Quick").FrontDoors);
            Assert.Equal(FrontDoorKind.HttpApi, quick.Kind);
            Covers(yaml, quick.Span, "QuickApi");
        }

        [Fact]
        public void SAM_WebSocketApi_routes_are_WebSocket_doors_at_their_route_keys()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Chat:
                    Type: AWS::Serverless::WebSocketApi
                    Properties:
                      RouteSelectionExpression: $request.body.action
                      Routes:
                        $connect:
                          FunctionArn: !GetAtt OnConnect.Arn
                        $default:
                          FunctionArn: !GetAtt OnMessage.Arn
                  OnConnect:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Chat::Chat.Ws::Connect, Runtime: dotnet10, CodeUri: ./src/Chat }
                  OnMessage:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Chat::Chat.Ws::Message, Runtime: dotnet10, CodeUri: ./src/Chat }
                """;
            var result = Read(yaml);

            var connect = Assert.Single(Unit(result, "OnConnect").FrontDoors);
            Assert.Equal(FrontDoorKind.WebSocketApi, connect.Kind);
            Assert.Equal("$connect", connect.Route);
            Covers(yaml, connect.Span, "$connect");
            var message = Assert.Single(Unit(result, "OnMessage").FrontDoors);
            Assert.Equal("$default", message.Route);
            Covers(yaml, message.Span, "$default", after: "Routes:");
        }

        [Fact]
        public void Reads_a_JSON_serverless_template_as_the_Lambda_Annotations_generator_writes_it()
        {
            const string json = """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.5.0.0).",
                  "Resources": {
                    "OrdersFunctionsGetOrderGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": {
                        "Tool": "Amazon.Lambda.Annotations",
                        "SyncedEvents": [ "RootGet" ]
                      },
                      "Properties": {
                        "Runtime": "dotnet8",
                        "CodeUri": ".",
                        "MemorySize": 512,
                        "Timeout": 30,
                        "Policies": [ "AWSLambdaBasicExecutionRole" ],
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_GetOrder_Generated::GetOrder",
                        "Events": {
                          "RootGet": {
                            "Type": "Api",
                            "Properties": {
                              "Path": "/orders/{id}",
                              "Method": "GET",
                              "RestApiId": { "Ref": "AnnotationsRestApi" }
                            }
                          }
                        }
                      }
                    },
                    "AnnotationsRestApi": {
                      "Type": "AWS::Serverless::Api",
                      "Properties": { "StageName": "Prod" },
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" }
                    }
                  },
                  "Outputs": {
                    "ApiURL": { "Value": { "Fn::Sub": "https://${AnnotationsRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/" } }
                  }
                }
                """;
            var result = Read(json, path: "/repo/src/Orders/serverless.template");

            Assert.Empty(result.Problems);
            Assert.Equal(ConfigFormat.CloudFormation, result.Format);
            var unit = Assert.Single(result.Units);
            Assert.Equal("OrdersFunctionsGetOrderGenerated", unit.Name);
            Assert.Equal("Orders::Orders.Functions_GetOrder_Generated::GetOrder", unit.Handler.Value);
            Covers(json, unit.Handler.Span, "\"Orders::Orders.Functions_GetOrder_Generated::GetOrder\"");
            Assert.Equal("Orders", HandlerReference.Parse(unit.Handler.Value)!.Assembly);
            Assert.Equal(512, unit.MemoryMb.Value);
            Covers(json, unit.MemoryMb.Span, "512");
            Assert.Equal(30, unit.TimeoutSeconds.Value);
            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal(".", unit.Artifact.Value);
            var door = Assert.Single(unit.FrontDoors);
            Assert.Equal(FrontDoorKind.RestApi, door.Kind);
            Assert.Equal("GET /orders/{id}", door.Route);
            Covers(json, door.Span, "\"RootGet\"", after: "\"Events\"");
        }

        [Fact]
        public void JSON_comments_and_tab_indentation_are_blanked_without_moving_a_character()
        {
            var json = "{\n" +
                "\t// generated by the blueprint; edit freely\n" +
                "\t\"AWSTemplateFormatVersion\": \"2010-09-09\",\n" +
                "\t/* the function\n" +
                "\t   and its policy */\n" +
                "\t\"Resources\": {\n" +
                "\t\t\"Fn\": {\n" +
                "\t\t\t\"Type\": \"AWS::Serverless::Function\", // a SAM function\n" +
                "\t\t\t\"Properties\": {\n" +
                "\t\t\t\t\"Handler\": \"App::App.F::Run\",\n" +
                "\t\t\t\t\"Timeout\": 40, /* seconds */\n" +
                "\t\t\t\t\"Environment\": { \"Variables\": { \"URL\": \"https://example.com/a//b\", \"GLOB\": \"arn:aws:execute-api:*:*:*/@connections/*\" } }\n" +
                "\t\t\t}\n" +
                "\t\t}\n" +
                "\t}\n" +
                "}\n";
            var result = Read(json, path: "/repo/serverless.template");

            Assert.Empty(result.Problems);
            var unit = Assert.Single(result.Units);
            Assert.Equal(40, unit.TimeoutSeconds.Value);
            Assert.Equal((11, 16), (unit.TimeoutSeconds.Span!.StartLine, unit.TimeoutSeconds.Span.StartColumn));
            Covers(json, unit.TimeoutSeconds.Span, "40");
            Covers(json, unit.Handler.Span, "\"App::App.F::Run\"");
        }

        [Fact]
        public void An_unclosed_block_comment_in_JSON_is_a_problem_not_an_exception()
        {
            var result = Read("{ \"AWSTemplateFormatVersion\": \"2010-09-09\", /* never closed\n \"Resources\": {} }", path: "/repo/serverless.template");

            Assert.Empty(result.Units);
            Assert.Contains(result.Problems, p => p.Message.Contains("never closed") && p.Line == 1 && p.Column == 45);
        }

        [Fact]
        public void A_template_with_only_parameters_declares_no_unit_and_no_problem()
        {
            var result = Read("""
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Environment:
                    Type: String
                    Default: dev
                """);

            Assert.Equal(ConfigFormat.CloudFormation, result.Format);
            Assert.Empty(result.Units);
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void An_empty_template_file_is_no_error()
        {
            var result = Read(string.Empty);

            Assert.Empty(result.Units);
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void Duplicate_keys_keep_the_last_value_and_warn()
        {
            var result = Read("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: App
                      Timeout: 10
                      Timeout: 25
                """);

            Assert.Equal(25, Assert.Single(result.Units).TimeoutSeconds.Value);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
            Assert.Equal(7, problem.Line);
            Assert.Contains("duplicate key 'Timeout'", problem.Message);
        }

        [Fact]
        public void Anchors_aliases_and_merge_keys_are_applied_in_templates()
        {
            const string yaml = """
                Resources:
                  First:
                    Type: AWS::Lambda::Function
                    Properties: &common
                      Runtime: dotnet8
                      MemorySize: 1536
                      Handler: App::App.F::First
                      Code: { S3Bucket: b, S3Key: k }
                  Second:
                    Type: AWS::Lambda::Function
                    Properties:
                      <<: *common
                      Handler: App::App.F::Second
                """;
            var result = Read(yaml);

            Assert.Equal(new[] { 1536, 1536 }, result.Units.Select(u => u.MemoryMb.Value));
            var second = Unit(result, "Second");
            Assert.Equal("App::App.F::Second", second.Handler.Value);
            Assert.Equal("dotnet8", second.Runtime.Value);

            // The aliased value is written once: its span is the anchor's.
            Covers(yaml, second.MemoryMb.Span, "1536");
        }

        [Fact]
        public void Crlf_line_endings_and_a_byte_order_mark_keep_positions_exact()
        {
            var yaml = "\uFEFFResources:\r\n  Fn:\r\n    Type: AWS::Serverless::Function\r\n    Properties:\r\n      Handler: App\r\n      Timeout: 45\r\n";
            var result = Read(yaml);

            Assert.Empty(result.Problems);
            var unit = Assert.Single(result.Units);
            Assert.Equal("Fn", unit.Name);
            Assert.Equal(45, unit.TimeoutSeconds.Value);
            Assert.Equal((6, 16), (unit.TimeoutSeconds.Span!.StartLine, unit.TimeoutSeconds.Span.StartColumn));
            Covers(yaml, unit.TimeoutSeconds.Span, "45");
            Assert.Equal((1, 1), Position(yaml, yaml.IndexOf("Resources", System.StringComparison.Ordinal)));
            Assert.Equal(ConfigFormat.CloudFormation, DeploymentConfigReader.Recognize("/repo/infra.yaml", yaml));
        }

        [Fact]
        public void A_JSON_template_with_a_byte_order_mark_reads()
        {
            var json = "\uFEFF{ \"Resources\": { \"Fn\": { \"Type\": \"AWS::Lambda::Function\", \"Properties\": { \"Handler\": \"App\", \"Timeout\": 7 } } } }";
            var unit = Assert.Single(Read(json, path: "/repo/app.template.json").Units);

            Assert.Equal(7, unit.TimeoutSeconds.Value);
            Covers(json, unit.TimeoutSeconds.Span, "7");
        }

        [Fact]
        public void Values_decided_at_deploy_time_are_unknown_with_their_reason_and_place()
        {
            const string yaml = """
                Parameters:
                  Handler:
                    Type: String
                  Memory:
                    Type: AWS::SSM::Parameter::Value<String>
                    Default: /app/memory
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: !Ref Handler
                      Runtime: !ImportValue shared-runtime
                      MemorySize: !Ref Memory
                      Timeout: !GetAtt Config.Timeout
                      Architectures: [!Sub '${AWS::Region}-arch']
                      Code: { S3Bucket: !Ref AWS::AccountId, S3Key: app.zip }
                """;
            var unit = Assert.Single(Read(yaml).Units);

            Assert.Equal(ValueState.Unknown, unit.Handler.State);
            Assert.Contains("'Handler' has no Default", unit.Handler.UnknownReason);
            Covers(yaml, unit.Handler.Span, "!Ref Handler");
            Assert.Equal(ValueState.Unknown, unit.Runtime.State);
            Assert.Contains("another stack", unit.Runtime.UnknownReason);
            Covers(yaml, unit.Runtime.Span, "!ImportValue shared-runtime");
            Assert.Equal(ValueState.Unknown, unit.MemoryMb.State);
            Assert.Contains("SSM", unit.MemoryMb.UnknownReason);
            Assert.Equal(ValueState.Unknown, unit.TimeoutSeconds.State);
            Assert.Contains("after deployment", unit.TimeoutSeconds.UnknownReason);
            Assert.Equal(ValueState.Unknown, unit.Architecture.State);
            Assert.Contains("AWS::Region", unit.Architecture.UnknownReason);
            Assert.Equal(ValueState.Unknown, unit.Artifact.State);
            Assert.Contains("AWS::AccountId", unit.Artifact.UnknownReason);
        }

        [Fact]
        public void Sub_FindInMap_Join_Select_and_Split_evaluate_when_their_inputs_do()
        {
            const string yaml = """
                Parameters:
                  Assembly: { Type: String, Default: Shop }
                  Size: { Type: String, Default: large }
                Mappings:
                  Sizes:
                    large: { memory: 3008, timeout: 120 }
                    small: { memory: 256, timeout: 10 }
                  Regional:
                    eu-west-1: { arch: arm64 }
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: !Sub '${Assembly}::${Assembly}.Api::${Method}'
                      Runtime: !Select [1, !Split [',', 'dotnet6,dotnet8,dotnet10']]
                      MemorySize: !FindInMap [Sizes, !Ref Size, memory]
                      Timeout: !FindInMap [Sizes, small, timeout]
                      Architectures: [!FindInMap [Regional, !Ref AWS::Region, arch]]
                      Code:
                        S3Bucket: !Join ['-', [builds, !Ref Size]]
                        S3Key: app.zip
                  Literal:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: !Sub
                        - '${Name}::${Name}.Api::Handle'
                        - Name: Orders
                      Code: { ZipFile: x }
                """;
            var result = Read(yaml);
            var unit = Unit(result, "Fn");

            // ${Method} is neither a parameter nor a resource: the whole string is unknown, never half-filled.
            Assert.Equal(ValueState.Unknown, unit.Handler.State);
            Assert.Contains("${Method}", unit.Handler.UnknownReason);
            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal(3008, unit.MemoryMb.Value);
            Covers(yaml, unit.MemoryMb.Span, "3008");
            Assert.Equal(10, unit.TimeoutSeconds.Value);
            Covers(yaml, unit.TimeoutSeconds.Span, "10");
            Assert.Equal(ValueState.Unknown, unit.Architecture.State);
            Assert.Equal("s3://builds-large/app.zip", unit.Artifact.Value);

            Assert.Equal("Orders::Orders.Api::Handle", Unit(result, "Literal").Handler.Value);
        }

        [Fact]
        public void Template_parameter_overrides_win_over_the_Default()
        {
            const string yaml = """
                Parameters:
                  Memory: { Type: Number, Default: 512 }
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: App, MemorySize: !Ref Memory, Code: { ZipFile: x } }
                """;
            var context = ConfigReadContext.Default.WithTemplateParameters(new Dictionary<string, string> { ["Memory"] = "4096" });
            var unit = Assert.Single(Read(yaml, context).Units);

            Assert.Equal(4096, unit.MemoryMb.Value);
            Covers(yaml, unit.MemoryMb.Span, "!Ref Memory");
        }

        [Fact]
        public void Conditions_are_considered_both_ways()
        {
            const string yaml = """
                Parameters:
                  Env: { Type: String, Default: dev }
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: App
                      CodeUri: .
                      MemorySize: !If [IsProd, 1024, 3008]
                      Timeout: !If [IsProd, 30, 30]
                      Runtime: !If [IsProd, dotnet8, dotnet10]
                      EphemeralStorage:
                        Size: !If [IsProd, 2048, !Ref AWS::NoValue]
                      FunctionUrlConfig: !If [IsProd, { AuthType: AWS_IAM }, !Ref AWS::NoValue]
                  ProdOnly:
                    Type: AWS::Serverless::Function
                    Condition: IsProd
                    Properties:
                      Handler: App
                      CodeUri: .
                      MemorySize: !If [IsProd, 2048, 128]
                """;
            var result = Read(yaml);

            var fn = Unit(result, "Fn");
            Assert.Equal(3008, fn.MemoryMb.Value);
            Covers(yaml, fn.MemoryMb.Span, "3008");
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Note && p.Line == 11 && p.Message.Contains("the larger, 3008"));
            Assert.Equal(30, fn.TimeoutSeconds.Value);
            Assert.Equal(ValueState.Unknown, fn.Runtime.State);
            Assert.Contains("'dotnet8' or 'dotnet10'", fn.Runtime.UnknownReason);
            Assert.Equal(2048, fn.EphemeralStorageMb.Value);
            Assert.Equal(FrontDoorKind.FunctionUrl, Assert.Single(fn.FrontDoors).Kind);
            Assert.Equal(ValueState.Absent, fn.Condition.State);

            // A resource that exists only under IsProd is still listed, and there IsProd is true.
            var prodOnly = Unit(result, "ProdOnly");
            Assert.Equal("IsProd", prodOnly.Condition.Value);
            Covers(yaml, prodOnly.Condition.Span, "IsProd", after: "ProdOnly:");
            Assert.Equal(2048, prodOnly.MemoryMb.Value);
            Assert.DoesNotContain(result.Problems, p => p.Line == 23);
            Assert.All(result.Problems, p => Assert.Equal(ProblemLevel.Note, p.Level));
        }

        [Fact]
        public void An_ALB_target_group_is_a_load_balancer_door_on_its_target()
        {
            const string yaml = """
                Resources:
                  WebTargets:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties:
                      TargetType: lambda
                      Targets:
                        - Id: !GetAtt Web.Arn
                  InstanceTargets:
                    Type: AWS::ElasticLoadBalancingV2::TargetGroup
                    Properties:
                      TargetType: instance
                      Targets:
                        - Id: !GetAtt Web.Arn
                  Web:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Web, CodeUri: ./Web }
                """;
            var door = Assert.Single(Assert.Single(Read(yaml).Units).FrontDoors);

            Assert.Equal(FrontDoorKind.LoadBalancer, door.Kind);
            Assert.Equal("alb", door.ProfileKey);
            Assert.Equal("AWS::ElasticLoadBalancingV2::TargetGroup", door.Source);
            Covers(yaml, door.Span, "WebTargets");
        }

        [Fact]
        public void Function_URLs_from_FunctionUrlConfig_and_from_AWS_Lambda_Url()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  SamFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: A
                      CodeUri: .
                      FunctionUrlConfig:
                        AuthType: NONE
                        InvokeMode: RESPONSE_STREAM
                  PlainFn:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: B, Code: { ZipFile: x } }
                  PlainUrl:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: NONE
                      TargetFunctionArn: !GetAtt PlainFn.Arn
                  RefUrl:
                    Type: AWS::Lambda::Url
                    Properties:
                      AuthType: AWS_IAM
                      TargetFunctionArn: !Ref PlainFn
                """;
            var result = Read(yaml);

            var sam = Assert.Single(Unit(result, "SamFn").FrontDoors);
            Assert.Equal(FrontDoorKind.FunctionUrl, sam.Kind);
            Assert.Equal("FunctionUrlConfig", sam.Source);
            Covers(yaml, sam.Span, "FunctionUrlConfig");

            var plain = Unit(result, "PlainFn").FrontDoors;
            Assert.Equal(2, plain.Count);
            Assert.All(plain, d => Assert.Equal(FrontDoorKind.FunctionUrl, d.Kind));
            Assert.Equal("AWS::Lambda::Url", plain[0].Source);
            Covers(yaml, plain[0].Span, "PlainUrl");
            Covers(yaml, plain[1].Span, "RefUrl");
        }

        [Fact]
        public void SQS_visibility_timeout_is_the_queue_value_the_SQS_default_or_unknown()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Declared:
                    Type: AWS::SQS::Queue
                    Properties: { VisibilityTimeout: 45 }
                  Bare:
                    Type: AWS::SQS::Queue
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Worker
                      CodeUri: .
                      Events:
                        FromDeclared: { Type: SQS, Properties: { Queue: !GetAtt Declared.Arn } }
                        FromBare: { Type: SQS, Properties: { Queue: !GetAtt Bare.Arn } }
                        FromElsewhere: { Type: SQS, Properties: { Queue: 'arn:aws:sqs:eu-west-1:123456789012:jobs' } }
                  Mapped:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: Mapped, Code: { ZipFile: x } }
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      EventSourceArn: !GetAtt Declared.Arn
                      FunctionName: !Ref Mapped
                """;
            var result = Read(yaml);
            var doors = Unit(result, "Worker").FrontDoors;

            Assert.Equal(45, doors[0].QueueVisibilityTimeoutSeconds.Value);
            Covers(yaml, doors[0].QueueVisibilityTimeoutSeconds.Span, "45");
            Assert.Equal(30, doors[1].QueueVisibilityTimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, doors[1].QueueVisibilityTimeoutSeconds.Origin);
            Assert.Equal(ValueState.Unknown, doors[2].QueueVisibilityTimeoutSeconds.State);
            Assert.Contains("not declared in this file", doors[2].QueueVisibilityTimeoutSeconds.UnknownReason);
            Assert.Equal("arn:aws:sqs:eu-west-1:123456789012:jobs", doors[2].Route);

            var mapping = Assert.Single(Unit(result, "Mapped").FrontDoors);
            Assert.Equal(FrontDoorKind.Queue, mapping.Kind);
            Assert.Equal("Declared", mapping.Route);
            Assert.Equal(45, mapping.QueueVisibilityTimeoutSeconds.Value);
            Covers(yaml, mapping.Span, "Mapping", after: "  Mapping:");
        }

        [Fact]
        public void SAM_event_types_map_to_front_door_kinds_and_others_keep_their_name()
        {
            var unit = Assert.Single(Read("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: App
                      CodeUri: .
                      Events:
                        Rest: { Type: Api, Properties: { Path: /items, Method: get } }
                        Http: { Type: HttpApi }
                        Topic: { Type: SNS, Properties: { Topic: arn:aws:sns:eu-west-1:1:t } }
                        Nightly: { Type: Schedule, Properties: { Schedule: cron(0 1 * * ? *) } }
                        Next: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 hour) } }
                        Upload: { Type: S3, Properties: { Bucket: !Ref Uploads, Events: s3:ObjectCreated:* } }
                        Changes: { Type: DynamoDB, Properties: { Stream: arn:aws:dynamodb:eu-west-1:1:table/t/stream/x } }
                        Clicks: { Type: Kinesis, Properties: { Stream: arn:aws:kinesis:eu-west-1:1:stream/c } }
                        Bus: { Type: EventBridgeRule, Properties: { Pattern: { source: [app] } } }
                        Logs: { Type: CloudWatchLogs, Properties: { LogGroupName: g, FilterPattern: '' } }
                  Uploads:
                    Type: AWS::S3::Bucket
                """).Units);

            Assert.Equal(
                new[]
                {
                    FrontDoorKind.RestApi, FrontDoorKind.HttpApi, FrontDoorKind.Topic, FrontDoorKind.Schedule, FrontDoorKind.Schedule,
                    FrontDoorKind.Storage, FrontDoorKind.Stream, FrontDoorKind.Stream, FrontDoorKind.EventBus, FrontDoorKind.Other,
                },
                unit.FrontDoors.Select(d => d.Kind));
            Assert.Equal("GET /items", unit.FrontDoors[0].Route);
            Assert.Null(unit.FrontDoors[1].Route);
            Assert.Equal("cron(0 1 * * ? *)", unit.FrontDoors[3].Route);
            Assert.Equal("rate(1 hour)", unit.FrontDoors[4].Route);
            Assert.Equal("Uploads", unit.FrontDoors[5].Route);
            Assert.Equal("CloudWatchLogs", unit.FrontDoors[^1].Source);
        }

        [Fact]
        public void Image_functions_take_their_handler_from_the_image_command()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Pushed:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest
                      ImageConfig:
                        Command: [App::App.Function::Handle]
                  Built:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                    Metadata:
                      DockerContext: ./src/App
                      Dockerfile: Dockerfile
                """;
            var result = Read(yaml);

            var pushed = Unit(result, "Pushed");
            Assert.Equal("App::App.Function::Handle", pushed.Handler.Value);
            Covers(yaml, pushed.Handler.Span, "App::App.Function::Handle");
            Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest", pushed.Artifact.Value);
            Assert.Equal(ValueState.Absent, pushed.Runtime.State);
            Assert.Equal("./src/App", Unit(result, "Built").Artifact.Value);
            Assert.Equal(ValueState.Absent, Unit(result, "Built").Handler.State);
            Assert.True(pushed.IsImage);
            Assert.True(Unit(result, "Built").IsImage);
        }

        [Fact]
        public void OpenAPI_bodies_REST_methods_rules_and_authorizers_point_at_functions()
        {
            const string yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      Auth:
                        Authorizers:
                          TokenAuth:
                            FunctionArn: !GetAtt Auth.Arn
                      DefinitionBody:
                        openapi: '3.0'
                        paths:
                          /orders:
                            post:
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                timeoutInMillis: 12000
                                uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations
                  Rest:
                    Type: AWS::ApiGateway::RestApi
                    Properties: { Name: legacy }
                  ItemsResource:
                    Type: AWS::ApiGateway::Resource
                    Properties: { RestApiId: !Ref Rest, ParentId: !GetAtt Rest.RootResourceId, PathPart: items }
                  ItemsGet:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Rest
                      ResourceId: !Ref ItemsResource
                      HttpMethod: GET
                      AuthorizationType: NONE
                      Integration:
                        Type: AWS_PROXY
                        IntegrationHttpMethod: POST
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Orders.Arn}/invocations
                  Nightly:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: rate(1 day)
                      Targets: [{ Id: orders, Arn: !GetAtt Orders.Arn }]
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Orders, CodeUri: . }
                  Auth:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Auth, CodeUri: . }
                """;
            var result = Read(yaml);

            var doors = Unit(result, "Orders").FrontDoors;
            Assert.Equal(new[] { FrontDoorKind.RestApi, FrontDoorKind.RestApi, FrontDoorKind.Schedule }, doors.Select(d => d.Kind));
            Assert.Equal("POST /orders", doors[0].Route);
            Covers(yaml, doors[0].Span, "post");
            Assert.Equal(12000, doors[0].IntegrationTimeoutMs.Value);
            Assert.Equal("GET /items", doors[1].Route);
            Covers(yaml, doors[1].Span, "ItemsGet");
            Assert.Equal("rate(1 day)", doors[2].Route);

            var authorizer = Assert.Single(Unit(result, "Auth").FrontDoors);
            Assert.Equal(FrontDoorKind.Other, authorizer.Kind);
            Assert.Equal("Authorizer", authorizer.Source);
            Assert.Equal("TokenAuth", authorizer.Route);
            Covers(yaml, authorizer.Span, "TokenAuth");
        }

        [Fact]
        public void Event_source_mappings_from_streams_are_stream_doors()
        {
            var result = Read("""
                Resources:
                  Clicks:
                    Type: AWS::Kinesis::Stream
                    Properties: { ShardCount: 1 }
                  Reader:
                    Type: AWS::Lambda::Function
                    Properties: { Handler: Reader, FunctionName: click-reader, Code: { ZipFile: x } }
                  ReadClicks:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties: { EventSourceArn: !GetAtt Clicks.Arn, FunctionName: click-reader, StartingPosition: LATEST }
                """);

            var door = Assert.Single(Assert.Single(result.Units).FrontDoors);
            Assert.Equal(FrontDoorKind.Stream, door.Kind);
            Assert.Equal("Clicks", door.Route);
            Assert.Equal(ValueState.Absent, door.QueueVisibilityTimeoutSeconds.State);
        }

        [Theory]
        [InlineData("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: [unclosed\n")]
        [InlineData("- just\n- a list\n")]
        [InlineData("Resources: [1, 2]\n")]
        [InlineData("Resources:\n  Fn: notamapping\n  Other:\n    Type: !Ref X\n")]
        [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: !If [C, {}, {}]\n")]
        [InlineData("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: !If [C]\n      Timeout: !Select [x, [1]]\n      Handler: !Sub [1, 2, 3]\n      Runtime: !FindInMap [M]\n")]
        [InlineData("Globals: 3\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events: 7\n      EphemeralStorage: [1]\n      Architectures: {a: b}\n")]
        [InlineData("{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Timeout\": \"thirty\"}}}")]
        [InlineData("{ \"a\": \"unterminated string }")]
        [InlineData("Resources:\n  Fn: !!.[ x\n")]
        [InlineData("a: &a [*a]\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: *a\n")]
        public void Bad_input_is_a_problem_or_an_unknown_never_an_exception(string text)
        {
            var result = Read(text);

            Assert.Equal(ConfigFormat.CloudFormation, result.Format);
            // A reader that throws is caught by DeploymentConfigReader and reported as asking for a bug report.
            Assert.DoesNotContain(result.Problems, p => p.Message.Contains("please report it"));
        }

        [Fact]
        public void Deep_nesting_is_refused_with_a_problem()
        {
            var result = Read("Resources:\n  X: " + new string('[', 5000) + new string(']', 5000) + "\n");

            Assert.Empty(result.Units);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Error && p.Message.Contains("nesting"));
        }

        [Fact]
        public void Malformed_YAML_is_an_error_with_its_line()
        {
            var result = Read("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: [unclosed\n      Timeout: 3\n");

            Assert.Empty(result.Units);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Error, problem.Level);
            Assert.True(problem.Line >= 5, problem.ToString());
        }
    }
}
