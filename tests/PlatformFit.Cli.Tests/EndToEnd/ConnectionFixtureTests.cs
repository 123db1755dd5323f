using System;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>What the streaming and listener fixtures must show, beyond matching their reviewed snapshots.</summary>
    public class ConnectionFixtureTests
    {
        [Fact]
        [Trait("Rule", "PF1002")]
        public async Task Streaming_endpoints_behind_an_HTTP_API_are_reported_once_each_and_the_look_alikes_are_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("sse-behind-http-api"));

            Assert.All(result.Findings, f => Assert.Equal("PF1002", f.RuleId));
            Assert.Equal(
                new[]
                {
                    "src/Prices/Controllers/HistoryController.cs(10,12)",
                    "src/Prices/Program.cs(15,5)",
                    "src/Prices/Program.cs(24,5)",
                },
                result.Findings.Select(f => f.Primary.ToString()).Order(StringComparer.Ordinal));
            Assert.All(result.Findings, f =>
            {
                Assert.Equal(FindingLevel.Warning, f.Level);
                Assert.Equal("api", f.Unit);
                var related = Assert.Single(f.Related);
                Assert.Equal(new SourceLocation("serverless.yml", 19, 9, 19, 16), related.Location);
                Assert.Contains(related.Label, f.Message, StringComparison.Ordinal);
                Assert.Contains("above 6 MB fails", f.Message, StringComparison.Ordinal);
            });
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF1002")]
        public async Task Streaming_through_a_function_URL_with_RESPONSE_STREAM_is_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("sse-function-url-streaming"));

            Assert.Empty(result.Findings);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF1003")]
        public async Task Listeners_in_functions_are_reported_per_unit_and_outbound_clients_and_local_runners_are_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("tcp-listener-in-function"));

            // The admin function's 60 s timeout behind an HTTP API is a config finding of its own (PF3102).
            Assert.Equal("PF3102", Assert.Single(result.Findings, f => f.RuleId != "PF1003").RuleId);
            var listeners = result.Findings.Where(f => f.RuleId == "PF1003").ToList();
            Assert.Equal(
                new[]
                {
                    ("src/Admin/Program.cs(5,17)", "admin"),
                    ("src/Relay/Function.cs(37,19)", "relay"),
                    ("src/Relay/SyslogReceiver.cs(11,30)", "syslog"),
                },
                listeners.Select(f => (f.Primary.ToString(), f.Unit!)).Order());
            var listener = listeners.Single(f => f.Unit == "relay");
            Assert.StartsWith("'TcpListener.Start' listens for inbound connections", listener.Message, StringComparison.Ordinal);
            Assert.Equal("serverless.yml(12,3)", Assert.Single(listener.Related).Label);
            Assert.Equal(3, listener.Flow.Count);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF1003")]
        public async Task Kestrel_endpoints_of_an_app_hosted_through_AddAWSLambdaHosting_are_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("kestrel-endpoints-with-lambda-hosting"));

            Assert.Empty(result.Findings);
            Assert.True(result.ExecutionSuccessful);
        }
    }
}
