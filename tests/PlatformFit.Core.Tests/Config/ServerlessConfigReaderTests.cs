using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    public class ServerlessConfigReaderTests
    {
        private const string Path = "/repo/serverless.yml";

        private static ConfigReadResult Read(string yaml, ConfigReadContext? context = null) =>
            DeploymentConfigReader.Read(Path, yaml, context ?? ConfigReadContext.Default);

        private static DeploymentUnit Single(string yaml, ConfigReadContext? context = null)
        {
            var result = Read(yaml, context);
            return Assert.Single(result.Units);
        }

        [Fact]
        public void Reads_a_function_with_provider_values_merged_and_every_value_located()
        {
            const string yaml = """
                service: orders
                provider:
                  name: aws
                  runtime: dotnet8
                  memorySize: 512
                  timeout: 30
                  architecture: arm64
                functions:
                  api:
                    handler: Orders::Orders.Function::Handle
                    timeout: 20
                    ephemeralStorageSize: 1024
                    events:
                      - httpApi: 'POST /orders'
                """;
            var result = Read(yaml);

            Assert.Empty(result.Problems);
            Assert.Equal(ConfigFormat.ServerlessFramework, result.Format);
            var unit = Assert.Single(result.Units);
            Assert.Equal("api", unit.Name);
            Assert.Equal("aws-lambda", unit.Platform);
            Assert.Equal(9, unit.Declaration.StartLine);
            Assert.Equal(3, unit.Declaration.StartColumn);

            Assert.Equal("Orders::Orders.Function::Handle", unit.Handler.Value);
            Assert.Equal((10, 14), (unit.Handler.Span!.StartLine, unit.Handler.Span.StartColumn));

            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal(ValueOrigin.Inherited, unit.Runtime.Origin);
            Assert.Equal(4, unit.Runtime.Span!.StartLine);

            Assert.Equal(512, unit.MemoryMb.Value);
            Assert.Equal(ValueOrigin.Inherited, unit.MemoryMb.Origin);
            Assert.Equal(20, unit.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.Declared, unit.TimeoutSeconds.Origin);
            Assert.Equal(11, unit.TimeoutSeconds.Span!.StartLine);
            Assert.Equal("arm64", unit.Architecture.Value);
            Assert.Equal(1024, unit.EphemeralStorageMb.Value);

            var door = Assert.Single(unit.FrontDoors);
            Assert.Equal(FrontDoorKind.HttpApi, door.Kind);
            Assert.Equal("POST /orders", door.Route);
            Assert.Equal((14, 9), (door.Span.StartLine, door.Span.StartColumn));
            Assert.Equal("httpApi", yaml.Substring(door.Span.Start, door.Span.Length));
        }

        [Fact]
        public void Absent_memory_and_timeout_take_the_framework_defaults()
        {
            var unit = Single("""
                provider:
                  name: aws
                functions:
                  hello:
                    handler: Hello::Hello.Function::Run
                """);

            Assert.Equal(1024, unit.MemoryMb.Value);
            Assert.Equal(6, unit.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, unit.TimeoutSeconds.Origin);
            Assert.Null(unit.TimeoutSeconds.Span);
            Assert.Equal(ValueState.Absent, unit.Runtime.State);
            Assert.Equal(ValueState.Absent, unit.EphemeralStorageMb.State);
        }

        [Fact]
        public void Classifies_every_event_type_it_knows_and_keeps_the_others_by_name()
        {
            var unit = Single("""
                provider:
                  name: aws
                functions:
                  all:
                    handler: App
                    url: true
                    events:
                      - http: GET hello
                      - httpApi:
                          method: post
                          path: /items
                      - websocket:
                          route: $connect
                      - alb:
                          priority: 1
                      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs
                      - sns: topic
                      - schedule: rate(5 minutes)
                      - stream:
                          type: dynamodb
                          arn: arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/1
                      - s3: uploads
                      - eventBridge:
                          pattern:
                            source: [app]
                      - cognitoUserPool:
                          pool: users
                """);

            Assert.Equal(
                new[]
                {
                    FrontDoorKind.FunctionUrl, FrontDoorKind.RestApi, FrontDoorKind.HttpApi, FrontDoorKind.WebSocketApi, FrontDoorKind.LoadBalancer,
                    FrontDoorKind.Queue, FrontDoorKind.Topic, FrontDoorKind.Schedule, FrontDoorKind.Stream, FrontDoorKind.Storage,
                    FrontDoorKind.EventBus, FrontDoorKind.Other,
                },
                unit.FrontDoors.Select(d => d.Kind));
            Assert.Equal("GET hello", unit.FrontDoors[1].Route);
            Assert.Equal("POST /items", unit.FrontDoors[2].Route);
            Assert.Equal("$connect", unit.FrontDoors[3].Route);
            Assert.Equal("cognitoUserPool", unit.FrontDoors[^1].Source);
        }

        [Fact]
        public void Reads_a_function_URLs_invoke_mode_with_its_place()
        {
            var result = Read("""
                provider: { name: aws }
                functions:
                  streaming:
                    handler: App
                    url:
                      invokeMode: RESPONSE_STREAM
                  buffered:
                    handler: App
                    url: true
                  unknown:
                    handler: App
                    url:
                      invokeMode: ${ssm:/app/mode}
                """);

            var streaming = Assert.Single(result.Units[0].FrontDoors);
            Assert.Equal(FrontDoorKind.FunctionUrl, streaming.Kind);
            Assert.Equal("RESPONSE_STREAM", streaming.ResponseMode.Value);
            Assert.Equal((6, 19), (streaming.ResponseMode.Span!.StartLine, streaming.ResponseMode.Span.StartColumn));
            Assert.Equal(ValueState.Absent, Assert.Single(result.Units[1].FrontDoors).ResponseMode.State);
            Assert.Equal(ValueState.Unknown, Assert.Single(result.Units[2].FrontDoors).ResponseMode.State);
        }

        [Fact]
        public void Url_false_is_no_front_door()
        {
            var unit = Single("""
                provider: { name: aws }
                functions:
                  f:
                    handler: App
                    url: false
                """);
            Assert.Empty(unit.FrontDoors);
        }

        [Fact]
        public void Resolves_self_opt_sls_env_and_param_variables_with_their_fallbacks()
        {
            const string yaml = """
                service: shop
                params:
                  prod:
                    memory: 2048
                  default:
                    memory: 512
                custom:
                  timeouts:
                    dev: 10
                    prod: 25
                  assembly: Shop
                provider:
                  name: aws
                  stage: ${opt:stage, 'dev'}
                  runtime: ${env:LAMBDA_RUNTIME, 'dotnet10'}
                functions:
                  api:
                    handler: ${self:custom.assembly}::Shop.Api::${env:HANDLER_METHOD, "Handle"}
                    memorySize: ${param:memory}
                    timeout: ${self:custom.timeouts.${sls:stage}}
                """;

            var dev = Single(yaml);
            Assert.Equal("Shop::Shop.Api::Handle", dev.Handler.Value);
            Assert.Equal("dotnet10", dev.Runtime.Value);
            Assert.Equal(512, dev.MemoryMb.Value);
            Assert.Equal(10, dev.TimeoutSeconds.Value);

            var prod = Single(yaml, new ConfigReadContext
            {
                Stage = "prod",
                Environment = new Dictionary<string, string> { ["LAMBDA_RUNTIME"] = "dotnet8" },
            });
            Assert.Equal("dotnet8", prod.Runtime.Value);
            Assert.Equal(2048, prod.MemoryMb.Value);
            Assert.Equal(25, prod.TimeoutSeconds.Value);
        }

        [Fact]
        public void Deploy_time_sources_make_the_value_unknown_even_with_a_fallback()
        {
            var unit = Single("""
                provider:
                  name: aws
                  timeout: ${ssm:/shop/timeout, 30}
                functions:
                  api:
                    handler: Shop
                    memorySize: ${cf:network.Memory}
                """);

            Assert.Equal(ValueState.Unknown, unit.TimeoutSeconds.State);
            Assert.Contains("deploy time", unit.TimeoutSeconds.UnknownReason);
            Assert.Equal(3, unit.TimeoutSeconds.Span!.StartLine);
            Assert.Equal(ValueState.Unknown, unit.MemoryMb.State);
        }

        [Fact]
        public void An_unset_environment_variable_without_fallback_is_unknown_not_empty()
        {
            var unit = Single("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ${env:HANDLER}
                """);

            Assert.Equal(ValueState.Unknown, unit.Handler.State);
        }

        [Fact]
        public void Reads_a_referenced_file_through_the_host()
        {
            var context = new ConfigReadContext
            {
                ReadFile = path => path == "/repo/config/env.yml" ? "region: eu-west-1\nlimits:\n  timeout: 12\n" : null,
            };
            var unit = Single("""
                provider:
                  name: aws
                  timeout: ${file(./config/env.yml):limits.timeout}
                functions:
                  api:
                    handler: Shop
                    memorySize: ${file(./missing.yml):memory}
                """, context);

            Assert.Equal(12, unit.TimeoutSeconds.Value);
            Assert.Equal(ValueState.Unknown, unit.MemoryMb.State);
        }

        [Fact]
        public void A_variable_cycle_is_reported_once_and_the_value_stays_unknown()
        {
            var result = Read("""
                custom:
                  a: ${self:custom.b}
                  b: ${self:custom.a}
                provider:
                  name: aws
                functions:
                  api:
                    handler: Shop
                    timeout: ${self:custom.a}
                """);

            var unit = Assert.Single(result.Units);
            Assert.Equal(ValueState.Unknown, unit.TimeoutSeconds.State);
            var problem = Assert.Single(result.Problems);
            Assert.Contains("cycle", problem.Message);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
        }

        [Fact]
        public void Service_level_package_artifact_is_inherited_and_a_function_artifact_wins()
        {
            var result = Read("""
                provider:
                  name: aws
                package:
                  artifact: bin/release/net8.0/deploy-package.zip
                functions:
                  one:
                    handler: A::A.F::One
                  two:
                    handler: A::A.F::Two
                    package:
                      artifact: bin/release/net8.0/two.zip
                """);

            Assert.Equal("bin/release/net8.0/deploy-package.zip", result.Units[0].Artifact.Value);
            Assert.Equal(ValueOrigin.Inherited, result.Units[0].Artifact.Origin);
            Assert.Equal("bin/release/net8.0/two.zip", result.Units[1].Artifact.Value);
        }

        [Fact]
        public void Malformed_yaml_is_a_problem_with_the_line_not_an_exception()
        {
            var result = Read("provider:\n  name: aws\nfunctions:\n  api:\n    handler: [unclosed\n    timeout: 3\n");

            Assert.Empty(result.Units);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Error, problem.Level);
            Assert.Equal(Path, problem.Path);
            Assert.True(problem.Line >= 5, problem.ToString());
            Assert.StartsWith("not valid YAML", problem.Message);
        }

        [Fact]
        public void Other_providers_are_not_scanned_and_say_so()
        {
            var result = Read("""
                provider:
                  name: azure
                functions:
                  api:
                    handler: Api
                """);

            Assert.Empty(result.Units);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Note && p.Message.Contains("azure"));
        }

        [Fact]
        public void Crlf_line_endings_and_a_byte_order_mark_keep_positions_exact()
        {
            var yaml = "\uFEFFprovider:\r\n  name: aws\r\nfunctions:\r\n  api:\r\n    handler: Api\r\n    timeout: 45\r\n";
            var text = yaml.TrimStart('\uFEFF');
            var unit = Single(text);

            Assert.Equal(45, unit.TimeoutSeconds.Value);
            Assert.Equal((6, 14), (unit.TimeoutSeconds.Span!.StartLine, unit.TimeoutSeconds.Span.StartColumn));
            Assert.Equal("45", text.Substring(unit.TimeoutSeconds.Span.Start, unit.TimeoutSeconds.Span.Length));
        }

        [Fact]
        public void Anchors_and_merge_keys_are_applied()
        {
            var result = Read("""
                provider:
                  name: aws
                x-defaults: &defaults
                  memorySize: 256
                  timeout: 15
                functions:
                  one:
                    <<: *defaults
                    handler: A::A.F::One
                  two:
                    <<: *defaults
                    handler: A::A.F::Two
                    timeout: 5
                """);

            Assert.Equal(new[] { 256, 256 }, result.Units.Select(u => u.MemoryMb.Value));
            Assert.Equal(new[] { 15, 5 }, result.Units.Select(u => u.TimeoutSeconds.Value));
        }

        [Fact]
        public void Duplicate_keys_keep_the_last_value_and_warn()
        {
            var result = Read("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Api
                    timeout: 10
                    timeout: 20
                """);

            Assert.Equal(20, Assert.Single(result.Units).TimeoutSeconds.Value);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(7, problem.Line);
            Assert.Contains("duplicate key 'timeout'", problem.Message);
        }

        [Fact]
        public void A_non_numeric_timeout_is_unknown_with_a_warning()
        {
            var result = Read("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Api
                    timeout: thirty
                """);

            Assert.Equal(ValueState.Unknown, Assert.Single(result.Units).TimeoutSeconds.State);
            Assert.Contains(result.Problems, p => p.Line == 6 && p.Message.Contains("whole number"));
        }

        [Fact]
        public void Deep_nesting_is_refused_with_a_problem()
        {
            var yaml = "provider:\n  name: aws\nx: " + new string('[', 5000) + new string(']', 5000) + "\n";
            var result = Read(yaml);

            Assert.Empty(result.Units);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Error && p.Message.Contains("nesting"));
        }

        [Fact]
        public void An_alias_bomb_does_not_expand()
        {
            var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
                string.Concat(Enumerable.Range(1, 20).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n")) +
                "provider:\n  name: aws\nfunctions:\n  api:\n    handler: Api\n";
            var result = Read(yaml);

            Assert.Single(result.Units);
        }

        [Fact]
        public void Functions_as_a_list_of_mappings_are_read()
        {
            var result = Read("""
                provider:
                  name: aws
                functions:
                  - one:
                      handler: A::A.F::One
                  - two:
                      handler: A::A.F::Two
                """);

            Assert.Equal(new[] { "one", "two" }, result.Units.Select(u => u.Name));
        }

        [Fact]
        public void Json_services_are_read_with_positions()
        {
            var result = DeploymentConfigReader.Read("/repo/serverless.json", """
                {
                  "provider": { "name": "aws", "runtime": "dotnet8" },
                  "functions": {
                    "api": { "handler": "Api", "timeout": 12, "events": [ { "httpApi": "*" } ] }
                  }
                }
                """, ConfigReadContext.Default);

            var unit = Assert.Single(result.Units);
            Assert.Equal(12, unit.TimeoutSeconds.Value);
            Assert.Equal(4, unit.TimeoutSeconds.Span!.StartLine);
            Assert.Equal(FrontDoorKind.HttpApi, Assert.Single(unit.FrontDoors).Kind);
        }

        [Fact]
        public void A_function_with_an_image_is_a_container_image_package()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  renderer:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/renderer:1.4.2
                  api:
                    handler: Api
                """;
            var result = Read(yaml);

            var renderer = result.Units.Single(u => u.Name == "renderer");
            Assert.True(renderer.IsImage);
            Assert.Equal("image", yaml.Substring(renderer.PackageType.Span!.Start, renderer.PackageType.Span.Length));
            Assert.False(result.Units.Single(u => u.Name == "api").IsImage);
        }

        [Fact]
        public void A_REST_API_event_carries_its_integration_timeout()
        {
            const string yaml = """
                provider:
                  name: aws
                functions:
                  reports:
                    handler: Reports
                    events:
                      - http:
                          path: reports
                          method: post
                          timeoutInMillis: 90000
                      - http: GET status
                      - httpApi:
                          path: /other
                          method: get
                """;
            var doors = Single(yaml).FrontDoors;

            Assert.Equal(90000, doors[0].IntegrationTimeoutMs.Value);
            Assert.Equal("90000", yaml.Substring(doors[0].IntegrationTimeoutMs.Span!.Start, doors[0].IntegrationTimeoutMs.Span!.Length));
            Assert.Equal(ValueState.Absent, doors[1].IntegrationTimeoutMs.State);
            Assert.Equal(ValueState.Absent, doors[2].IntegrationTimeoutMs.State);
            Assert.All(doors, d => Assert.Equal(ValueState.Absent, d.QueueVisibilityTimeoutSeconds.State));
        }
}
}
