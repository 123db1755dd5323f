using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>What the GitHub Actions annotations report includes.</summary>
    internal sealed record GitHubAnnotationsReportOptions
    {
        /// <summary>Write suppressed findings too, as notices marked <c>(suppressed)</c>; they never count in the summary.</summary>
        public bool IncludeSuppressed { get; init; }
    }

    /// <summary>
    /// Writes a scan as GitHub Actions workflow commands, one per line, so that a job without code scanning still
    /// shows each finding as an annotation on its file and line:
    /// <c>::error file=src/ChatApi/Program.cs,line=18,col=5,endLine=18,endColumn=31,title=PF1001: …::message</c>.
    /// Errors are <c>::error</c>, warnings <c>::warning</c>, notes <c>::notice</c>; the tool's notifications (files
    /// it could not read) are annotated the same way; the last line is a plain summary, not a command.
    /// </summary>
    /// <remarks>
    /// GitHub shows at most 10 annotations of each level per step and 50 per job (actions/toolkit,
    /// docs/problem-matchers.md, "Limitations"); every command stays in the log, in the report's order.
    /// </remarks>
    internal sealed class GitHubAnnotationsReportWriter
    {
        private const string Indent = "    ";

        private readonly GitHubAnnotationsReportOptions _options;

        public GitHubAnnotationsReportWriter(GitHubAnnotationsReportOptions? options = null) =>
            _options = options ?? new GitHubAnnotationsReportOptions();

        public void Write(ScanResult scan, TextWriter output)
        {
            ArgumentNullException.ThrowIfNull(scan);
            ArgumentNullException.ThrowIfNull(output);

            var rulesById = new Dictionary<string, RuleMetadata>(StringComparer.Ordinal);
            foreach (var rule in scan.Rules)
            {
                rulesById.TryAdd(rule.Id, rule);
            }

            var findings = scan.Findings
                .Where(finding => _options.IncludeSuppressed || finding.Suppression is null)
                .OrderBy(finding => finding, ReportOrder.Findings)
                .ToList();

            foreach (var finding in findings)
            {
                var suppressed = finding.Suppression is not null;

                // A suppressed finding is shown for the record, never as a failure.
                var command = suppressed ? "notice" : CommandFor(finding.Level);
                var title = Title(finding.RuleId, rulesById) + (suppressed ? " (suppressed)" : string.Empty);
                WriteLine(output, WorkflowCommand.Format(command, LocationProperties(finding.Primary, title), Message(finding)));
            }

            var notifications = scan.Notifications.OrderBy(notification => notification, ReportOrder.Notifications).ToList();
            foreach (var notification in notifications)
            {
                var title = notification.Id is null ? ToolIdentity.Name : Title(notification.Id, rulesById);
                var properties = notification.Location is null
                    ? new[] { Property("title", title) }
                    : LocationProperties(notification.Location, title);
                WriteLine(output, WorkflowCommand.Format(CommandFor(notification.Level), properties, notification.Message));
            }

            var unsuppressed = findings.Where(finding => finding.Suppression is null).ToList();
            WriteLine(output, ToolIdentity.Name + ": " + ScanSummary.Sentence(unsuppressed, notifications.Count));
        }

        private static string CommandFor(FindingLevel level) => level switch
        {
            FindingLevel.Error => "error",
            FindingLevel.Warning => "warning",
            _ => "notice",
        };

        /// <summary><c>PF1001: WebSocket server behind …</c>, or the bare id when the scan has no metadata for it.</summary>
        private static string Title(string id, Dictionary<string, RuleMetadata> rulesById) =>
            rulesById.TryGetValue(id, out var rule) && !string.IsNullOrWhiteSpace(rule.Title) ? $"{id}: {rule.Title}" : id;

        /// <summary>
        /// The finding's message, then each related config location the message does not already name, on its own
        /// line (an annotation's message may span lines; the runner unescapes <c>%0A</c>).
        /// </summary>
        private static string Message(Finding finding)
        {
            var message = finding.Message;
            foreach (var related in finding.Related.OrderBy(location => location.Id))
            {
                var place = related.Location.ToString();
                if (message.Contains(place, StringComparison.Ordinal) && related.Label == place)
                {
                    continue;
                }

                var label = related.Label == place ? string.Empty : ": " + related.Label;
                message += "\n" + Indent + place + label;
            }

            return message;
        }

        /// <summary>
        /// <c>file</c>, <c>line</c>, <c>col</c>, <c>endLine</c>, <c>endColumn</c>, <c>title</c>. Columns are given only
        /// for a span on one line: the runner drops <c>col</c> and <c>endColumn</c> when <c>line</c> and
        /// <c>endLine</c> differ (actions/runner, ActionCommandManager.cs, <c>ValidateLinesAndColumns</c>).
        /// </summary>
        private static KeyValuePair<string, string?>[] LocationProperties(SourceLocation location, string title)
        {
            var oneLine = location.EndLine == location.StartLine;
            return new[]
            {
                Property("file", location.Path),
                Property("line", Number(location.StartLine)),
                Property("col", oneLine ? Number(location.StartColumn) : null),
                Property("endLine", Number(Math.Max(location.EndLine, location.StartLine))),
                Property("endColumn", oneLine ? Number(Math.Max(location.EndColumn, location.StartColumn)) : null),
                Property("title", title),
            };
        }

        private static string? Number(int value) => value >= 1 ? value.ToString(CultureInfo.InvariantCulture) : null;

        private static KeyValuePair<string, string?> Property(string key, string? value) => new(key, value);

        private static void WriteLine(TextWriter output, string line)
        {
            // Always \n: the runner reads commands line by line whatever the platform's line end.
            output.Write(line);
            output.Write('\n');
        }
    }
}
