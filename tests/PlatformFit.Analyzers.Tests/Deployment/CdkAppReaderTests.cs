using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PlatformFit.Analyzers.Deployment.Cdk;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Tests.Deployment
{
    /// <summary>The Lambda functions of an AWS CDK app's C#, read from the syntax into deployment units.</summary>
    public class CdkAppReaderTests
    {
        private const string CdkJson = """
            {
              "app": "dotnet run --project src/Infra/Infra.csproj",
              "watch": { "include": ["**"], "exclude": ["README.md", "cdk*.json", "src/*/obj", "src/*/bin"] },
              "context": { "@aws-cdk/aws-lambda:recognizeLayerVersion": true }
            }
            """;

        private const string StackPath = "/repo/src/Infra/OrdersStack.cs";

        private static IReadOnlyList<ConfigReadResult> Read(params (string Path, string Text)[] files)
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["/repo/cdk.json"] = CdkJson };
            foreach (var (path, text) in files)
            {
                all[path] = text;
            }

            return CdkApps.Read(all.Keys, path => all.TryGetValue(path, out var text) ? text : null, CancellationToken.None);
        }

        /// <summary>A stack class whose constructor runs <paramref name="statements"/>, with the usual usings.</summary>
        private static string InStack(string statements, string parameters = "") => $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;

            public class AppStack : Stack
            {
                public AppStack(Constructs.Construct scope{{parameters}}) : base(scope, "App")
                {
            {{statements}}
                }
            }
            """;

        private static DeploymentUnit Single(string stack) => Assert.Single(Assert.Single(Read((StackPath, stack))).Units);

        /// <summary>The text a span covers, to check positions without writing line numbers by hand.</summary>
        private static string At(string text, ConfigSpan? span)
        {
            Assert.NotNull(span);
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            Assert.Equal(span!.StartLine, span.EndLine);
            return lines[span.StartLine - 1].Substring(span.StartColumn - 1, span.EndColumn - span.StartColumn);
        }

        [Fact]
        public void Reads_every_constant_prop_with_its_place()
        {
            const string stack = """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Constructs;

                namespace Infra
                {
                    public class OrdersStack : Stack
                    {
                        public OrdersStack(Construct scope, string id, IStackProps props = null) : base(scope, id, props)
                        {
                            var orders = new Function(this, "OrdersFunction", new FunctionProps
                            {
                                Runtime = Runtime.DOTNET_8,
                                Handler = "Orders::Orders.Function::Handle",
                                MemorySize = 1024,
                                Timeout = Duration.Seconds(30),
                                Architecture = Architecture.ARM_64,
                                EphemeralStorageSize = Size.Mebibytes(1024),
                                Code = Code.FromAsset("src/Orders/bin/Release/net8.0/publish"),
                            });
                        }
                    }
                }
                """;
            var unit = Single(stack);

            Assert.Equal("OrdersFunction", unit.Name);
            Assert.Equal("aws-lambda", unit.Platform);
            Assert.Equal(StackPath, unit.ConfigPath);
            Assert.Equal("new Function", At(stack, unit.Declaration));
            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal("Runtime.DOTNET_8", At(stack, unit.Runtime.Span));
            Assert.Equal("Orders::Orders.Function::Handle", unit.Handler.Value);
            Assert.Equal("\"Orders::Orders.Function::Handle\"", At(stack, unit.Handler.Span));
            Assert.Equal(1024, unit.MemoryMb.Value);
            Assert.Equal("1024", At(stack, unit.MemoryMb.Span));
            Assert.Equal(ValueOrigin.Declared, unit.MemoryMb.Origin);
            Assert.Equal(30, unit.TimeoutSeconds.Value);
            Assert.Equal("Duration.Seconds(30)", At(stack, unit.TimeoutSeconds.Span));
            Assert.Equal("arm64", unit.Architecture.Value);
            Assert.Equal(1024, unit.EphemeralStorageMb.Value);
            Assert.Equal("Size.Mebibytes(1024)", At(stack, unit.EphemeralStorageMb.Span));
            Assert.Equal("/repo/src/Orders/bin/Release/net8.0/publish", unit.Artifact.Value);
            Assert.Equal("\"src/Orders/bin/Release/net8.0/publish\"", At(stack, unit.Artifact.Span));
            Assert.False(unit.IsImage);
        }

        [Fact]
        public void Folds_consts_minutes_gibibytes_interpolation_and_arithmetic()
        {
            const string settings = """
                namespace Infra
                {
                    internal static class Settings
                    {
                        public const string Assembly = "Orders";
                        public const int BaseMemory = 512;
                    }
                }
                """;
            var unit = Assert.Single(Assert.Single(Read(("/repo/src/Infra/Settings.cs", settings), (StackPath, """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;

                namespace Infra
                {
                    public class OrdersStack : Stack
                    {
                        private const int Minutes = 2;

                        public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                        {
                            const string method = "Handle";
                            _ = new Function(this, "Orders", new FunctionProps
                            {
                                Runtime = Runtime.DOTNET_10,
                                Handler = $"{Settings.Assembly}::{Settings.Assembly}.Function::{method}",
                                MemorySize = Settings.BaseMemory * 2,
                                Timeout = Duration.Minutes(Minutes),
                                EphemeralStorageSize = Size.Gibibytes(2),
                                Code = Code.FromAsset("src/" + Settings.Assembly),
                            });
                        }
                    }
                }
                """), ("/repo/src/Infra/Program.cs", "// no CDK here\nSystem.Console.WriteLine();"))).Units);

            Assert.Equal("Orders::Orders.Function::Handle", unit.Handler.Value);
            Assert.Equal(1024, unit.MemoryMb.Value);
            Assert.Equal(120, unit.TimeoutSeconds.Value);
            Assert.Equal(2048, unit.EphemeralStorageMb.Value);
            Assert.Equal("dotnet10", unit.Runtime.Value);
            Assert.Equal("/repo/src/Orders", unit.Artifact.Value);
        }

        [Fact]
        public void Values_computed_when_the_app_runs_are_unknown_with_the_reason_and_never_defaulted()
        {
            const string stack = """
                using System;
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;

                public class OrdersStack : Stack
                {
                    private static readonly int Memory = int.Parse(Environment.GetEnvironmentVariable("MEMORY"));

                    public OrdersStack(Constructs.Construct scope, int timeout) : base(scope, "Orders")
                    {
                        new Function(this, "Orders", new FunctionProps
                        {
                            Runtime = Runtime.DOTNET_8,
                            Handler = Environment.GetEnvironmentVariable("HANDLER"),
                            MemorySize = Memory,
                            Timeout = Duration.Seconds(timeout),
                            Architecture = Architecture.Custom("arm64"),
                            EphemeralStorageSize = Size.Mebibytes(1.5),
                            Code = Code.FromAsset(System.IO.Path.Combine(AppContext.BaseDirectory, "src", "Orders")),
                        });
                    }
                }
                """;
            var unit = Single(stack);

            Assert.Equal(ValueState.Unknown, unit.Handler.State);
            Assert.Equal(ValueState.Unknown, unit.MemoryMb.State);
            Assert.Contains("Memory", unit.MemoryMb.UnknownReason, StringComparison.Ordinal);
            Assert.Equal("Memory", At(stack, unit.MemoryMb.Span));
            Assert.Equal(ValueState.Unknown, unit.TimeoutSeconds.State);
            Assert.Equal("Duration.Seconds(timeout)", At(stack, unit.TimeoutSeconds.Span));
            Assert.Equal(ValueState.Unknown, unit.Architecture.State);
            Assert.Equal(ValueState.Unknown, unit.EphemeralStorageMb.State);
            Assert.Contains("whole number", unit.EphemeralStorageMb.UnknownReason, StringComparison.Ordinal);
            Assert.Equal(ValueState.Unknown, unit.Artifact.State);
            Assert.Equal("dotnet8", unit.Runtime.Value);
        }

        [Fact]
        public void A_const_cycle_and_a_very_deep_expression_are_unknown_not_a_crash()
        {
            var deep = string.Concat(Enumerable.Repeat("(", 5000)) + "1" + string.Concat(Enumerable.Repeat(")", 5000));
            var sum = string.Join(" + ", Enumerable.Repeat("\"a\"", 20000));
            var results = Read((StackPath, InStack($$"""
                new Function(this, "Cycle", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Cycle", MemorySize = Loop.A });
                new Function(this, "Deep", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = {{sum}}, MemorySize = {{deep}} });
                """) + """

                static class Loop
                {
                    public const int A = B;
                    public const int B = A;
                }
                """));

            var units = results.SelectMany(r => r.Units).ToList();
            Assert.Equal(ValueState.Unknown, units.Single(u => u.Name == "Cycle").MemoryMb.State);
            var deepUnit = units.Single(u => u.Name == "Deep");
            Assert.NotEqual(ValueState.Known, deepUnit.MemoryMb.State);
            Assert.NotEqual(ValueState.Known, deepUnit.Handler.State);
        }

        [Fact]
        public void Absent_memory_and_timeout_are_the_CDK_defaults_and_props_built_elsewhere_are_unknown()
        {
            var results = Read((StackPath, InStack("""
                var props = new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Orders", Code = Code.FromAsset("src/Orders") };
                new Function(this, "Defaults", props);
                new Function(this, "Shared", shared);
                """, ", FunctionProps shared")));
            var units = Assert.Single(results).Units;

            var defaults = units.Single(u => u.Name == "Defaults");
            Assert.Equal(128, defaults.MemoryMb.Value);
            Assert.Equal(ValueOrigin.ToolDefault, defaults.MemoryMb.Origin);
            Assert.Null(defaults.MemoryMb.Span);
            Assert.Equal(3, defaults.TimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, defaults.TimeoutSeconds.Origin);
            Assert.Equal(ValueState.Absent, defaults.EphemeralStorageMb.State);
            Assert.Equal("Orders", defaults.Handler.Value);

            var shared = units.Single(u => u.Name == "Shared");
            Assert.Equal(ValueState.Unknown, shared.MemoryMb.State);
            Assert.Equal(ValueState.Unknown, shared.TimeoutSeconds.State);
            Assert.Equal(ValueState.Unknown, shared.Runtime.State);
        }

        [Fact]
        public void A_props_local_changed_after_its_declaration_is_unknown()
        {
            var unit = Single(InStack("""
                var props = new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Orders", MemorySize = 512 };
                if (large)
                {
                    props.MemorySize = 4096;
                }

                new Function(this, "Orders", props);
                """, ", bool large"));

            Assert.Equal(ValueState.Unknown, unit.MemoryMb.State);
        }

        [Fact]
        public void The_fully_qualified_and_aliased_spellings_are_read_and_another_Function_type_is_not()
        {
            var results = Read((StackPath, """
                using Amazon.CDK;
                using Lambda = Amazon.CDK.AWS.Lambda;

                namespace Infra
                {
                    public class Function
                    {
                        public Function(object scope, string id, object props) { }
                    }

                    public class OrdersStack : Stack
                    {
                        public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                        {
                            new Amazon.CDK.AWS.Lambda.Function(this, "Qualified", new Amazon.CDK.AWS.Lambda.FunctionProps
                            {
                                Runtime = Amazon.CDK.AWS.Lambda.Runtime.PROVIDED_AL2023,
                                Handler = "bootstrap",
                                Timeout = Amazon.CDK.Duration.Seconds(10),
                            });
                            new Lambda.Function(this, "Aliased", new Lambda.FunctionProps { Runtime = Lambda.Runtime.DOTNET_8, Handler = "Orders" });
                            new Function(this, "NotCdk", new { MemorySize = 64 });
                        }
                    }
                }
                """));
            var units = Assert.Single(results).Units;

            Assert.Equal(new[] { "Qualified", "Aliased" }, units.Select(u => u.Name));
            Assert.Equal("provided.al2023", units[0].Runtime.Value);
            Assert.Equal(10, units[0].TimeoutSeconds.Value);
            Assert.Equal("dotnet8", units[1].Runtime.Value);
        }

        [Theory]
        [InlineData("NODEJS_20_X", "nodejs20.x")]
        [InlineData("PYTHON_3_12", "python3.12")]
        [InlineData("JAVA_21", "java21")]
        [InlineData("RUBY_3_3", "ruby3.3")]
        [InlineData("DOTNET_CORE_3_1", "dotnetcore3.1")]
        [InlineData("PROVIDED_AL2", "provided.al2")]
        public void Runtime_fields_are_the_names_Lambda_knows(string field, string runtime)
        {
            var unit = Single(InStack($$"""
                new Function(this, "Hello", new FunctionProps { Runtime = Runtime.{{field}}, Handler = "index.handler", Code = Code.FromAsset("lambda") });
                """));

            Assert.Equal(runtime, unit.Runtime.Value);
        }

        [Fact]
        public void A_runtime_that_follows_the_CDK_version_is_unknown()
        {
            var unit = Single(InStack("""
                new Function(this, "Hello", new FunctionProps { Runtime = Runtime.NODEJS_LATEST, Handler = "index.handler", Code = Code.FromAsset("lambda") });
                """));

            Assert.Equal(ValueState.Unknown, unit.Runtime.State);
        }

        [Fact]
        public void Image_functions_are_images_without_runtime_or_handler_and_keep_their_asset_folder()
        {
            var results = Read((StackPath, InStack("""
                new DockerImageFunction(this, "Thumbnails", new DockerImageFunctionProps
                {
                    Code = DockerImageCode.FromImageAsset("src/Thumbnails"),
                    MemorySize = 2048,
                    Timeout = Duration.Minutes(5),
                });
                new Function(this, "Resize", new FunctionProps
                {
                    Runtime = Runtime.FROM_IMAGE,
                    Handler = Handler.FROM_IMAGE,
                    Code = Code.FromAssetImage("src/Resize"),
                });
                """)));
            var units = Assert.Single(results).Units;

            Assert.All(units, unit =>
            {
                Assert.True(unit.IsImage);
                Assert.Equal(ValueState.Absent, unit.Runtime.State);
                Assert.Equal(ValueState.Absent, unit.Handler.State);
            });
            Assert.Equal("/repo/src/Thumbnails", units[0].Artifact.Value);
            Assert.Equal(2048, units[0].MemoryMb.Value);
            Assert.Equal(300, units[0].TimeoutSeconds.Value);
            Assert.Equal("/repo/src/Resize", units[1].Artifact.Value);
        }

        [Fact]
        public void The_asset_folder_ties_an_image_function_to_its_project_and_the_handler_ties_a_zip_function()
        {
            var configs = Read((StackPath, InStack("""
                new DockerImageFunction(this, "Thumbnails", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("src/Thumbnails") });
                new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Orders::Orders.Function::Handle", Code = Code.FromAsset("src/Orders/bin/Release/net8.0/publish") });
                """)));

            var thumbnails = Assert.Single(DeploymentBinder.UnitsOf(new ProjectIdentity("Thumbnails", "/repo/src/Thumbnails"), configs));
            Assert.Equal("Thumbnails", thumbnails.Unit.Name);
            Assert.Equal(BindingEvidence.ArtifactPath, thumbnails.Evidence);
            var orders = Assert.Single(DeploymentBinder.UnitsOf(new ProjectIdentity("Orders", "/repo/src/Orders"), configs));
            Assert.Equal("Orders", orders.Unit.Name);

            // The CDK app project itself deploys nothing.
            Assert.Empty(DeploymentBinder.UnitsOf(new ProjectIdentity("Infra", "/repo/src/Infra"), configs));
        }

        [Fact]
        public void Asset_paths_start_at_the_folder_of_cdk_json_not_at_the_stack_file()
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/repo/infra/cdk.json"] = """{ "app": "dotnet run -p Infra.csproj" }""",
                ["/repo/infra/Stack.cs"] = """
                    using Amazon.CDK.AWS.Lambda;
                    class S { void M() { new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Api", Code = Code.FromAsset("../src/Api/bin/Release/net8.0/publish") }); } }
                    """,
            };
            var unit = Assert.Single(Assert.Single(CdkApps.Read(all.Keys, p => all[p], CancellationToken.None)).Units);

            Assert.Equal("/repo/src/Api/bin/Release/net8.0/publish", unit.Artifact.Value);
        }

        [Fact]
        public void Asset_paths_built_with_Path_Combine_and_the_current_directory_resolve_from_the_folder_of_cdk_json()
        {
            var units = Assert.Single(Read((StackPath, InStack("""
                new Function(this, "Current", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "A", Code = Code.FromAsset(System.IO.Path.Combine(Directory.GetCurrentDirectory(), "src/Orders/bin/Release/net8.0/publish")) });
                new Function(this, "Parts", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "B", Code = Code.FromAsset(Path.Join("src", "Billing", "bin", "Release", "net8.0", "publish")) });
                new Function(this, "Rooted", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "C", Code = Code.FromAsset(Path.Combine("ignored", "/opt/build/shipping")) });
                new Function(this, "Computed", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "D", Code = Code.FromAsset(Path.Combine(root, "src/Tax")) });
                """, ", string root")))).Units;

            Assert.Equal("/repo/src/Orders/bin/Release/net8.0/publish", units.Single(u => u.Name == "Current").Artifact.Value);
            Assert.Equal("/repo/src/Billing/bin/Release/net8.0/publish", units.Single(u => u.Name == "Parts").Artifact.Value);
            Assert.Equal("/opt/build/shipping", units.Single(u => u.Name == "Rooted").Artifact.Value);
            Assert.Equal(ValueState.Unknown, units.Single(u => u.Name == "Computed").Artifact.State);
        }

        [Fact]
        public void A_synthesized_template_wins_and_the_CSharp_is_not_read_so_no_function_comes_out_twice()
        {
            var results = Read(
                (StackPath, """
                    using Amazon.CDK.AWS.Lambda;
                    class S { void M() { new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Api" }); } }
                    """),
                ("/repo/cdk.out/OrdersStack.template.json", "{}"),
                ("/repo/cdk.out/asset.3f2a/serverless.template", "{}"));

            var result = Assert.Single(results);
            Assert.Empty(result.Units);
            var note = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Note, note.Level);
            Assert.Contains("/repo/cdk.out/OrdersStack.template.json", note.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Only_the_app_project_is_read_and_an_app_that_does_not_run_dotnet_is_not_read()
        {
            var function = """
                using Amazon.CDK.AWS.Lambda;
                class S { void M() { new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Api" }); } }
                """;
            var outside = Read(("/repo/src/Orders/Stack.cs", function), ("/repo/src/Infra/bin/Release/Stack.cs", function));
            Assert.Empty(outside);

            var typescript = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/repo/cdk.json"] = """{ "app": "npx ts-node --prefer-ts-exts bin/app.ts" }""",
                ["/repo/Stack.cs"] = function,
            };
            Assert.Empty(CdkApps.Read(typescript.Keys, p => typescript[p], CancellationToken.None));
        }

        [Fact]
        public void Malformed_CSharp_is_a_problem_with_its_file_and_line_not_a_crash()
        {
            var results = Read((StackPath, """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                    {
                        new Function(this, "Orders", new FunctionProps
                        {
                            Runtime = Runtime.DOTNET_8,
                            MemorySize = ,
                        }
                    }
                }
                """));

            var result = Assert.Single(results);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(StackPath, problem.Path);
            Assert.Equal(11, problem.Line);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
            var unit = Assert.Single(result.Units);
            Assert.NotEqual(ValueState.Known, unit.MemoryMb.State);
        }

        [Fact]
        public void Integrations_give_the_function_its_front_doors_with_their_timeouts()
        {
            const string stack = """
                using Amazon.CDK;
                using Amazon.CDK.AWS.APIGateway;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AwsApigatewayv2;
                using Amazon.CDK.AwsApigatewayv2Integrations;

                public class ApiStack : Stack
                {
                    private readonly Function chat;

                    public ApiStack(Constructs.Construct scope) : base(scope, "Api")
                    {
                        var orders = new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Orders" });
                        var reports = new Function(this, "Reports", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Reports" });
                        chat = new Function(this, "Chat", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Chat" });
                        var unused = new Function(this, "Unused", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Unused" });

                        var http = new HttpApi(this, "Http", new HttpApiProps { DefaultIntegration = new HttpLambdaIntegration("OrdersIntegration", orders) });
                        var rest = new RestApi(this, "Rest");
                        rest.Root.AddResource("reports").AddMethod("GET", new LambdaIntegration(reports, new LambdaIntegrationOptions { Timeout = Duration.Seconds(60) }));
                        new WebSocketApi(this, "Ws", new WebSocketApiProps
                        {
                            DefaultRouteOptions = new WebSocketRouteOptions { Integration = new WebSocketLambdaIntegration("ChatIntegration", this.chat) },
                        });
                    }
                }
                """;
            var units = Assert.Single(Read((StackPath, stack))).Units;

            var orders = Assert.Single(units.Single(u => u.Name == "Orders").FrontDoors);
            Assert.Equal(FrontDoorKind.HttpApi, orders.Kind);
            Assert.Equal(ValueState.Absent, orders.IntegrationTimeoutMs.State);
            Assert.StartsWith("new HttpLambdaIntegration", At(stack, orders.Span), StringComparison.Ordinal);
            var reports = Assert.Single(units.Single(u => u.Name == "Reports").FrontDoors);
            Assert.Equal(FrontDoorKind.RestApi, reports.Kind);
            Assert.Equal(60000, reports.IntegrationTimeoutMs.Value);
            Assert.Equal(FrontDoorKind.WebSocketApi, Assert.Single(units.Single(u => u.Name == "Chat").FrontDoors).Kind);
            Assert.Empty(units.Single(u => u.Name == "Unused").FrontDoors);
        }

        [Fact]
        public void AddFunctionUrl_is_a_function_URL_with_its_invoke_mode()
        {
            var units = Assert.Single(Read((StackPath, InStack("""
                var live = new Function(this, "Live", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Live" });
                live.AddFunctionUrl(new FunctionUrlOptions { AuthType = FunctionUrlAuthType.NONE, InvokeMode = InvokeMode.RESPONSE_STREAM });
                var plain = new Function(this, "Plain", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Plain" });
                plain.AddFunctionUrl();
                var chosen = new Function(this, "Chosen", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Chosen" });
                chosen.AddFunctionUrl(new FunctionUrlOptions { InvokeMode = streaming ? InvokeMode.RESPONSE_STREAM : InvokeMode.BUFFERED });
                """, ", bool streaming")))).Units;

            var live = Assert.Single(units.Single(u => u.Name == "Live").FrontDoors);
            Assert.Equal(FrontDoorKind.FunctionUrl, live.Kind);
            Assert.Equal("RESPONSE_STREAM", live.ResponseMode.Value);
            Assert.Equal(ValueState.Absent, Assert.Single(units.Single(u => u.Name == "Plain").FrontDoors).ResponseMode.State);
            Assert.Equal(ValueState.Unknown, Assert.Single(units.Single(u => u.Name == "Chosen").FrontDoors).ResponseMode.State);
        }

        [Fact]
        public void An_SQS_event_source_is_a_queue_with_the_visibility_timeout_of_the_queue_the_class_creates()
        {
            const string stack = """
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AWS.Lambda.EventSources;
                using Amazon.CDK.AWS.SQS;

                public class ImportStack : Stack
                {
                    public ImportStack(Constructs.Construct scope, IQueue shared) : base(scope, "Import")
                    {
                        var orders = new Queue(this, "OrdersQueue", new QueueProps { VisibilityTimeout = Duration.Seconds(20) });
                        var returns = new Queue(this, "ReturnsQueue");
                        var import = new Function(this, "Import", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Import", Timeout = Duration.Seconds(60) });
                        import.AddEventSource(new SqsEventSource(orders, new SqsEventSourceProps { BatchSize = 10 }));
                        import.AddEventSource(new SqsEventSource(returns));
                        import.AddEventSource(new SqsEventSource(shared));
                    }
                }
                """;
            var doors = Single(stack).FrontDoors;

            Assert.Equal(3, doors.Count);
            Assert.All(doors, door => Assert.Equal(FrontDoorKind.Queue, door.Kind));
            Assert.Equal("OrdersQueue", doors[0].Route);
            Assert.Equal(20, doors[0].QueueVisibilityTimeoutSeconds.Value);
            Assert.Equal("Duration.Seconds(20)", At(stack, doors[0].QueueVisibilityTimeoutSeconds.Span));
            Assert.Equal("ReturnsQueue", doors[1].Route);
            Assert.Equal(30, doors[1].QueueVisibilityTimeoutSeconds.Value);
            Assert.Equal(ValueOrigin.ToolDefault, doors[1].QueueVisibilityTimeoutSeconds.Origin);
            Assert.Equal(ValueState.Unknown, doors[2].QueueVisibilityTimeoutSeconds.State);
        }

        [Fact]
        public void A_LambdaRestApi_is_a_REST_API_and_integration_options_built_elsewhere_make_its_timeout_unknown()
        {
            var units = Assert.Single(Read((StackPath, """
                using Amazon.CDK;
                using Amazon.CDK.AWS.APIGateway;
                using Amazon.CDK.AWS.Lambda;

                public class ApiStack : Stack
                {
                    public ApiStack(Constructs.Construct scope, LambdaIntegrationOptions options) : base(scope, "Api")
                    {
                        var api = new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Api" });
                        new LambdaRestApi(this, "Rest", new LambdaRestApiProps { Handler = api });
                        var other = new Function(this, "Other", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Other" });
                        new RestApi(this, "R").Root.AddMethod("ANY", new LambdaIntegration(other, options));
                    }
                }
                """))).Units;

            var rest = Assert.Single(units.Single(u => u.Name == "Api").FrontDoors);
            Assert.Equal(FrontDoorKind.RestApi, rest.Kind);
            Assert.Equal(ValueState.Absent, rest.IntegrationTimeoutMs.State);
            Assert.Equal(ValueState.Unknown, Assert.Single(units.Single(u => u.Name == "Other").FrontDoors).IntegrationTimeoutMs.State);
        }
    }
}
