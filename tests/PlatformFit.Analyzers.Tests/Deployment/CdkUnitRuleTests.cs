using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests.Deployment
{
    /// <summary>
    /// Rules judge a function an AWS CDK app declares as they judge one a template declares: the app's cdk.json and
    /// C# reach the function project's analyzers as AdditionalFiles, as the package's build props pass them.
    /// </summary>
    public class CdkUnitRuleTests
    {
        private const string CdkJson = """{ "app": "dotnet run --project src/Infra/Infra.csproj" }""";

        private static ProjectAnalyzerTest<TAnalyzer> Test<TAnalyzer>(string stack)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = new ProjectAnalyzerTest<TAnalyzer>("Orders", "/repo/src/Orders");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.WithSource("Program.cs", "System.Console.WriteLine(\"orders\");")
                .WithConfig("cdk.json", CdkJson)
                .WithConfig("src/Infra/OrdersStack.cs", stack);
        }

        [Fact]
        [Trait("Rule", "PF3102")]
        public async Task A_CDK_timeout_longer_than_its_HTTP_API_is_reported_on_the_Duration_with_the_integration_related()
        {
            await Test<TimeoutBeyondFrontDoorAnalyzer>("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AwsApigatewayv2;
                using Amazon.CDK.AwsApigatewayv2Integrations;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                    {
                        var api = new Function(this, "Api", new FunctionProps
                        {
                            Runtime = Runtime.DOTNET_10,
                            Handler = "Orders",
                            Timeout = {|#0:Duration.Minutes(1)|},
                            Code = Code.FromAsset("src/Orders/bin/Release/net10.0/publish"),
                        });
                        new HttpApi(this, "Http", new HttpApiProps { DefaultIntegration = {|#1:new HttpLambdaIntegration("Api", api)|} });
                    }
                }
                """)
                .Expect(new DiagnosticResult("PF3102", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                    .WithArguments("Function 'Api'", "60", "src/Infra/OrdersStack.cs(14,23)", "an API Gateway HTTP API (HttpLambdaIntegration)", "src/Infra/OrdersStack.cs(17,75)", "30", "30"))
                .RunAsync();
        }

        [Fact]
        [Trait("Rule", "PF3102")]
        public async Task An_unknown_CDK_timeout_is_silent()
        {
            await Test<TimeoutBeyondFrontDoorAnalyzer>("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AwsApigatewayv2Integrations;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope, double seconds) : base(scope, "Orders")
                    {
                        var api = new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Orders", Timeout = Duration.Seconds(seconds) });
                        new Amazon.CDK.AwsApigatewayv2.HttpApi(this, "Http", new Amazon.CDK.AwsApigatewayv2.HttpApiProps { DefaultIntegration = new HttpLambdaIntegration("Api", api) });
                    }
                }
                """).RunAsync();
        }

        [Fact]
        [Trait("Rule", "PF4003")]
        public async Task A_net10_project_on_a_CDK_dotnet8_function_is_reported_on_the_Runtime()
        {
            await Test<RuntimeFrameworkMismatchAnalyzer>("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                    {
                        new Function(this, "Api", new FunctionProps { Runtime = {|#0:Runtime.DOTNET_8|}, Handler = "Orders" });
                        new Function(this, "Billing", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Billing" });
                    }
                }
                """)
                .WithBuildProperty("TargetFramework", "net10.0")
                .Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("Function 'Api'", "dotnet8", "'Orders' targets net10.0, and the runtime has only .NET 8", "use runtime 'dotnet10'"))
                .RunAsync();
        }

        [Fact]
        [Trait("Rule", "PF3001")]
        public async Task A_wait_longer_than_the_CDK_default_timeout_names_the_default_and_the_function_declaration()
        {
            var test = Test<WaitLongerThanTimeoutAnalyzer>("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                    {
                        _ = {|#1:new Function|}(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Orders::Orders.Worker::Handle" });
                    }
                }
                """);
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            test.TestState.Sources.Clear();
            await test.WithSource("Worker.cs", """
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message)
                    {
                        await Task.Delay({|#0:TimeSpan.FromSeconds(5)|});
                    }
                }
                """)
                .Expect(new DiagnosticResult("PF3001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                    .WithArguments("'Task.Delay' waits", "5 s", "Worker.cs(10,26)", "Worker", "the AWS CDK default of 3 s (no timeout is set at src/Infra/OrdersStack.cs(8,13))"))
                .RunAsync();
        }

        [Fact]
        [Trait("Rule", "PF3103")]
        public async Task A_CDK_queue_that_hides_messages_for_less_than_the_function_runs_is_reported_on_its_visibility_timeout()
        {
            await Test<QueueVisibilityShorterThanTimeoutAnalyzer>("""
                using Amazon.CDK;
                using Amazon.CDK.AWS.Lambda;
                using Amazon.CDK.AWS.Lambda.EventSources;
                using Amazon.CDK.AWS.SQS;

                public class OrdersStack : Stack
                {
                    public OrdersStack(Constructs.Construct scope) : base(scope, "Orders")
                    {
                        var queue = new Queue(this, "OrdersQueue", new QueueProps { VisibilityTimeout = {|#0:Duration.Seconds(20)|} });
                        var import = new Function(this, "Import", new FunctionProps { Runtime = Runtime.DOTNET_10, Handler = "Orders", Timeout = {|#1:Duration.Minutes(1)|} });
                        import.AddEventSource({|#2:new SqsEventSource(queue)|});
                    }
                }
                """)
                .Expect(new DiagnosticResult("PF3103", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithLocation(2)
                    .WithMessage("The visibility timeout of queue 'OrdersQueue' is 20 s (src/Infra/OrdersStack.cs(10,89)), shorter than the 60 s function 'Import' can run (src/Infra/OrdersStack.cs(11,130)): SQS hands a message that is still being processed to another invocation, so it is processed twice"))
                .RunAsync();
        }

        [Fact]
        [Trait("Rule", "PF4003")]
        public async Task A_synthesized_template_replaces_the_CSharp()
        {
            await Test<RuntimeFrameworkMismatchAnalyzer>("""
                using Amazon.CDK.AWS.Lambda;
                class OrdersStack { void M() { new Function(this, "Api", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "Orders" }); } }
                """)
                .WithBuildProperty("TargetFramework", "net10.0")
                .WithConfig("cdk.out/OrdersStack.template.json", """
                    {
                      "Resources": {
                        "Api": {
                          "Type": "AWS::Lambda::Function",
                          "Properties": { "Runtime": "dotnet10", "Handler": "Orders", "Code": { "S3Bucket": "b", "S3Key": "k.zip" } }
                        }
                      }
                    }
                    """)
                .RunAsync();
        }
    }
}
