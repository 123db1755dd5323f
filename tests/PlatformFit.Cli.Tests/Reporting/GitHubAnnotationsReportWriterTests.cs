using System;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>The expected commands are written by hand: they are the reviewed spec of the GitHub annotations format.</summary>
    public sealed class GitHubAnnotationsReportWriterTests
    {
        [Fact]
        public void Each_finding_and_notification_is_one_annotation_command_and_the_last_line_is_a_plain_summary()
        {
            Assert.Equal(
                """
                ::error file=src/ChatApi/Program.cs,line=18,col=5,endLine=18,endColumn=31,title=PF1001%3A WebSocket server behind a front door that cannot hold a connection::app.UseWebSockets(sockets) serves WebSocket connections, but function 'chat' runs on AWS Lambda behind an HTTP API (serverless.yml(14,9)), which cannot hold a client connection: use an API Gateway WebSocket API.
                ::warning file=template.yaml,line=7,col=1,endLine=7,endColumn=1,title=PF9001%3A Config file could not be read::template.yaml could not be parsed: a mapping value is not allowed here.
                PlatformFit: 1 error in 1 file; 1 tool notification

                """,
                Write(ChatApiScan.Create()));
        }

        [Fact]
        public void Suppressed_findings_are_written_only_when_asked_as_notices_and_never_counted()
        {
            var text = Write(ChatApiScan.Create(), new GitHubAnnotationsReportOptions { IncludeSuppressed = true });

            Assert.Equal(
                """
                ::notice file=src/ChatApi/Handlers/Reminder.cs,line=12,col=9,endLine=12,endColumn=48,title=PF3001%3A Wait longer than the function's timeout (suppressed)::Task.Delay(TimeSpan.FromMinutes(5)) waits 5 minutes, but function 'reminder' times out after 30 seconds (serverless.yml(8,12)).
                ::error file=src/ChatApi/Program.cs,line=18,col=5,endLine=18,endColumn=31,title=PF1001%3A WebSocket server behind a front door that cannot hold a connection::app.UseWebSockets(sockets) serves WebSocket connections, but function 'chat' runs on AWS Lambda behind an HTTP API (serverless.yml(14,9)), which cannot hold a client connection: use an API Gateway WebSocket API.
                ::warning file=template.yaml,line=7,col=1,endLine=7,endColumn=1,title=PF9001%3A Config file could not be read::template.yaml could not be parsed: a mapping value is not allowed here.
                PlatformFit: 1 error in 1 file; 1 tool notification

                """,
                text);
        }

        [Fact]
        public void Levels_map_to_error_warning_and_notice()
        {
            var error = ChatApiScan.WebSocketFinding();
            var warning = error with { Level = FindingLevel.Warning, Primary = error.Primary with { StartLine = 20, EndLine = 20 } };
            var note = error with { Level = FindingLevel.Note, Primary = error.Primary with { StartLine = 22, EndLine = 22 } };

            var commands = Lines(Write(Scan(new[] { note, warning, error }))).Select(line => line.Split(' ')[0]).ToList();

            Assert.Equal(new[] { "::error", "::warning", "::notice", "PlatformFit:" }, commands);
        }

        [Fact]
        public void Data_and_properties_are_escaped_as_the_toolkit_escapes_them()
        {
            var finding = new Finding(
                "PF1001",
                FindingLevel.Error,
                "100% sure:\r\nline two, with %0A literally\nand ::colons::",
                new SourceLocation("src/My,App/Fun:c.cs", 3, 1, 3, 2));

            var line = Lines(Write(Scan(new[] { finding })))[0];

            Assert.Equal(
                "::error file=src/My%2CApp/Fun%3Ac.cs,line=3,col=1,endLine=3,endColumn=2,title=PF1001%3A WebSocket server behind a front door that cannot hold a connection"
                + "::100%25 sure:%0D%0Aline two, with %250A literally%0Aand ::colons::",
                line);
        }

        [Theory]
        [InlineData("plain", "src/Api/Program.cs")]
        [InlineData("a\r\nb\rc\nd", "src/a,b/c:d.cs")]
        [InlineData("%0A %25 %3A %2C %", "src/100%/x.cs")]
        [InlineData("::warning file=evil.cs::injected", "src/x.cs,line=99")]
        [InlineData("trailing newline\n", "src/ünï/cödé.cs")]
        [InlineData("", "src/=/a=b.cs")]
        public void The_runner_reads_back_exactly_the_message_file_and_title_that_were_written(string message, string path)
        {
            var finding = new Finding("PF1001", FindingLevel.Warning, message, new SourceLocation(path, 7, 3, 7, 9));

            var lines = Lines(Write(Scan(new[] { finding })));

            // One finding, one command line: nothing in the message may start a second command.
            Assert.Equal(2, lines.Length);
            var command = RunnerCommandParser.TryParse(lines[0]);
            Assert.NotNull(command);
            Assert.Equal("warning", command.Name);
            Assert.Equal(message, command.Data);
            Assert.Equal(path, command.Properties["file"]);
            Assert.Equal("7", command.Properties["line"]);
            Assert.Equal("3", command.Properties["col"]);
            Assert.Equal("7", command.Properties["endLine"]);
            Assert.Equal("9", command.Properties["endColumn"]);
            Assert.Equal("PF1001: WebSocket server behind a front door that cannot hold a connection", command.Properties["title"]);
            Assert.Null(RunnerCommandParser.TryParse(lines[1]));
        }

        [Fact]
        public void A_span_over_several_lines_has_no_columns_because_the_runner_would_drop_them()
        {
            var finding = ChatApiScan.WebSocketFinding() with { Primary = new SourceLocation("src/ChatApi/Program.cs", 13, 1, 19, 6), Related = Array.Empty<RelatedLocation>() };

            var line = Lines(Write(Scan(new[] { finding })))[0];

            Assert.StartsWith("::error file=src/ChatApi/Program.cs,line=13,endLine=19,title=", line, StringComparison.Ordinal);
        }

        [Fact]
        public void Related_config_lines_the_message_does_not_name_are_added_on_their_own_lines()
        {
            var finding = ChatApiScan.WebSocketFinding() with
            {
                Message = "UseWebSockets serves WebSockets behind an HTTP API.",
                Related = new[]
                {
                    new RelatedLocation(1, new SourceLocation("serverless.yml", 14, 9, 14, 16), "serverless.yml(14,9)"),
                    new RelatedLocation(2, new SourceLocation("serverless.yml", 7, 12, 7, 14), "the provider timeout"),
                },
            };

            var line = Lines(Write(Scan(new[] { finding })))[0];

            Assert.EndsWith("::UseWebSockets serves WebSockets behind an HTTP API.%0A    serverless.yml(14,9)%0A    serverless.yml(7,12): the provider timeout", line, StringComparison.Ordinal);
        }

        [Fact]
        public void A_notification_without_a_file_is_titled_with_the_tool_and_a_rule_unknown_to_the_scan_by_its_id()
        {
            var scan = new ScanResult(
                Array.Empty<Core.Rules.RuleMetadata>(),
                new[] { ChatApiScan.WebSocketFinding() with { Related = Array.Empty<RelatedLocation>(), Message = "m" } },
                new[] { new ToolNotification("No deployment config was found.", FindingLevel.Note) });

            Assert.Equal(
                """
                ::error file=src/ChatApi/Program.cs,line=18,col=5,endLine=18,endColumn=31,title=PF1001::m
                ::notice title=PlatformFit::No deployment config was found.
                PlatformFit: 1 error in 1 file; 1 tool notification

                """,
                Write(scan));
        }

        [Fact]
        public void A_clean_scan_writes_only_the_summary()
        {
            Assert.Equal("PlatformFit: No findings.\n", Write(Scan(Array.Empty<Finding>())));
        }

        [Fact]
        public void The_order_of_the_input_does_not_change_the_output()
        {
            var scan = ChatApiScan.Create();
            var reversed = new ScanResult(scan.Rules.Reverse().ToList(), scan.Findings.Reverse().ToList(), scan.Notifications.Reverse().ToList());
            var options = new GitHubAnnotationsReportOptions { IncludeSuppressed = true };

            Assert.Equal(Write(scan, options), Write(reversed, options));
        }

        private static ScanResult Scan(Finding[] findings) =>
            new(new[] { ChatApiScan.WebSocketRule, ChatApiScan.LongWaitRule, ChatApiScan.UnreadableConfigRule }, findings, Array.Empty<ToolNotification>());

        private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');

        private static string Write(ScanResult scan, GitHubAnnotationsReportOptions? options = null)
        {
            using var output = new StringWriter();
            new GitHubAnnotationsReportWriter(options).Write(scan, output);
            return output.ToString();
        }
    }
}
