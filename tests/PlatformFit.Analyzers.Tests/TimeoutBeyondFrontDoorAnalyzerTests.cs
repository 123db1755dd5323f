using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3102")]
    public class TimeoutBeyondFrontDoorAnalyzerTests
    {
        private static ProjectAnalyzerTest<TimeoutBeyondFrontDoorAnalyzer> Test(string serverless)
        {
            var test = new ProjectAnalyzerTest<TimeoutBeyondFrontDoorAnalyzer>("Orders", "/repo/src/Orders");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.WithSource("Program.cs", "System.Console.WriteLine(\"orders\");").WithConfig("serverless.yml", serverless);
        }

        [Fact]
        public async Task Reports_the_timeout_line_with_the_HTTP_API_as_related_location()
        {
            await Test("""
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  api:
                    handler: Orders
                    timeout: {|#0:60|}
                    events:
                      - {|#1:httpApi|}: 'POST /orders'
                """)
                .Expect(new DiagnosticResult("PF3102", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                    .WithArguments("Function 'api'", "60", "serverless.yml(7,14)", "an API Gateway HTTP API (httpApi)", "serverless.yml(9,9)", "30", "30"))
                .RunAsync();
        }

        [Fact]
        public async Task An_inherited_timeout_is_reported_where_it_is_set()
        {
            await Test("""
                provider:
                  name: aws
                  timeout: {|#0:45|}
                functions:
                  api:
                    handler: Orders
                    events:
                      - {|#1:http|}: ANY /{proxy+}
                """)
                .Expect(new DiagnosticResult("PF3102", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1))
                .RunAsync();
        }

        [Fact]
        public async Task A_raised_REST_integration_timeout_a_timeout_at_the_limit_and_a_queue_are_silent()
        {
            await Test("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                    timeout: 60
                    events:
                      - http:
                          path: reports
                          method: post
                          timeoutInMillis: 60000
                  health:
                    handler: Orders
                    timeout: 30
                    events:
                      - httpApi: 'GET /status'
                  export:
                    handler: Orders
                    timeout: 900
                    events:
                      - sqs: arn:aws:sqs:eu-west-1:123456789012:exports
                """)
                .RunAsync();
        }
    }
}
