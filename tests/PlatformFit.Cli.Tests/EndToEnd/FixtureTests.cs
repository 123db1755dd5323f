using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// Whole scans of small, realistic repositories under <c>tests/fixtures/</c>, each compared with its reviewed
    /// SARIF (<c>scan.verified.sarif</c>) and validated with the SARIF Multitool's SARIF and GitHub rules.
    /// </summary>
    [Trait("Rule", "PF1001")]
    public class FixtureTests
    {
        public static TheoryData<string> Fixtures => new(
            Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "tests", "fixtures"))
                .Select(Path.GetFileName)
                .OrderBy(n => n, StringComparer.Ordinal)!);

        [Theory]
        [MemberData(nameof(Fixtures))]
        public async Task Sarif_matches_the_reviewed_snapshot_and_validates(string fixture)
        {
            var folder = FixtureScan.FixturePath(fixture);
            var result = await FixtureScan.ScanAsync(folder);
            var sarif = FixtureScan.Sarif(folder, result);

            FixtureScan.MatchSnapshot(Path.Combine(folder, "scan.verified.sarif"), sarif);

            var file = Path.Combine(Path.GetTempPath(), $"platformfit-{fixture}-{Guid.NewGuid():N}.sarif");
            try
            {
                File.WriteAllText(file, sarif);
                var validation = SarifMultitool.Validate(file);
                Assert.Empty(validation.Errors);
                Assert.Empty(validation.Warnings);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task SignalR_hub_behind_an_ALB_is_reported_on_the_MapHub_line_with_the_alb_event_related()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("signalr-behind-alb"));

            var finding = Assert.Single(result.Findings);
            Assert.Equal("PF1001", finding.RuleId);
            Assert.Equal(FindingLevel.Error, finding.Level);
            Assert.Equal(new SourceLocation("src/Notifications/Program.cs", 9, 5, 9, 28), finding.Primary);
            var related = Assert.Single(finding.Related);
            Assert.Equal(new SourceLocation("serverless.yml", 16, 9, 16, 12), related.Location);
            Assert.Contains(related.Label, finding.Message, StringComparison.Ordinal);
            Assert.Equal("web", finding.Unit);
            Assert.Equal("aws-lambda", finding.Platform);
            Assert.Empty(result.Notifications);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        public async Task WebSocket_API_functions_and_an_outbound_client_are_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("websocket-api-supported"));

            Assert.Empty(result.Findings);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        public async Task A_malformed_config_is_a_notification_with_its_line_and_the_rest_of_the_scan_goes_on()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("broken-configs"));

            // The readable serverless.yml still deploys the relay: its WebSocket upgrade (PF1001), its listener (PF1003)
            // and its dotnet8 runtime, deprecated as of the pinned scan date (PF4001, on the config line).
            Assert.Equal(new[] { "PF1001", "PF1003", "PF4001" }, result.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
            Assert.All(result.Findings.Where(f => f.RuleId != "PF4001"), finding =>
            {
                Assert.Equal("src/Relay/Function.cs", finding.Primary.Path);
                Assert.Equal("serverless.yml", Assert.Single(finding.Related).Location.Path);
            });

            var notification = Assert.Single(result.Notifications);
            Assert.Equal(ScanEngine.UnreadableConfigId, notification.Id);
            Assert.Equal(FindingLevel.Error, notification.Level);
            Assert.Equal("deploy/serverless.yml", notification.Location!.Path);
            Assert.True(notification.Location.StartLine >= 9, notification.Message);
            Assert.False(result.ExecutionSuccessful);
        }

        [Fact]
        public async Task Pragma_and_editorconfig_suppressions_hold_and_are_reported_only_when_asked()
        {
            var folder = FixtureScan.FixturePath("suppressed");
            var result = await FixtureScan.ScanAsync(folder);

            // #pragma keeps the finding as suppressed; severity = none removes it as the compiler does.
            var suppressed = Assert.Single(result.Findings, f => f.RuleId == "PF1001");
            Assert.NotNull(suppressed.Suppression);
            Assert.Equal("src/Live/Program.cs", suppressed.Primary.Path);
            Assert.DoesNotContain("\"suppressions\"", FixtureScan.Sarif(folder, result), StringComparison.Ordinal);
            Assert.Contains("\"suppressions\"", FixtureScan.Sarif(folder, result, includeSuppressed: true), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Scanning_twice_gives_byte_identical_sarif_without_machine_paths()
        {
            var folder = FixtureScan.FixturePath("broken-configs");
            var first = FixtureScan.Sarif(folder, await FixtureScan.ScanAsync(folder));
            var second = FixtureScan.Sarif(folder, await FixtureScan.ScanAsync(folder));

            Assert.Equal(first, second);
            Assert.DoesNotContain(RepositoryRoot.Path, first, StringComparison.Ordinal);

            // The rules' help documents the platform's /tmp, which on Linux is also this machine's temp path: the
            // machine's own paths would show up in the results, artifacts and notifications, so check those.
            var withoutRuleHelp = JsonNode.Parse(first)!;
            withoutRuleHelp["runs"]![0]!["tool"]!["driver"]!["rules"] = null;
            Assert.DoesNotContain(Path.GetTempPath(), withoutRuleHelp.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
