using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// What the state fixtures show, beyond their snapshots: each rule fires on the lines it is about, and the
    /// look-alikes beside them stay silent.
    /// </summary>
    public class StateFixtureTests
    {
        [Fact]
        [Trait("Rule", "PF2001")]
        [Trait("Rule", "PF2002")]
        public async Task Stateful_cart_reports_the_static_cart_store_and_the_in_memory_session_but_not_the_memo_or_the_catalog()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("stateful-cart-on-lambda"));

            Assert.Equal(
                new[]
                {
                    ("PF2001", "src/ShopCart/CartStore.cs", 31),
                    ("PF2001", "src/ShopCart/CartStore.cs", 36),
                    ("PF2002", "src/ShopCart/Program.cs", 5),
                },
                result.Findings.Select(f => (f.RuleId, f.Primary.Path, f.Primary.StartLine)));
            Assert.All(result.Findings, f => Assert.Equal(FindingLevel.Warning, f.Level));
            Assert.All(result.Findings, f => Assert.Equal(("serverless.yml", 11), (Assert.Single(f.Related).Location.Path, Assert.Single(f.Related).Location.StartLine)));
            Assert.DoesNotContain(result.Findings, f => f.Primary.Path == "src/ShopCart/PriceList.cs");
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF2003")]
        public async Task File_logging_reports_the_log_sink_the_audit_file_and_the_archive_but_not_tmp_reads_or_the_seed_tool()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("file-logging-on-lambda"));

            Assert.Equal(
                new[]
                {
                    ("src/InvoiceExport/AuditTrail.cs", 9),
                    ("src/InvoiceExport/Function.cs", 25),
                    ("src/InvoiceExport/Function.cs", 43),
                    ("src/InvoiceExport/Function.cs", 44),
                },
                result.Findings.Select(f => (f.Primary.Path, f.Primary.StartLine)));
            Assert.All(result.Findings, f => Assert.Equal(("PF2003", FindingLevel.Error), (f.RuleId, f.Level)));
            Assert.Contains("'WriteTo.File' writes to the relative path 'logs/invoice-export-.log'", result.Findings[1].Message, System.StringComparison.Ordinal);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF2004")]
        public async Task Fire_and_forget_reports_the_hosted_service_and_each_dropped_task_but_not_awaited_work_or_event_handlers()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("fire-and-forget-on-lambda"));

            Assert.Equal(
                new[]
                {
                    ("src/Orders/Orders.cs", 38),
                    ("src/Orders/Program.cs", 7),
                    ("src/Orders/Program.cs", 16),
                    ("src/Orders/Program.cs", 17),
                    ("src/Orders/Program.cs", 32),
                },
                result.Findings.Select(f => (f.Primary.Path, f.Primary.StartLine)));
            Assert.All(result.Findings, f => Assert.Equal(("PF2004", FindingLevel.Warning), (f.RuleId, f.Level)));
            Assert.DoesNotContain(result.Findings, f => f.Primary.Path is "src/Orders/Mailer.cs" or "src/Orders/AbandonedCartSweeper.cs");
            Assert.True(result.ExecutionSuccessful);
        }
    }
}
