using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF4004")]
    public class ArchitectureMismatchAnalyzerTests
    {
        private static ProjectAnalyzerTest<ArchitectureMismatchAnalyzer> Test(string serverless)
        {
            var test = new ProjectAnalyzerTest<ArchitectureMismatchAnalyzer>("bootstrap", "/repo/src/Resize");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.WithSource("Program.cs", "System.Console.WriteLine(\"resize\");").WithConfig("serverless.yml", serverless);
        }

        [Fact]
        public async Task An_arm64_build_for_a_function_without_an_architecture_is_reported_on_the_function()
        {
            await Test("""
                provider:
                  name: aws
                  runtime: provided.al2023
                functions:
                  {|#0:resize|}:
                    handler: bootstrap
                """)
                .WithBuildProperty("RuntimeIdentifier", "linux-arm64")
                .Expect(new DiagnosticResult("PF4004", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("Function 'resize'", "x86_64", "the default when a function names none", "arm64", "linux-arm64, RuntimeIdentifier in the project", "set the architecture to arm64, or build for linux-x64"))
                .RunAsync();
        }

        [Fact]
        public async Task An_x64_build_for_an_arm64_function_is_reported_on_the_architecture()
        {
            await Test("""
                provider:
                  name: aws
                  runtime: provided.al2023
                  architecture: {|#0:arm64|}
                functions:
                  resize:
                    handler: bootstrap
                """)
                .WithBuildProperty("RuntimeIdentifier", "linux-x64")
                .Expect(new DiagnosticResult("PF4004", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task A_matching_build_and_a_project_without_a_runtime_identifier_are_silent()
        {
            const string Arm64 = """
                provider:
                  name: aws
                  runtime: provided.al2023
                  architecture: arm64
                functions:
                  resize:
                    handler: bootstrap
                """;
            await Test(Arm64).WithBuildProperty("RuntimeIdentifier", "linux-arm64").RunAsync();
            await Test(Arm64).RunAsync();
            await Test(Arm64).WithBuildProperty("RuntimeIdentifier", "").RunAsync();
        }

        [Fact]
        public async Task A_function_that_deploys_another_bootstrap_project_s_build_output_is_not_this_project_s()
        {
            // Both functions name the shared custom-runtime assembly name; only the first deploys this project's output.
            await Test("""
                provider:
                  name: aws
                  runtime: provided.al2023
                functions:
                  {|#0:resize|}:
                    handler: bootstrap
                    package:
                      artifact: src/Resize/bin/Release/net10.0/linux-arm64/publish/resize.zip
                  crop:
                    handler: bootstrap
                    package:
                      artifact: src/Crop/bin/Release/net10.0/crop.zip
                """)
                .WithBuildProperty("RuntimeIdentifier", "linux-arm64")
                .Expect(new DiagnosticResult("PF4004", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
        }
    }
}
