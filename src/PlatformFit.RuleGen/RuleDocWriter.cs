using System;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// Rewrites the parts of <c>rules/PF*.md</c> that come from the metadata: the first line (<c># PF1001: title</c>)
    /// and the generated block (a summary table and the references). The prose around them is kept as written.
    /// </summary>
    internal static class RuleDocWriter
    {
        public static string Rewrite(string doc, RuleDefinition rule)
        {
            var text = doc.Replace("\r\n", "\n", StringComparison.Ordinal);
            var heading = $"# {rule.Id}: {MarkdownText.Escape(rule.Title)}";
            if (text.StartsWith("# ", StringComparison.Ordinal))
            {
                var firstLineEnd = text.IndexOf('\n', StringComparison.Ordinal);
                text = heading + (firstLineEnd < 0 ? "\n" : text[firstLineEnd..]);
            }
            else
            {
                text = heading + "\n\n" + text;
            }

            text = MarkedRegion.RuleDocBlock.Replace(text, Block(rule));
            return text.TrimEnd('\n') + "\n";
        }

        private static string Block(RuleDefinition rule)
        {
            var block = new LineBuilder()
                .Line("| Id | Category | Default severity | Precision | Platforms |")
                .Line("|---|---|---|---|---|")
                .Line($"| {rule.Id} | {MarkdownText.Escape(rule.Category)} | {SeverityWord(rule)} | {rule.Precision} | {PlatformList(rule)} |");

            if (rule.References.Count > 0)
            {
                block.Line().Line("References:").Line();
                foreach (var reference in rule.References)
                {
                    block.Line($"- [{MarkdownText.Escape(reference.Title)}]({MarkdownText.Destination(reference.Url)})");
                }
            }

            return block.ToString().TrimEnd('\n');
        }

        private static string SeverityWord(RuleDefinition rule) =>
            rule.IsEnabledByDefault ? rule.Severity.ToString().ToLowerInvariant() : $"{rule.Severity.ToString().ToLowerInvariant()} (off by default)";

        /// <summary>The platforms as a table cell; a rule that names none applies wherever the code is deployed.</summary>
        internal static string PlatformList(RuleDefinition rule) =>
            rule.Platforms.Count == 0 ? "any" : string.Join(", ", rule.Platforms.Select(MarkdownText.Escape));
    }
}
