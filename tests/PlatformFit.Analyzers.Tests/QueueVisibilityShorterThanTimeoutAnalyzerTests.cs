using System.Threading.Tasks;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    /// <summary>
    /// A serverless.yml names an SQS queue by its ARN only, so the visibility timeout is unknown there and PF3103 is
    /// silent; the rule fires on queue declarations (CloudFormation), covered by Core's tests with such units.
    /// </summary>
    [Trait("Rule", "PF3103")]
    public class QueueVisibilityShorterThanTimeoutAnalyzerTests
    {
        [Fact]
        public async Task A_Serverless_sqs_event_with_a_long_timeout_is_silent()
        {
            await new ProjectAnalyzerTest<QueueVisibilityShorterThanTimeoutAnalyzer>("Exports", "/repo/src/Exports")
                .WithSource("Function.cs", """
                    namespace Exports;

                    public sealed class Function
                    {
                        public void Handle(object batch) { }
                    }
                    """)
                .WithConfig("serverless.yml", """
                    provider:
                      name: aws
                      runtime: dotnet10
                    functions:
                      export:
                        handler: Exports::Exports.Function::Handle
                        timeout: 600
                        events:
                          - sqs:
                              arn: arn:aws:sqs:eu-west-1:123456789012:exports
                              batchSize: 10
                    """)
                .RunAsync();
        }
    }
}
