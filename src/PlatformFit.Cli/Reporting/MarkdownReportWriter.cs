using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>What the markdown report includes.</summary>
    internal sealed record MarkdownReportOptions
    {
        /// <summary>List suppressed findings too, marked <c>(suppressed)</c>; they never count.</summary>
        public bool IncludeSuppressed { get; init; }
    }

    /// <summary>
    /// Writes a scan as a markdown summary that a CI job can post to a pull request, a job summary or a chat: a
    /// heading with the counts, a table of the rules that fired (each linked to its documentation), the findings
    /// grouped by file as <c>path:line</c> with their related config lines, and the files that could not be read.
    /// Everything taken from the scan is escaped; the same scan always gives the same text.
    /// </summary>
    internal sealed class MarkdownReportWriter
    {
        private readonly MarkdownReportOptions _options;

        public MarkdownReportWriter(MarkdownReportOptions? options = null) => _options = options ?? new MarkdownReportOptions();

        public void Write(ScanResult scan, TextWriter output)
        {
            ArgumentNullException.ThrowIfNull(scan);
            ArgumentNullException.ThrowIfNull(output);

            var findings = scan.Findings
                .Where(finding => _options.IncludeSuppressed || finding.Suppression is null)
                .OrderBy(finding => finding, ReportOrder.Findings)
                .ToList();
            var unsuppressed = findings.Where(finding => finding.Suppression is null).ToList();
            var notifications = scan.Notifications.OrderBy(notification => notification, ReportOrder.Notifications).ToList();

            var blocks = new List<string>();
            if (unsuppressed.Count == 0)
            {
                blocks.Add("## " + ToolIdentity.Name);
                blocks.Add(ScanSummary.Sentence(unsuppressed, notifications.Count));
            }
            else
            {
                blocks.Add($"## {ToolIdentity.Name}: {ScanSummary.Sentence(unsuppressed, notifications.Count)}");
                blocks.Add(Lines(RuleTable(scan, unsuppressed)));
            }

            // ReportOrder sorts by path first, so grouping keeps files in order and findings in order within each file.
            foreach (var file in findings.GroupBy(finding => finding.Primary.Path, StringComparer.Ordinal))
            {
                blocks.Add("### " + MarkdownInline.Code(file.Key));
                blocks.Add(Lines(file.SelectMany(FindingItem)));
            }

            var unreadFiles = notifications.Where(notification => notification.Location is not null).ToList();
            if (unreadFiles.Count > 0)
            {
                blocks.Add("### Files that could not be read");
                blocks.Add(Lines(unreadFiles.Select(NotificationItem)));
            }

            var scanNotes = notifications.Where(notification => notification.Location is null).ToList();
            if (scanNotes.Count > 0)
            {
                blocks.Add("### Other tool notifications");
                blocks.Add(Lines(scanNotes.Select(NotificationItem)));
            }

            // Blocks are separated by one blank line; lines end with \n whatever the platform, so the bytes never vary.
            output.Write(string.Join("\n\n", blocks));
            output.Write('\n');
        }

        private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

        /// <summary>One row per rule that fired, sorted by id: the id linked to its documentation, its title and how many findings.</summary>
        private static List<string> RuleTable(ScanResult scan, List<Finding> unsuppressed)
        {
            var rows = new List<string> { "| Rule | Title | Findings |", "| --- | --- | ---: |" };
            foreach (var count in ScanSummary.ByRule(unsuppressed, scan.Rules))
            {
                var helpUri = RuleHelpUri.Resolve(count.Rule?.HelpUri);
                var rule = helpUri is null ? MarkdownInline.Escape(count.RuleId) : MarkdownInline.Link(count.RuleId, helpUri);
                var title = MarkdownInline.Escape(count.Rule?.Title ?? string.Empty);
                rows.Add($"| {rule} | {title} | {count.Count.ToString("N0", CultureInfo.InvariantCulture)} |");
            }

            return rows;
        }

        /// <summary><c>- `src/Api/Program.cs:18` **error** PF1001: message</c>, and each related config line below it.</summary>
        private static IEnumerable<string> FindingItem(Finding finding)
        {
            var suppressed = finding.Suppression is null ? string.Empty : " *(suppressed)*";
            yield return $"- {Place(finding.Primary)} **{Level(finding.Level)}** {MarkdownInline.Escape(finding.RuleId)}: {MarkdownInline.Escape(finding.Message)}{suppressed}";
            foreach (var related in finding.Related.OrderBy(location => location.Id))
            {
                var label = related.Label == related.Location.ToString() ? string.Empty : ": " + MarkdownInline.Escape(related.Label);
                yield return $"  - {Place(related.Location)}{label}";
            }
        }

        private static string NotificationItem(ToolNotification notification)
        {
            var place = notification.Location is null ? string.Empty : Place(notification.Location) + " ";
            var id = notification.Id is null ? string.Empty : " " + MarkdownInline.Escape(notification.Id);
            return $"- {place}**{Level(notification.Level)}**{id}: {MarkdownInline.Escape(notification.Message)}";
        }

        /// <summary><c>`serverless.yml:14`</c>: the form editors and terminals open at the line.</summary>
        private static string Place(SourceLocation location) =>
            MarkdownInline.Code(location.Path + ":" + location.StartLine.ToString(CultureInfo.InvariantCulture));

        private static string Level(FindingLevel level) => level switch
        {
            FindingLevel.Error => "error",
            FindingLevel.Warning => "warning",
            _ => "note",
        };
    }
}
