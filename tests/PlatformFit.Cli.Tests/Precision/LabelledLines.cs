using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PlatformFit.Cli.Tests.Precision
{
    /// <summary>What a line of a labelled repository says a scan must (or must not) report on it.</summary>
    internal enum LabelKind
    {
        /// <summary><c>expect: PF2001</c>: a real mismatch the rule must report on this line.</summary>
        Expect,

        /// <summary><c>look-alike: PF2001</c>: looks like the pattern but is fine; the rule must stay silent.</summary>
        LookAlike,

        /// <summary><c>known-miss: PF2001</c>: a real mismatch the rule does not report yet (counted as a miss).</summary>
        KnownMiss,

        /// <summary><c>known-false-positive: PF2001</c>: a look-alike the rule still reports (counted as flagged).</summary>
        KnownFalsePositive,
    }

    internal sealed record Label(LabelKind Kind, string RuleId, string Path, int Line);

    /// <summary>
    /// Reads the labels of a repository under <c>tests/precision/</c>: <c>expect:</c>, <c>look-alike:</c>,
    /// <c>known-miss:</c> and <c>known-false-positive:</c>, each followed by rule ids, in a comment of any file the
    /// scan reads (<c>//</c> in C#, <c>#</c> in YAML, <c>&lt;!-- --&gt;</c> in a project file). Paths are relative to
    /// the repository with <c>/</c>, lines are 1-based, as in a finding.
    /// </summary>
    internal static class LabelledLines
    {
        private static readonly Regex s_label = new(
            @"\b(?<kind>expect|look-alike|known-miss|known-false-positive):\s*(?<ids>PF\d{4}(?:\s*,\s*PF\d{4})*)",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        private static readonly string[] s_labelledExtensions = { ".cs", ".yml", ".yaml", ".json", ".csproj", ".template" };

        public static IReadOnlyList<Label> Read(string repository)
        {
            var labels = new List<Label>();
            foreach (var file in Directory.EnumerateFiles(repository, "*", SearchOption.AllDirectories)
                .Where(f => s_labelledExtensions.Contains(System.IO.Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                var relative = System.IO.Path.GetRelativePath(repository, file).Replace('\\', '/');
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match match in s_label.Matches(lines[i]))
                    {
                        var kind = Parse(match.Groups["kind"].Value);
                        foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            labels.Add(new Label(kind, id, relative, i + 1));
                        }
                    }
                }
            }

            return labels;
        }

        public static LabelKind Parse(string kind) => kind switch
        {
            "expect" => LabelKind.Expect,
            "look-alike" => LabelKind.LookAlike,
            "known-miss" => LabelKind.KnownMiss,
            "known-false-positive" => LabelKind.KnownFalsePositive,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a label"),
        };
    }
}
