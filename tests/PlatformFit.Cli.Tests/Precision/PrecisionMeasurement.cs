using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PlatformFit.Cli.Tests.Precision
{
    /// <summary>A reported finding reduced to what the labels talk about.</summary>
    internal sealed record ReportedLine(string RuleId, string Path, int Line);

    /// <summary>How one labelled line came out in a scan.</summary>
    internal enum Outcome
    {
        /// <summary>An expected finding was reported.</summary>
        TruePositive,

        /// <summary>An expected finding was not reported (a <c>known-miss</c>, or a new regression).</summary>
        Missed,

        /// <summary>A look-alike stayed silent.</summary>
        Silent,

        /// <summary>A look-alike was reported (a <c>known-false-positive</c>, or a new regression).</summary>
        Flagged,
    }

    internal sealed record Judgement(Label Label, Outcome Outcome)
    {
        /// <summary>True when the outcome is what the label says today (a known miss missed, a known false positive flagged).</summary>
        public bool AsLabelled => Label.Kind switch
        {
            LabelKind.Expect => Outcome == Outcome.TruePositive,
            LabelKind.LookAlike => Outcome == Outcome.Silent,
            LabelKind.KnownMiss => Outcome == Outcome.Missed,
            LabelKind.KnownFalsePositive => Outcome == Outcome.Flagged,
            _ => false,
        };
    }

    /// <summary>One repository's labels compared with its findings.</summary>
    internal sealed class RepositoryMeasurement
    {
        public RepositoryMeasurement(string repository, IReadOnlyList<Label> labels, IReadOnlyList<ReportedLine> reported)
        {
            Repository = repository;
            var found = new HashSet<ReportedLine>(reported);
            Judgements = labels
                .Select(l => new Judgement(l, (l.Kind is LabelKind.Expect or LabelKind.KnownMiss, found.Contains(new ReportedLine(l.RuleId, l.Path, l.Line))) switch
                {
                    (true, true) => Outcome.TruePositive,
                    (true, false) => Outcome.Missed,
                    (false, true) => Outcome.Flagged,
                    (false, false) => Outcome.Silent,
                }))
                .ToList();
            var labelled = new HashSet<ReportedLine>(labels.Select(l => new ReportedLine(l.RuleId, l.Path, l.Line)));
            Unlabelled = reported.Where(r => !labelled.Contains(r)).Distinct().OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line).ToList();
        }

        public string Repository { get; }

        public IReadOnlyList<Judgement> Judgements { get; }

        /// <summary>Findings on lines that carry no label for their rule: each is a false positive until someone labels it.</summary>
        public IReadOnlyList<ReportedLine> Unlabelled { get; }

        /// <summary>Every way the scan differs from the labels, one line each; empty when the repository is as labelled.</summary>
        public IReadOnlyList<string> Differences() =>
            Judgements.Where(j => !j.AsLabelled).Select(Describe)
                .Concat(Unlabelled.Select(r => $"{Repository}/{r.Path}({r.Line}): {r.RuleId} reported on a line with no label for it"))
                .ToList();

        private string Describe(Judgement judgement)
        {
            var (kind, rule, path, line) = (judgement.Label.Kind, judgement.Label.RuleId, judgement.Label.Path, judgement.Label.Line);
            var where = $"{Repository}/{path}({line})";
            return kind switch
            {
                LabelKind.Expect => $"{where}: expected {rule}, not reported",
                LabelKind.LookAlike => $"{where}: look-alike reported as {rule}",
                LabelKind.KnownMiss => $"{where}: known miss of {rule} is now reported; label it 'expect'",
                _ => $"{where}: known false positive of {rule} is now silent; label it 'look-alike'",
            };
        }
    }

    /// <summary>Per-rule counts over the whole labelled corpus, and the table the README shows.</summary>
    internal static class PrecisionReport
    {
        public sealed record RuleCounts(string RuleId, int TruePositives, int Missed, int LookAlikes, int Flagged, int Unlabelled)
        {
            public double? Recall => TruePositives + Missed == 0 ? null : (double)TruePositives / (TruePositives + Missed);

            public double? FlagRate => LookAlikes == 0 ? null : (double)Flagged / LookAlikes;
        }

        public static IReadOnlyList<RuleCounts> Count(IEnumerable<RepositoryMeasurement> measurements)
        {
            var all = measurements.ToList();
            var judgements = all.SelectMany(m => m.Judgements).ToList();
            var unlabelled = all.SelectMany(m => m.Unlabelled).ToList();
            return judgements.Select(j => j.Label.RuleId).Concat(unlabelled.Select(u => u.RuleId))
                .Distinct()
                .OrderBy(id => id, StringComparer.Ordinal)
                .Select(id =>
                {
                    var mine = judgements.Where(j => j.Label.RuleId == id).ToList();
                    return new RuleCounts(
                        id,
                        mine.Count(j => j.Outcome == Outcome.TruePositive),
                        mine.Count(j => j.Outcome == Outcome.Missed),
                        mine.Count(j => j.Outcome is Outcome.Silent or Outcome.Flagged),
                        mine.Count(j => j.Outcome == Outcome.Flagged),
                        unlabelled.Count(u => u.RuleId == id));
                })
                .ToList();
        }

        /// <summary>A Markdown table: TP, FN, look-alikes, flagged look-alikes, unlabelled findings, recall and flag rate per rule, and the totals.</summary>
        public static string Table(IReadOnlyList<RuleCounts> counts)
        {
            var total = new RuleCounts(
                "all",
                counts.Sum(c => c.TruePositives),
                counts.Sum(c => c.Missed),
                counts.Sum(c => c.LookAlikes),
                counts.Sum(c => c.Flagged),
                counts.Sum(c => c.Unlabelled));
            var table = new StringBuilder();
            table.Append("| rule | TP | FN | look-alikes | flagged (FP) | unlabelled findings | recall | look-alike flag rate |\n");
            table.Append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var row in counts.Append(total))
            {
                var name = row.RuleId == "all" ? "**all**" : row.RuleId;
                table.Append(CultureInfo.InvariantCulture, $"| {name} | {row.TruePositives} | {row.Missed} | {row.LookAlikes} | {row.Flagged} | {row.Unlabelled} | {Percent(row.Recall)} | {Percent(row.FlagRate)} |\n");
            }

            return table.ToString();
        }

        private static string Percent(double? value) =>
            value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";
    }
}
