using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>How many findings of one rule a scan reported, with the rule's metadata when the scan knows it.</summary>
    internal sealed record RuleFindingCount(string RuleId, int Count, RuleMetadata? Rule);

    /// <summary>
    /// The counts every report ends or starts with, worded once so that the text, GitHub and markdown reports agree:
    /// <c>1 error, 1 warning in 2 files; 1 tool notification</c>. Suppressed findings never count.
    /// </summary>
    internal static class ScanSummary
    {
        /// <summary>
        /// <c>No findings.</c>, <c>No findings, but 1 tool notification: the scan may be incomplete.</c>, or
        /// <c>1 error, 1 warning in 2 files; 1 tool notification</c>.
        /// </summary>
        public static string Sentence(IReadOnlyCollection<Finding> unsuppressed, int notificationCount)
        {
            var notes = notificationCount == 0 ? string.Empty : Count(notificationCount, "tool notification", "tool notifications");
            if (unsuppressed.Count == 0)
            {
                // A scan that could not read something must not look clean.
                return notes.Length == 0 ? "No findings." : $"No findings, but {notes}: the scan may be incomplete.";
            }

            var counts = FindingCounts(unsuppressed);
            return notes.Length == 0 ? counts : $"{counts}; {notes}";
        }

        /// <summary><c>1 error, 1 warning in 2 files</c>: levels from the most severe, then the number of files.</summary>
        public static string FindingCounts(IReadOnlyCollection<Finding> unsuppressed)
        {
            var levels = new[] { FindingLevel.Error, FindingLevel.Warning, FindingLevel.Note }
                .Select(level => (Level: level, Count: unsuppressed.Count(finding => finding.Level == level)))
                .Where(entry => entry.Count > 0)
                .Select(entry => entry.Level switch
                {
                    FindingLevel.Error => Count(entry.Count, "error", "errors"),
                    FindingLevel.Warning => Count(entry.Count, "warning", "warnings"),
                    _ => Count(entry.Count, "note", "notes"),
                });
            var files = unsuppressed.Select(finding => finding.Primary.Path).Distinct(StringComparer.Ordinal).Count();
            return $"{string.Join(", ", levels)} in {Count(files, "file", "files")}";
        }

        /// <summary>The findings of each rule, sorted by rule id (ordinal), with the rule's metadata when <paramref name="rules"/> has it.</summary>
        public static IReadOnlyList<RuleFindingCount> ByRule(IEnumerable<Finding> unsuppressed, IEnumerable<RuleMetadata> rules)
        {
            var metadataById = new Dictionary<string, RuleMetadata>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                metadataById.TryAdd(rule.Id, rule);
            }

            return unsuppressed
                .GroupBy(finding => finding.RuleId, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new RuleFindingCount(group.Key, group.Count(), metadataById.TryGetValue(group.Key, out var rule) ? rule : null))
                .ToList();
        }

        /// <summary><c>1 error</c>, <c>1,234 errors</c>: invariant digits, whatever the machine's culture.</summary>
        public static string Count(int count, string one, string many) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
    }
}
