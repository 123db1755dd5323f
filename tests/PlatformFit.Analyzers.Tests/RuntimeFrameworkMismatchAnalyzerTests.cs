using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF4003")]
    public class RuntimeFrameworkMismatchAnalyzerTests
    {
        private static ProjectAnalyzerTest<RuntimeFrameworkMismatchAnalyzer> Test(string targetFramework, string runtime)
        {
            var test = new ProjectAnalyzerTest<RuntimeFrameworkMismatchAnalyzer>("Orders", "/repo/src/Orders");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.WithSource("Program.cs", "System.Console.WriteLine(\"orders\");")
                .WithBuildProperty("TargetFramework", targetFramework)
                .WithConfig("serverless.yml", $"""
                    provider:
                      name: aws
                    functions:
                      api:
                        handler: Orders
                        runtime: {runtime}
                    """);
        }

        [Fact]
        public async Task A_net10_project_on_dotnet8_is_reported_on_the_runtime()
        {
            await Test("net10.0", "{|#0:dotnet8|}")
                .Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("Function 'api'", "dotnet8", "'Orders' targets net10.0, and the runtime has only .NET 8", "use runtime 'dotnet10'"))
                .RunAsync();
        }

        [Fact]
        public async Task A_net8_project_with_RollForward_Major_runs_on_dotnet10()
        {
            await Test("net8.0", "{|#0:dotnet10|}")
                .Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
            await Test("net8.0", "dotnet10").WithBuildProperty("RollForward", "Major").RunAsync();
        }

        [Fact]
        public async Task An_OS_only_runtime_is_fine_for_the_custom_runtime_blueprint_s_self_contained_publish()
        {
            await Test("net10.0", "{|#0:provided.al2023|}")
                .Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
            await Test("net10.0", "provided.al2023")
                .WithProjectFile("aws-lambda-tools-defaults.json", """
                    {
                      "configuration": "Release",
                      "function-runtime": "provided.al2023",
                      "function-handler": "bootstrap",
                      "msbuild-parameters": "--self-contained true"
                    }
                    """)
                .RunAsync();
        }

        [Fact]
        public async Task Another_project_s_tools_defaults_do_not_count()
        {
            var test = Test("net10.0", "{|#0:provided.al2023|}");
            test.TestState.AdditionalFiles.Add(("/repo/src/Other/aws-lambda-tools-defaults.json", """{ "msbuild-parameters": "--self-contained true" }"""));
            await test.Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0)).RunAsync();
        }

        [Fact]
        public async Task A_runtime_of_another_language_is_reported()
        {
            await Test("net10.0", "{|#0:nodejs22.x|}")
                .Expect(new DiagnosticResult("PF4003", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task Without_a_target_framework_a_dotnet_runtime_is_not_judged() =>
            await new ProjectAnalyzerTest<RuntimeFrameworkMismatchAnalyzer>("Orders", "/repo/src/Orders")
                .WithSource("Function.cs", "namespace Orders; public sealed class Function { public void Run() { } }")
                .WithConfig("serverless.yml", """
                    provider:
                      name: aws
                      runtime: dotnet8
                    functions:
                      api:
                        handler: Orders::Orders.Function::Run
                    """)
                .RunAsync();
    }
}
