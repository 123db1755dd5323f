using System.Linq;

namespace PlatformFit.RuleGen.Tests
{
    public sealed class RuleDocWriterTests
    {
        private static readonly RuleDefinition Rule = new(
            Id: "PF1001",
            Title: "A title with *stars* and a | pipe",
            MessageFormat: "{0}",
            Category: "Connections",
            Severity: RuleLevel.Warning,
            Precision: "medium",
            ProblemSeverity: "warning",
            SecuritySeverity: null,
            Description: "d",
            IsEnabledByDefault: true,
            Tags: new[] { "t" },
            Platforms: new[] { "aws-lambda", "azure-functions" },
            AnalyzerTags: System.Array.Empty<string>(),
            References: new[] { new RuleReferenceDefinition("Docs [v2]", "https://example.com/a (b)") });

        [Fact]
        public void The_heading_and_block_are_rewritten_and_the_prose_is_kept()
        {
            const string Doc = "# PF1001: old\n\nIntro.\n\n<!-- generated: begin -->\nstale text\n<!-- generated: end -->\n\n## Why\n\nProse *as written*.\n";

            var written = RuleDocWriter.Rewrite(Doc, Rule);

            Assert.Equal(
                "# PF1001: A title with \\*stars\\* and a \\| pipe\n\nIntro.\n\n<!-- generated: begin -->\n\n"
                + "| Id | Category | Default severity | Precision | Platforms |\n|---|---|---|---|---|\n"
                + "| PF1001 | Connections | warning | medium | aws-lambda, azure-functions |\n\n"
                + "References:\n\n- [Docs \\[v2\\]](https://example.com/a%20%28b%29)\n\n"
                + "<!-- generated: end -->\n\n## Why\n\nProse *as written*.\n",
                written);
        }

        [Fact]
        public void Rewriting_is_idempotent_and_normalises_line_endings()
        {
            const string Doc = "# PF1001: old\r\n\r\n<!-- generated: begin -->\r\n<!-- generated: end -->\r\n\r\nProse.\r\n";

            var once = RuleDocWriter.Rewrite(Doc, Rule);

            Assert.DoesNotContain("\r", once, System.StringComparison.Ordinal);
            Assert.Equal(once, RuleDocWriter.Rewrite(once, Rule));
        }

        [Fact]
        public void A_doc_without_a_heading_gets_one()
        {
            var written = RuleDocWriter.Rewrite("<!-- generated: begin -->\n<!-- generated: end -->\n", Rule);

            Assert.StartsWith("# PF1001: A title with \\*stars\\* and a \\| pipe\n\n<!-- generated: begin -->\n", written, System.StringComparison.Ordinal);
        }

        [Fact]
        public void The_readme_table_links_each_rule_to_its_doc_and_keeps_the_rest()
        {
            var written = ReadmeRulesTableWriter.Rewrite("# PlatformFit\n\n## Rules\n\n<!-- rules: begin -->\nold\n<!-- rules: end -->\n\n## License\n", new[] { Rule });

            var lines = written.Split('\n');
            Assert.Contains("| [PF1001](rules/PF1001.md) | A title with \\*stars\\* and a \\| pipe | warning | Connections | aws-lambda, azure-functions |", lines);
            Assert.DoesNotContain("old", lines);
            Assert.StartsWith("# PlatformFit\n\n## Rules\n\n<!-- rules: begin -->\n", written, System.StringComparison.Ordinal);
            Assert.EndsWith("<!-- rules: end -->\n\n## License\n", written, System.StringComparison.Ordinal);
            Assert.Single(lines, line => line.StartsWith("| [PF", System.StringComparison.Ordinal));
        }
    }
}
