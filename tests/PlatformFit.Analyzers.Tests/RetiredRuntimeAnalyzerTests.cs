using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF4001")]
    [Trait("Rule", "PF4002")]
    public class RetiredRuntimeAnalyzerTests
    {
        private static ProjectAnalyzerTest<RetiredRuntimeAnalyzer> Test(string runtime)
        {
            var test = new ProjectAnalyzerTest<RetiredRuntimeAnalyzer>("Orders", "/repo/src/Orders");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.WithSource("Program.cs", "System.Console.WriteLine(\"orders\");").WithConfig("serverless.yml", $"""
                provider:
                  name: aws
                  runtime: {runtime}
                functions:
                  api:
                    handler: Orders
                  jobs:
                    handler: Orders
                """);
        }

        [Fact]
        public async Task Dotnet8_is_deprecated_as_of_the_build_s_scan_date_and_reported_once_on_the_shared_line()
        {
            await Test("{|#0:dotnet8|}")
                .WithBuildProperty("PlatformFitAsOf", "2026-11-26")
                .Expect(new DiagnosticResult("PF4001", DiagnosticSeverity.Warning).WithLocation(0)
                    .WithArguments("dotnet8", "2026-11-10", "2026-11-26", "creating functions on it is blocked from 2027-02-01, updating them from 2027-03-03", "dotnet10"))
                .RunAsync();
        }

        [Fact]
        public async Task Dotnet8_is_blocked_later()
        {
            await Test("{|#0:dotnet8|}")
                .WithBuildProperty("PlatformFitAsOf", "2027-03-03")
                .Expect(new DiagnosticResult("PF4002", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task Dotnet8_the_day_before_and_dotnet10_are_fine()
        {
            await Test("dotnet8").WithBuildProperty("PlatformFitAsOf", "2026-11-09").RunAsync();
            await Test("dotnet10").WithBuildProperty("PlatformFitAsOf", "2026-11-26").RunAsync();
        }

        [Theory]
        [InlineData(null)]
        [InlineData("26/11/2026")]
        [InlineData("")]
        public async Task Without_a_valid_scan_date_the_rules_are_silent(string? asOf)
        {
            var test = Test("dotnet6");
            if (asOf is not null)
            {
                test.WithBuildProperty("PlatformFitAsOf", asOf);
            }

            await test.RunAsync();
        }
    }
}
