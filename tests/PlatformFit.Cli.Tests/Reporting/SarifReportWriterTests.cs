using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.Reporting
{
    public sealed class SarifReportWriterTests
    {
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void The_SARIF_Multitool_finds_nothing_to_report_with_GitHub_rule_kinds(bool includeSuppressed)
        {
            var sarif = Write(ChatApiScan.Create(), new SarifReportOptions { IncludeSuppressed = includeSuppressed });
            var path = Path.Combine(Path.GetTempPath(), $"platformfit-{Guid.NewGuid():N}.sarif");
            File.WriteAllBytes(path, sarif);
            try
            {
                var validation = SarifMultitool.Validate(path, "Sarif;Gh");

                Assert.True(validation.Errors.Count == 0, "Errors:\n" + string.Join("\n", validation.Errors));
                Assert.True(validation.Warnings.Count == 0, "Warnings:\n" + string.Join("\n", validation.Warnings));
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void The_same_scan_gives_the_same_bytes()
        {
            var first = Write(ChatApiScan.Create());
            var second = Write(ChatApiScan.Create());

            Assert.Equal(first, second);
        }

        [Fact]
        public void The_file_is_utf8_without_bom_with_lf_line_ends_and_two_space_indent()
        {
            var sarif = Write(ChatApiScan.Create());
            var text = Encoding.UTF8.GetString(sarif);

            Assert.NotEqual(0xEF, sarif[0]);
            Assert.DoesNotContain('\r', text);
            Assert.StartsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n", text, StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        }

        [Fact]
        public void No_path_of_the_scanning_machine_appears()
        {
            var text = Encoding.UTF8.GetString(Write(ChatApiScan.Create(), new SarifReportOptions { IncludeSuppressed = true }));

            Assert.DoesNotContain("/tmp", text, StringComparison.Ordinal);
            Assert.DoesNotContain("/work", text, StringComparison.Ordinal);
            Assert.DoesNotContain("/home", text, StringComparison.Ordinal);
            Assert.DoesNotContain("file:", text, StringComparison.Ordinal);
            Assert.DoesNotContain(RepositoryRoot.Path, text, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex(@"(?<![A-Za-z])[A-Za-z]:[\\/]"), text);
            Assert.DoesNotContain("\"uri\": \"/", text, StringComparison.Ordinal);
        }

        [Fact]
        public void There_is_one_run_describing_the_tool_and_its_rules_sorted_by_id()
        {
            using var sarif = Parse(Write(ChatApiScan.Create()));
            var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
            var driver = run.GetProperty("tool").GetProperty("driver");

            Assert.Equal("PlatformFit", driver.GetProperty("name").GetString());
            Assert.Equal(ToolIdentity.InformationUri, driver.GetProperty("informationUri").GetString());
            Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", driver.GetProperty("semanticVersion").GetString());
            Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());
            Assert.Equal(
                new[] { "PF1001", "PF2009", "PF3001", "PF9001" },
                driver.GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()));
        }

        [Fact]
        public void A_rule_carries_its_help_and_GitHub_properties()
        {
            using var sarif = Parse(Write(ChatApiScan.Create()));
            var rule = Rule(sarif, "PF1001");

            Assert.Equal("WebSocketServerBehindAFrontDoorThatCannotHoldAConnection", rule.GetProperty("name").GetString());
            Assert.Equal(ChatApiScan.WebSocketRule.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(ChatApiScan.WebSocketRule.Description, rule.GetProperty("fullDescription").GetProperty("text").GetString());
            Assert.Equal(ChatApiScan.WebSocketRule.HelpText, rule.GetProperty("help").GetProperty("text").GetString());
            Assert.Equal(ChatApiScan.WebSocketRule.HelpMarkdown, rule.GetProperty("help").GetProperty("markdown").GetString());
            Assert.Equal(ChatApiScan.WebSocketRule.HelpUri, rule.GetProperty("helpUri").GetString());
            Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            var properties = rule.GetProperty("properties");
            Assert.Equal(
                new[] { "reliability", "correctness", "aws-lambda", "websocket", "serverless" },
                properties.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
            Assert.Equal("high", properties.GetProperty("precision").GetString());
            Assert.Equal("error", properties.GetProperty("problem.severity").GetString());
            Assert.False(properties.TryGetProperty("security-severity", out _));
        }

        [Fact]
        public void Warning_levels_are_written_although_they_are_SARIF_default()
        {
            using var sarif = Parse(Write(ChatApiScan.Create(), new SarifReportOptions { IncludeSuppressed = true }));

            Assert.Equal("warning", Rule(sarif, "PF3001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
            Assert.Equal("warning", Results(sarif).Single(result => result.GetProperty("ruleId").GetString() == "PF3001").GetProperty("level").GetString());
        }

        [Fact]
        public void Only_a_rule_tagged_security_has_a_security_severity()
        {
            var notTaggedSecurity = new PlatformFit.Core.Rules.RuleMetadata("PF5001", "Client created per invocation", "{0}.", "Efficiency", PlatformFit.Core.Rules.RuleSeverity.Note, "A client is created on every invocation.")
            {
                SecuritySeverity = "5.0",
            };
            var scan = new ScanResult(new[] { ChatApiScan.SecretRule, notTaggedSecurity }, Array.Empty<Finding>(), Array.Empty<ToolNotification>());

            using var sarif = Parse(Write(scan));

            Assert.Equal("8.0", Rule(sarif, "PF2009").GetProperty("properties").GetProperty("security-severity").GetString());
            Assert.False(Rule(sarif, "PF5001").GetProperty("properties").TryGetProperty("security-severity", out _));
        }

        [Fact]
        public void A_result_links_its_config_line_and_carries_location_flow_and_properties()
        {
            using var sarif = Parse(Write(ChatApiScan.Create()));
            var result = Assert.Single(Results(sarif));

            Assert.Equal("PF1001", result.GetProperty("ruleId").GetString());
            Assert.Equal(0, result.GetProperty("ruleIndex").GetInt32());
            Assert.Equal("error", result.GetProperty("level").GetString());
            Assert.Contains("[serverless.yml(14,9)](1)", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);

            var primary = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("src/ChatApi/Program.cs", primary.GetProperty("artifactLocation").GetProperty("uri").GetString());
            AssertRegion(primary.GetProperty("region"), 18, 5, 18, 31);

            var related = Assert.Single(result.GetProperty("relatedLocations").EnumerateArray());
            Assert.Equal(1, related.GetProperty("id").GetInt32());
            Assert.Equal("serverless.yml", related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            AssertRegion(related.GetProperty("physicalLocation").GetProperty("region"), 14, 9, 14, 16);

            var steps = Assert.Single(Assert.Single(result.GetProperty("codeFlows").EnumerateArray()).GetProperty("threadFlows").EnumerateArray())
                .GetProperty("locations").EnumerateArray()
                .Select(step => step.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(new[] { 6, 18 }, steps);

            Assert.Equal("chat", result.GetProperty("properties").GetProperty("unit").GetString());
            Assert.Equal("aws-lambda", result.GetProperty("properties").GetProperty("platform").GetString());
            Assert.Matches("^[0-9a-f]+:1$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
        }

        [Fact]
        public void A_suppressed_finding_is_left_out_by_default()
        {
            using var sarif = Parse(Write(ChatApiScan.Create()));

            Assert.DoesNotContain(Results(sarif), result => result.GetProperty("ruleId").GetString() == "PF3001");
        }

        [Fact]
        public void A_suppressed_finding_is_written_with_its_suppression_when_asked()
        {
            using var sarif = Parse(Write(ChatApiScan.Create(), new SarifReportOptions { IncludeSuppressed = true }));
            var results = Results(sarif);

            var suppressed = Assert.Single(results, result => result.GetProperty("ruleId").GetString() == "PF3001");
            var suppression = Assert.Single(suppressed.GetProperty("suppressions").EnumerateArray());
            Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
            Assert.Equal("The reminder job is being moved to Step Functions.", suppression.GetProperty("justification").GetString());
            Assert.False(Assert.Single(results, result => result.GetProperty("ruleId").GetString() == "PF1001").TryGetProperty("suppressions", out _));
        }

        [Fact]
        public void A_suppression_from_configuration_is_external()
        {
            var finding = ChatApiScan.WebSocketFinding() with { Suppression = new FindingSuppression("config", null) };
            var scan = new ScanResult(new[] { ChatApiScan.WebSocketRule }, new[] { finding }, Array.Empty<ToolNotification>());

            using var sarif = Parse(Write(scan, new SarifReportOptions { IncludeSuppressed = true }));

            Assert.Equal("external", Single(sarif).GetProperty("suppressions")[0].GetProperty("kind").GetString());
        }

        [Fact]
        public void The_fingerprint_survives_lines_inserted_above_the_finding()
        {
            var shiftedSource = "// Chat API: HTTP endpoints and the room socket.\n// See docs/chat.md.\n" + ChatApiScan.ProgramSource;
            var shiftedScan = ChatApiScan.Create(ChatApiScan.WebSocketFinding(ChatApiScan.WebSocketLine + 2));

            var original = Fingerprint(Write(ChatApiScan.Create()));
            var shifted = Fingerprint(Write(shiftedScan, files: ChatApiScan.Files(shiftedSource)));

            Assert.Equal(original, shifted);
        }

        [Fact]
        public void The_fingerprint_changes_when_the_finding_line_changes()
        {
            var editedSource = ChatApiScan.ProgramSource.Replace("app.UseWebSockets(sockets);", "app.UseWebSockets();", StringComparison.Ordinal);

            var original = Fingerprint(Write(ChatApiScan.Create()));
            var edited = Fingerprint(Write(ChatApiScan.Create(), files: ChatApiScan.Files(editedSource)));

            Assert.NotEqual(original, edited);
        }

        [Fact]
        public void A_file_that_cannot_be_read_gives_no_fingerprint_rather_than_a_wrong_one()
        {
            using var sarif = Parse(Write(ChatApiScan.Create(), files: _ => null));

            Assert.False(Single(sarif).TryGetProperty("partialFingerprints", out _));
        }

        [Fact]
        public void An_unreadable_file_is_a_tool_notification_and_the_execution_is_not_successful()
        {
            using var sarif = Parse(Write(ChatApiScan.Create()));
            var invocation = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());

            Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
            var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
            Assert.Equal("template.yaml could not be parsed: a mapping value is not allowed here.", notification.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal("warning", notification.GetProperty("level").GetString());
            Assert.Equal("PF9001", notification.GetProperty("descriptor").GetProperty("id").GetString());
            var location = notification.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("template.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal(7, location.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.False(invocation.TryGetProperty("startTimeUtc", out _));
            Assert.False(invocation.TryGetProperty("commandLine", out _));
        }

        [Fact]
        public void Times_are_written_only_when_asked()
        {
            var times = new ScanTimes(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero), new DateTimeOffset(2025, 3, 14, 9, 26, 58, TimeSpan.Zero));

            using var sarif = Parse(Write(ChatApiScan.Create(), new SarifReportOptions { Timestamps = times }));
            var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];

            Assert.Equal("2025-03-14T09:26:53.000Z", invocation.GetProperty("startTimeUtc").GetString());
            Assert.Equal("2025-03-14T09:26:58.000Z", invocation.GetProperty("endTimeUtc").GetString());
        }

        [Fact]
        public void Results_beyond_the_limit_are_dropped_least_severe_first_with_a_notification()
        {
            var note = ChatApiScan.WebSocketFinding() with { Level = FindingLevel.Note, Primary = new SourceLocation("a/First.cs", 1, 1, 1, 2) };
            var errorInB = ChatApiScan.WebSocketFinding() with { Primary = new SourceLocation("b/Second.cs", 1, 1, 1, 2) };
            var errorInC = ChatApiScan.WebSocketFinding() with { Primary = new SourceLocation("c/Third.cs", 1, 1, 1, 2) };
            var scan = new ScanResult(new[] { ChatApiScan.WebSocketRule }, new[] { errorInC, note, errorInB }, Array.Empty<ToolNotification>());

            using var sarif = Parse(Write(scan, new SarifReportOptions { ResultLimit = 2 }));

            Assert.Equal(
                new[] { "b/Second.cs", "c/Third.cs" },
                Results(sarif).Select(result => result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
            var notification = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray());
            Assert.Equal(
                "The scan found 3 results but GitHub code scanning accepts at most 2 per run: the 1 least severe were left out of this file.",
                notification.GetProperty("message").GetProperty("text").GetString());
        }

        [Fact]
        public void Results_are_sorted_by_path_line_column_and_rule()
        {
            SourceLocation At(string path, int line, int column) => new(path, line, column, line, column + 1);
            var findings = new[]
            {
                ChatApiScan.WebSocketFinding() with { Primary = At("src/b.cs", 2, 1) },
                ChatApiScan.WebSocketFinding() with { RuleId = "PF3001", Primary = At("src/a.cs", 10, 3) },
                ChatApiScan.WebSocketFinding() with { Primary = At("src/a.cs", 10, 3) },
                ChatApiScan.WebSocketFinding() with { Primary = At("src/a.cs", 9, 7) },
            };
            var scan = new ScanResult(new[] { ChatApiScan.WebSocketRule, ChatApiScan.LongWaitRule }, findings, Array.Empty<ToolNotification>());

            using var sarif = Parse(Write(scan));

            Assert.Equal(
                new[] { "src/a.cs:9:PF1001", "src/a.cs:10:PF1001", "src/a.cs:10:PF3001", "src/b.cs:2:PF1001" },
                Results(sarif).Select(result =>
                {
                    var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    return $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:{location.GetProperty("region").GetProperty("startLine").GetInt32()}:{result.GetProperty("ruleId").GetString()}";
                }));
        }

        [Fact]
        public void A_path_with_spaces_becomes_an_escaped_relative_uri()
        {
            var finding = ChatApiScan.WebSocketFinding() with { Primary = new SourceLocation("src/Chat Api/Program.cs", 1, 1, 1, 2) };
            var scan = new ScanResult(new[] { ChatApiScan.WebSocketRule }, new[] { finding }, Array.Empty<ToolNotification>());

            using var sarif = Parse(Write(scan));

            Assert.Equal(
                "src/Chat%20Api/Program.cs",
                Single(sarif).GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        private static byte[] Write(ScanResult scan, SarifReportOptions? options = null, Func<string, string?>? files = null)
        {
            using var stream = new MemoryStream();
            new SarifReportWriter(files ?? ChatApiScan.Files(), options).Write(scan, stream);
            return stream.ToArray();
        }

        private static JsonDocument Parse(byte[] sarif) => JsonDocument.Parse(sarif);

        private static JsonElement[] Results(JsonDocument sarif) =>
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToArray();

        private static JsonElement Single(JsonDocument sarif) => Assert.Single(Results(sarif));

        private static JsonElement Rule(JsonDocument sarif, string id) =>
            sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
                .EnumerateArray().Single(rule => rule.GetProperty("id").GetString() == id);

        private static string? Fingerprint(byte[] sarif)
        {
            using var document = Parse(sarif);
            return Results(document)
                .Single(result => result.GetProperty("ruleId").GetString() == "PF1001")
                .GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString();
        }

        private static void AssertRegion(JsonElement region, int startLine, int startColumn, int endLine, int endColumn)
        {
            Assert.Equal(
                (startLine, startColumn, endLine, endColumn),
                (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()));
        }
    }
}
