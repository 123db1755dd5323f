using System;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>The expected markdown is written by hand: it is the reviewed spec of the markdown format.</summary>
    public sealed class MarkdownReportWriterTests
    {
        [Fact]
        public void A_scan_reads_as_counts_a_rule_table_findings_by_file_and_the_files_that_could_not_be_read()
        {
            Assert.Equal(
                """
                ## PlatformFit: 1 error in 1 file; 1 tool notification

                | Rule | Title | Findings |
                | --- | --- | ---: |
                | [PF1001](https://github.com/platformfit/platformfit/blob/main/rules/PF1001.md) | WebSocket server behind a front door that cannot hold a connection | 1 |

                ### `src/ChatApi/Program.cs`

                - `src/ChatApi/Program.cs:18` **error** PF1001: app.UseWebSockets(sockets) serves WebSocket connections, but function 'chat' runs on AWS Lambda behind an HTTP API (serverless.yml(14,9)), which cannot hold a client connection: use an API Gateway WebSocket API.
                  - `serverless.yml:14`

                ### Files that could not be read

                - `template.yaml:7` **warning** PF9001: template.yaml could not be parsed: a mapping value is not allowed here.

                """,
                Write(ChatApiScan.Create()));
        }

        [Fact]
        public void Suppressed_findings_are_listed_only_when_asked_and_never_counted()
        {
            Assert.Equal(
                """
                ## PlatformFit: 1 error in 1 file; 1 tool notification

                | Rule | Title | Findings |
                | --- | --- | ---: |
                | [PF1001](https://github.com/platformfit/platformfit/blob/main/rules/PF1001.md) | WebSocket server behind a front door that cannot hold a connection | 1 |

                ### `src/ChatApi/Handlers/Reminder.cs`

                - `src/ChatApi/Handlers/Reminder.cs:12` **warning** PF3001: Task.Delay(TimeSpan.FromMinutes(5)) waits 5 minutes, but function 'reminder' times out after 30 seconds (serverless.yml(8,12)). *(suppressed)*
                  - `serverless.yml:8`

                ### `src/ChatApi/Program.cs`

                - `src/ChatApi/Program.cs:18` **error** PF1001: app.UseWebSockets(sockets) serves WebSocket connections, but function 'chat' runs on AWS Lambda behind an HTTP API (serverless.yml(14,9)), which cannot hold a client connection: use an API Gateway WebSocket API.
                  - `serverless.yml:14`

                ### Files that could not be read

                - `template.yaml:7` **warning** PF9001: template.yaml could not be parsed: a mapping value is not allowed here.

                """,
                Write(ChatApiScan.Create(), new MarkdownReportOptions { IncludeSuppressed = true }));
        }

        [Fact]
        public void A_clean_scan_says_no_findings()
        {
            Assert.Equal(
                """
                ## PlatformFit

                No findings.

                """,
                Write(new ScanResult(new[] { ChatApiScan.WebSocketRule }, Array.Empty<Finding>(), Array.Empty<ToolNotification>())));
        }

        [Fact]
        public void A_scan_that_could_not_read_everything_does_not_look_clean()
        {
            var scan = new ScanResult(
                new[] { ChatApiScan.WebSocketRule },
                Array.Empty<Finding>(),
                new[] { ChatApiScan.UnparsableTemplate(), new ToolNotification("No deployment config was found.", FindingLevel.Note) });

            Assert.Equal(
                """
                ## PlatformFit

                No findings, but 2 tool notifications: the scan may be incomplete.

                ### Files that could not be read

                - `template.yaml:7` **warning** PF9001: template.yaml could not be parsed: a mapping value is not allowed here.

                ### Other tool notifications

                - **note**: No deployment config was found.

                """,
                Write(scan));
        }

        [Fact]
        public void Markdown_metacharacters_from_the_scanned_code_are_escaped_and_line_breaks_flattened()
        {
            var finding = new Finding(
                "PF1001",
                FindingLevel.Error,
                "Task<int> | *bold* _it_ `code` [link](https://x.test) ~~gone~~ $x$ a\\b &amp;\r\nnext line",
                new SourceLocation("src/we`ird.cs", 3, 1, 3, 2))
            {
                Related = new[] { new RelatedLocation(1, new SourceLocation("serverless.yml", 4, 1, 4, 2), "the <httpApi> | event") },
            };
            var rule = new RuleMetadata("PF1001", "Pipes | and *stars*", "{0}", "Connections", RuleSeverity.Error, "d")
            {
                HelpUri = "https://example.test/rules/PF1001 (draft).md",
            };

            var markdown = Write(new ScanResult(new[] { rule }, new[] { finding }, Array.Empty<ToolNotification>()));

            Assert.Equal(
                """
                ## PlatformFit: 1 error in 1 file

                | Rule | Title | Findings |
                | --- | --- | ---: |
                | [PF1001](https://example.test/rules/PF1001%20%28draft%29.md) | Pipes \| and \*stars\* | 1 |

                ### ``src/we`ird.cs``

                - ``src/we`ird.cs:3`` **error** PF1001: Task\<int\> \| \*bold\* \_it\_ \`code\` \[link\](https://x.test) \~\~gone\~\~ \$x\$ a\\b \&amp; next line
                  - `serverless.yml:4`: the \<httpApi\> \| event

                """,
                markdown);
        }

        [Fact]
        public void A_rule_without_documentation_or_metadata_is_named_by_its_id()
        {
            var finding = ChatApiScan.WebSocketFinding() with { RuleId = "PF4999", Related = Array.Empty<RelatedLocation>(), Message = "m" };

            var markdown = Write(new ScanResult(Array.Empty<RuleMetadata>(), new[] { finding }, Array.Empty<ToolNotification>()));

            Assert.Contains("\n| PF4999 |  | 1 |\n", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void A_relative_help_link_points_at_the_doc_on_GitHub()
        {
            var rule = new RuleMetadata("PF1001", "t", "{0}", "Connections", RuleSeverity.Error, "d") { HelpUri = "rules/PF1001.md" };
            var finding = ChatApiScan.WebSocketFinding() with { Related = Array.Empty<RelatedLocation>() };

            var markdown = Write(new ScanResult(new[] { rule }, new[] { finding }, Array.Empty<ToolNotification>()));

            Assert.Contains("| [PF1001](https://github.com/platformfit/platformfit/blob/main/rules/PF1001.md) | t | 1 |", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void The_order_of_the_input_does_not_change_the_output()
        {
            var scan = ChatApiScan.Create();
            var reversed = new ScanResult(scan.Rules.Reverse().ToList(), scan.Findings.Reverse().ToList(), scan.Notifications.Reverse().ToList());
            var options = new MarkdownReportOptions { IncludeSuppressed = true };

            Assert.Equal(Write(scan, options), Write(reversed, options));
        }

        private static string Write(ScanResult scan, MarkdownReportOptions? options = null)
        {
            using var output = new StringWriter();
            new MarkdownReportWriter(options).Write(scan, output);
            return output.ToString();
        }
    }
}
