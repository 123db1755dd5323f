using System;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>The expected lines are written by hand: they are the reviewed spec of the text format.</summary>
    public sealed class TextReportWriterTests
    {
        private static readonly Finding s_webSocket = new(
            "PF1001",
            FindingLevel.Error,
            "UseWebSockets serves WebSockets behind an HTTP API (serverless.yml(14,9)).",
            new SourceLocation("src/ChatApi/Program.cs", 18, 5, 18, 31))
        {
            Related = new[] { new RelatedLocation(1, new SourceLocation("serverless.yml", 14, 9, 14, 16), "serverless.yml(14,9)") },
        };

        private static readonly Finding s_longWait = new(
            "PF3001",
            FindingLevel.Warning,
            "Task.Delay waits 5 minutes; the function times out after 30 s.",
            new SourceLocation("src/ChatApi/Reminder.cs", 12, 9, 12, 48));

        private static readonly Finding s_suppressed = s_longWait with
        {
            Primary = new SourceLocation("src/ChatApi/Cleanup.cs", 4, 9, 4, 30),
            Suppression = new FindingSuppression("pragma", null),
        };

        private static readonly ToolNotification s_unparsable = new("template.yaml could not be parsed.", FindingLevel.Warning)
        {
            Location = new SourceLocation("template.yaml", 7, 1, 7, 1),
            Id = "PF9001",
        };

        [Fact]
        public void Findings_read_like_compiler_diagnostics_followed_by_notifications_and_a_summary()
        {
            var text = Write(new[] { s_webSocket, s_suppressed, s_longWait }, new[] { s_unparsable });

            Assert.Equal(
                """
                src/ChatApi/Program.cs(18,5): error PF1001: UseWebSockets serves WebSockets behind an HTTP API (serverless.yml(14,9)).
                    serverless.yml(14,9)
                src/ChatApi/Reminder.cs(12,9): warning PF3001: Task.Delay waits 5 minutes; the function times out after 30 s.
                template.yaml(7,1): warning PF9001: template.yaml could not be parsed.

                1  PF1001  WebSocket server behind a front door that cannot hold a connection
                1  PF3001  Wait longer than the function's timeout
                1 error, 1 warning in 2 files; 1 tool notification

                """,
                text);
        }

        [Fact]
        public void A_clean_scan_says_so()
        {
            Assert.Equal("No findings.\n", Write(Array.Empty<Finding>(), Array.Empty<ToolNotification>()));
        }

        [Fact]
        public void A_scan_that_could_not_read_everything_does_not_look_clean()
        {
            Assert.Equal(
                """
                template.yaml(7,1): warning PF9001: template.yaml could not be parsed.
                No findings, but 1 tool notification: the scan may be incomplete.

                """,
                Write(Array.Empty<Finding>(), new[] { s_unparsable }));
        }

        [Fact]
        public void Suppressed_findings_are_listed_only_when_asked_and_never_counted()
        {
            var text = Write(new[] { s_suppressed }, Array.Empty<ToolNotification>(), new TextReportOptions { IncludeSuppressed = true });

            Assert.Equal(
                """
                src/ChatApi/Cleanup.cs(4,9): warning PF3001: Task.Delay waits 5 minutes; the function times out after 30 s. (suppressed)
                No findings.

                """,
                text);
        }

        [Fact]
        public void A_related_location_whose_label_is_not_its_position_shows_both()
        {
            var finding = s_webSocket with
            {
                Related = new[] { new RelatedLocation(1, new SourceLocation("serverless.yml", 14, 9, 14, 16), "the httpApi event of function 'chat'") },
            };

            Assert.Equal(
                """
                src/ChatApi/Program.cs(18,5): error PF1001: UseWebSockets serves WebSockets behind an HTTP API (serverless.yml(14,9)).
                    serverless.yml(14,9): the httpApi event of function 'chat'

                1  PF1001  WebSocket server behind a front door that cannot hold a connection
                1 error in 1 file

                """,
                Write(new[] { finding }, Array.Empty<ToolNotification>()));
        }

        [Fact]
        public void A_notification_without_a_file_names_the_tool()
        {
            var notification = new ToolNotification("No deployment config was found.", FindingLevel.Note);

            Assert.Equal(
                """
                platformfit: note: No deployment config was found.
                No findings, but 1 tool notification: the scan may be incomplete.

                """,
                Write(Array.Empty<Finding>(), new[] { notification }));
        }

        [Fact]
        public void The_counts_by_rule_are_sorted_by_id_right_aligned_and_name_the_rule_when_the_scan_knows_it()
        {
            var manyWaits = new Finding[12];
            for (var i = 0; i < manyWaits.Length; i++)
            {
                manyWaits[i] = s_longWait with { Primary = new SourceLocation("src/ChatApi/Reminder.cs", 20 + i, 9, 20 + i, 48) };
            }

            var unknownRule = s_longWait with { RuleId = "PF4999", Primary = new SourceLocation("src/ChatApi/Reminder.cs", 2, 1, 2, 5) };
            var findings = new[] { unknownRule, s_webSocket }.Concat(manyWaits).ToArray();

            var text = Write(findings, Array.Empty<ToolNotification>());
            var summary = text.Substring(text.IndexOf("\n\n", StringComparison.Ordinal) + 2);

            Assert.Equal(
                """
                 1  PF1001  WebSocket server behind a front door that cannot hold a connection
                12  PF3001  Wait longer than the function's timeout
                 1  PF4999
                1 error, 13 warnings in 2 files

                """,
                summary);
        }

        [Fact]
        public void Suppressed_findings_are_not_counted_by_rule()
        {
            var text = Write(new[] { s_longWait, s_suppressed }, Array.Empty<ToolNotification>(), new TextReportOptions { IncludeSuppressed = true });

            Assert.EndsWith(
                """

                1  PF3001  Wait longer than the function's timeout
                1 warning in 1 file

                """,
                text,
                StringComparison.Ordinal);
        }

        [Fact]
        public void Colour_is_used_only_when_asked()
        {
            var plain = Write(new[] { s_longWait }, Array.Empty<ToolNotification>());
            var coloured = Write(new[] { s_longWait }, Array.Empty<ToolNotification>(), new TextReportOptions { UseColor = true });

            Assert.DoesNotContain('\u001b', plain);
            Assert.StartsWith("src/ChatApi/Reminder.cs(12,9): \u001b[33mwarning\u001b[0m PF3001: ", coloured, StringComparison.Ordinal);
        }

        private static string Write(Finding[] findings, ToolNotification[] notifications, TextReportOptions? options = null)
        {
            var scan = new ScanResult(new[] { ChatApiScan.WebSocketRule, ChatApiScan.LongWaitRule }, findings, notifications);
            using var output = new StringWriter();
            new TextReportWriter(options).Write(scan, output);
            return output.ToString();
        }
    }
}
