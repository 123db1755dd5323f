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
    /// tool's notifications and a summary.
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

            output.Write(Summary(findings.Where(finding => finding.Suppression is null).ToList(), notifications.Count));
            output.Write('\n');
        }

        private static string Summary(List<Finding> findings, int notificationCount)
        {
            var notes = notificationCount == 0 ? string.Empty : Count(notificationCount, "tool notification", "tool notifications");
            if (findings.Count == 0)
            {
                // A scan that could not read something must not look clean.
                return notes.Length == 0 ? "No findings." : $"No findings, but {notes}: the scan may be incomplete.";
            }

            var levels = new[] { FindingLevel.Error, FindingLevel.Warning, FindingLevel.Note }
                .Select(level => (Level: level, Count: findings.Count(finding => finding.Level == level)))
                .Where(entry => entry.Count > 0)
                .Select(entry => entry.Level switch
                {
                    FindingLevel.Error => Count(entry.Count, "error", "errors"),
                    FindingLevel.Warning => Count(entry.Count, "warning", "warnings"),
                    _ => Count(entry.Count, "note", "notes"),
                });
            var files = findings.Select(finding => finding.Primary.Path).Distinct(StringComparer.Ordinal).Count();
            var summary = $"{string.Join(", ", levels)} in {Count(files, "file", "files")}";
            return notes.Length == 0 ? summary : $"{summary}; {notes}";
        }

        private static string Count(int count, string one, string many) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

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
