using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3103")]
    public class QueueVisibilityShorterThanTimeoutAnalyzerTests
    {
        private const string Worker = """
            namespace Exports;

            public sealed class Function
            {
                public void Handle(object batch) { }
            }
            """;

        [Fact]
        public async Task Reports_a_declared_queue_whose_visibility_timeout_is_shorter_than_the_function_timeout()
        {
            await new ProjectAnalyzerTest<QueueVisibilityShorterThanTimeoutAnalyzer>("Exports", "/repo/src/Exports")
                .WithSource("Function.cs", Worker)
                .WithConfig("template.yaml", """
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      ExportQueue:
                        Type: AWS::SQS::Queue
                        Properties:
                          VisibilityTimeout: {|#0:60|}
                      ExportFunction:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: Exports::Exports.Function::Handle
                          Runtime: dotnet10
                          Timeout: {|#1:300|}
                          Events:
                            {|#2:Exports|}:
                              Type: SQS
                              Properties:
                                Queue: !GetAtt ExportQueue.Arn
                    """)
                .Expect(new DiagnosticResult("PF3103", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithLocation(2)
                    .WithArguments("queue 'ExportQueue'", "60", "template.yaml(6,26)", "300", "ExportFunction", "template.yaml(12,16)"))
                .RunAsync();
        }

        /// <summary>A serverless.yml names an SQS queue by its ARN only: the visibility timeout is unknown there.</summary>
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
