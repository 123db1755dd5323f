using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3101")]
    public class ValueOutsidePlatformRangeAnalyzerTests
    {
        private const string Function = """
            namespace Reports;

            public sealed class Function
            {
                public string Handle(string input) => input;
            }
            """;

        private static ProjectAnalyzerTest<ValueOutsidePlatformRangeAnalyzer> Test(string serverless) =>
            new ProjectAnalyzerTest<ValueOutsidePlatformRangeAnalyzer>("Reports", "/repo/src/Reports").WithSource("Function.cs", Function).WithConfig("serverless.yml", serverless);

        [Fact]
        public async Task Reports_memory_above_the_maximum_on_the_config_line()
        {
            await Test("""
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  report:
                    handler: Reports::Reports.Function::Handle
                    memorySize: {|#0:16384|}
                """)
                .Expect(new DiagnosticResult("PF3101", DiagnosticSeverity.Error).WithLocation(0)
                    .WithArguments("The memory of function 'report'", "16,384", "MB", "128", "10,240", "AWS Lambda"))
                .RunAsync();
        }

        [Fact]
        public async Task A_shared_value_is_reported_once_for_the_functions_that_inherit_it()
        {
            await Test("""
                provider:
                  name: aws
                  timeout: {|#0:1200|}
                functions:
                  report:
                    handler: Reports::Reports.Function::Handle
                  summary:
                    handler: Reports::Reports.Function::Handle
                """)
                .Expect(new DiagnosticResult("PF3101", DiagnosticSeverity.Error).WithLocation(0))
                .RunAsync();
        }

        [Fact]
        public async Task Values_at_the_limits_unknown_values_and_other_projects_functions_are_silent()
        {
            await Test("""
                provider:
                  name: aws
                  memorySize: ${ssm:/reports/memory}
                functions:
                  report:
                    handler: Reports::Reports.Function::Handle
                    timeout: 900
                    ephemeralStorageSize: 10240
                  billing:
                    handler: Billing::Billing.Function::Handle
                    memorySize: 20480
                """)
                .RunAsync();
        }
    }
}
