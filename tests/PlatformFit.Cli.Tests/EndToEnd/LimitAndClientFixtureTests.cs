using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// The fixtures of the limit and client-reuse rules, scanned whole: each finding where a person would look for
    /// it, and every look-alike beside it (start-up code, caches, small waits, code no function runs) silent.
    /// </summary>
    public class LimitAndClientFixtureTests
    {
        [Fact]
        [Trait("Rule", "PF3001")]
        [Trait("Rule", "PF3002")]
        [Trait("Rule", "PF5001")]
        public async Task Order_import_reports_the_backoff_the_document_buffer_and_the_pricing_client_and_nothing_else()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("order-import-waits-and-buffers"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Empty(result.Notifications);
            Assert.Equal(
                new[]
                {
                    "PF3001 src/Orders.Import/ImportFunction.cs(44,38) import",
                    "PF5001 src/Orders.Import/ImportFunction.cs(55,29) import",
                    "PF3002 src/Orders.Import/ImportFunction.cs(64,30) import",
                    "PF3001 src/Orders.Import/ReportFunction.cs(23,26) nightlyReport",
                },
                result.Findings.Select(f => $"{f.RuleId} {f.Primary} {f.Unit}"));
            Assert.DoesNotContain(result.Findings, f => f.Primary.Path.StartsWith("tests/", StringComparison.Ordinal));
        }

        [Fact]
        [Trait("Rule", "PF3001")]
        public async Task A_timeout_the_config_leaves_out_is_named_as_the_Serverless_Framework_default_on_the_functions_line()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("order-import-waits-and-buffers"));

            var report = Assert.Single(result.Findings, f => f.Unit == "nightlyReport");
            Assert.Contains("the Serverless Framework default of 6 s (no timeout is set at serverless.yml(26,3))", report.Message, StringComparison.Ordinal);
            Assert.Equal(new SourceLocation("serverless.yml", 26, 3, 26, 16), Assert.Single(report.Related).Location);
        }

        [Fact]
        [Trait("Rule", "PF5001")]
        public async Task Storefront_reports_clients_created_per_request_and_not_those_created_at_start_up_or_by_the_factory()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("storefront-clients-per-request"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(
                new[]
                {
                    "PF5001 src/Storefront/Checkout.cs(11,30) A new HttpClient",
                    "PF5001 src/Storefront/Controllers/ReviewsController.cs(18,17) A new AmazonDynamoDBClient",
                    "PF5001 src/Storefront/Program.cs(28,25) A new AmazonS3Client",
                },
                result.Findings.Select(f => $"{f.RuleId} {f.Primary} {f.Message.Substring(0, f.Message.IndexOf(" is created", StringComparison.Ordinal))}"));

            var endpoint = result.Findings.Single(f => f.Primary.Path == "src/Storefront/Program.cs");
            Assert.Equal("'top-level statements' passes a lambda to 'MapGet', and ASP.NET Core calls it for every request", endpoint.Flow[1].Message);
        }

        [Fact]
        [Trait("Rule", "PF3001")]
        [Trait("Rule", "PF5001")]
        public async Task Executable_handler_reports_the_init_timeout_and_only_the_client_its_handler_creates()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("executable-handler-init-and-invoke"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(
                new[] { "PF3001 src/Notifier/Program.cs(14,15)", "PF5001 src/Notifier/Program.cs(28,30)" },
                result.Findings.Select(f => $"{f.RuleId} {f.Primary}"));
            var perInvocation = result.Findings.Single(f => f.RuleId == "PF5001");
            Assert.Contains(perInvocation.Flow, s => s.Message == "'top-level statements' passes 'HandleAsync' to 'Create', and the Lambda runtime calls it for every invocation");
        }
    }
}
