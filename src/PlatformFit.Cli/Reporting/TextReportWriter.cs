using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>How the text report looks.</summary>
    internal sealed record TextReportOptions
    {
        /// <summary>Colour the level of each line with ANSI escapes; only when the output is a terminal.</summary>
        public bool UseColor { get; init; }

        /// <summary>List suppressed findings too, marked <c>(suppressed)</c>; they never count in the summary.</summary>
        public bool IncludeSuppressed { get; init; }
    }

    /// <summary>
    /// Writes a scan the way the compiler writes diagnostics, so editors and CI logs make each line clickable:
    /// <c>src/ChatApi/Program.cs(18,5): error PF1001: …</c>, the related config lines indented below it, then the
    /// tool's notifications, the number of findings of each rule and a summary.
    /// </summary>
    internal sealed class TextReportWriter
    {
        private const string Indent = "    ";
        private const string Reset = "\u001b[0m";

        private readonly TextReportOptions _options;

        public TextReportWriter(TextReportOptions? options = null) => _options = options ?? new TextReportOptions();

        public void Write(ScanResult scan, TextWriter output)
        {
            ArgumentNullException.ThrowIfNull(scan);
            ArgumentNullException.ThrowIfNull(output);

            var findings = scan.Findings
                .Where(finding => _options.IncludeSuppressed || finding.Suppression is null)
                .OrderBy(finding => finding, ReportOrder.Findings)
                .ToList();

            foreach (var finding in findings)
            {
                var suppressed = finding.Suppression is null ? string.Empty : " (suppressed)";
                output.Write($"{finding.Primary}: {Level(finding.Level)} {finding.RuleId}: {finding.Message}{suppressed}\n");
                foreach (var related in finding.Related.OrderBy(location => location.Id))
                {
                    var place = related.Location.ToString();
                    var label = related.Label == place ? string.Empty : ": " + related.Label;
                    output.Write($"{Indent}{place}{label}\n");
                }
            }

            var notifications = scan.Notifications.OrderBy(notification => notification, ReportOrder.Notifications).ToList();
            foreach (var notification in notifications)
            {
                // Without a file, the line names the tool, as the compiler does with "CSC : error …".
                var origin = notification.Location?.ToString() ?? "platformfit";
                var id = notification.Id is null ? string.Empty : " " + notification.Id;
                output.Write($"{origin}: {Level(notification.Level)}{id}: {notification.Message}\n");
            }

            var unsuppressed = findings.Where(finding => finding.Suppression is null).ToList();
            WriteCountsByRule(ScanSummary.ByRule(unsuppressed, scan.Rules), output);
            output.Write(ScanSummary.Sentence(unsuppressed, notifications.Count));
            output.Write('\n');
        }

        /// <summary>
        /// One line per rule after a blank line, count first and right-aligned, as linters' statistics read
        /// (<c>2  PF1001  WebSocket server behind …</c>): which rule to read about first, without counting lines.
        /// </summary>
        private static void WriteCountsByRule(IReadOnlyList<RuleFindingCount> counts, TextWriter output)
        {
            if (counts.Count == 0)
            {
                return;
            }

            var width = counts.Max(count => count.Count.ToString("N0", CultureInfo.InvariantCulture).Length);
            var idWidth = counts.Max(count => count.RuleId.Length);
            output.Write('\n');
            foreach (var count in counts)
            {
                var number = count.Count.ToString("N0", CultureInfo.InvariantCulture).PadLeft(width);
                var line = count.Rule is null
                    ? $"{number}  {count.RuleId}"
                    : $"{number}  {count.RuleId.PadRight(idWidth)}  {count.Rule.Title}";
                output.Write(line);
                output.Write('\n');
            }
        }

        private string Level(FindingLevel level)
        {
            var (word, color) = level switch
            {
                FindingLevel.Error => ("error", "\u001b[31m"),
                FindingLevel.Warning => ("warning", "\u001b[33m"),
                _ => ("note", "\u001b[36m"),
            };
            return _options.UseColor ? color + word + Reset : word;
        }
    }
}
