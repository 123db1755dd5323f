using System;
using System.Collections.Generic;

namespace PlatformFit.RuleGen
{
    /// <summary>Rewrites the rules table between the README's <c>&lt;!-- rules: begin --&gt;</c> and <c>&lt;!-- rules: end --&gt;</c> lines.</summary>
    internal static class ReadmeRulesTableWriter
    {
        public static string Rewrite(string readme, IReadOnlyList<RuleDefinition> rules)
        {
            var table = new LineBuilder()
                .Line("| Rule | Title | Severity | Category | Platforms |")
                .Line("|---|---|---|---|---|");
            foreach (var rule in rules)
            {
                var severity = rule.Severity.ToString().ToLowerInvariant();
                table.Line($"| [{rule.Id}]({rule.DocPath}) | {MarkdownText.Escape(rule.Title)} | {severity} | {MarkdownText.Escape(rule.Category)} | {RuleDocWriter.PlatformList(rule)} |");
            }

            var text = MarkedRegion.ReadmeRulesTable.Replace(readme, table.ToString().TrimEnd('\n'));
            return text.TrimEnd('\n') + "\n";
        }
    }
}
