using System.Linq;

namespace PlatformFit.RuleGen.Tests
{
    public sealed class RuleValidatorTests
    {
        private const string RulePath = "rules/PF1001.yaml";

        [Fact]
        public void The_sample_rule_is_valid_and_produces_every_output()
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml));

            Assert.Empty(result.Problems);
            Assert.Equal(
                new[] { RuleCatalogWriter.OutputPath, RuleDescriptorsWriter.OutputPath, "README.md", "rules/PF1001.md" },
                result.Files.Select(file => file.Path));
        }

        [Theory]
        [InlineData("id", "id: PF101", "id 'PF101' must be PF and four digits", 1)]
        [InlineData("id", "id: pf1001", "id 'pf1001' must be PF and four digits", 1)]
        [InlineData("id", "id: PF1002", "does not match the file name PF1001.yaml", 1)]
        [InlineData("id", null, "'id' is missing", null)]
        [InlineData("title", "title: \"\"", "'title' is empty", 2)]
        [InlineData("title", null, "'title' is missing", null)]
        [InlineData("title", "title: Ends with a full stop.", "title must not end with a full stop", 2)]
        [InlineData("title", "title: [a, list]", "'title' must be text", 2)]
        [InlineData("message", "message: \"\"", "'message' is empty", 3)]
        [InlineData("message", "message: \"two\\nlines {0}\"", "message must be a single line", 3)]
        [InlineData("message", "message: \"{0} behind {2}\"", "placeholders must be {0} to {2} without gaps; missing {1}", 3)]
        [InlineData("message", "message: \"{1} behind\"", "missing {0}", 3)]
        [InlineData("message", "message: \"{name} behind {0}\"", "'{name}' is not a placeholder", 3)]
        [InlineData("message", "message: \"{0 behind\"", "is never closed", 3)]
        [InlineData("message", "message: \"{0} behind }\"", "a lone '}'", 3)]
        [InlineData("category", "category: Limits", "category 'Limits' does not match the id: PF1xxx rules are 'Connections'", 4)]
        [InlineData("category", "category: Networking", "category 'Networking' is not an area", 4)]
        [InlineData("severity", "severity: fatal", "severity 'fatal' must be one of error, warning, note", 5)]
        [InlineData("severity", "severity: Error", "severity 'Error' must be one of error, warning, note", 5)]
        [InlineData("severity", null, "'severity' is missing", null)]
        [InlineData("severity", "severty: error", "'severty' is not a rule field: did you mean 'severity'?", 5)]
        [InlineData("precision", "precision: certain", "precision 'certain' must be one of very-high, high, medium, low", 6)]
        [InlineData("problem-severity", "problem-severity: critical", "problem-severity 'critical' must be one of error, warning, recommendation", 7)]
        [InlineData("description", "description: \"   \"", "'description' is empty", 8)]
        [InlineData("description", "description:", "'description' is empty", 8)]
        [InlineData("description", null, "'description' is missing", null)]
        [InlineData("tags", "tags: [a, b, c, d, e, f, g, h, i, j, k]", "tags has 11 entries; GitHub code scanning reads at most 10", 9)]
        [InlineData("tags", "tags: [reliability, websocket, Reliability]", "tag 'Reliability' is listed twice", 9)]
        [InlineData("tags", "tags: []", "tags must not be empty", 9)]
        [InlineData("tags", "tags: reliability", "'tags' must be a list", 9)]
        [InlineData("tags", null, "'tags' is missing", null)]
        [InlineData("platforms", "platforms: [aws-lamda]", "platform 'aws-lamda' has no profile in rules/platforms/", 10)]
        [InlineData("platforms", "platforms: [aws-lambda, aws-lambda]", "platform 'aws-lambda' is listed twice", 10)]
        [InlineData("references", null, "'references' is missing", null)]
        [InlineData("title", "title: \"unterminated", "not valid YAML", 2)]
        [InlineData("title", "title: a: b", "not valid YAML", 2)]
        [InlineData("tags", "tags: [reliability, websocket", "not valid YAML (an unclosed [ or {?)", null)]
        public void A_bad_field_is_an_error_that_names_the_file_and_line(string key, string? line, string expected, int? expectedLine)
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.YamlWith(key, line)));

            AssertProblem(result, RulePath, expected, expectedLine);
            Assert.Empty(result.Files);
        }

        [Theory]
        [InlineData("security-severity: 7.5", "security-severity is only for rules tagged 'security'", 14)]
        [InlineData("enabled-by-default: maybe", "enabled-by-default must be true or false, not 'maybe'", 14)]
        [InlineData("analyzer-tags: [CompilationENd]", "analyzer tag 'CompilationENd' is not one of Roslyn's well-known tags", 14)]
        [InlineData("analyzer-tags: [CompilationEnd, CompilationEnd]", "analyzer tag 'CompilationEnd' is listed twice", 14)]
        [InlineData("options: []", "'options' is not a rule field", 14)]
        [InlineData("Title: again", "did you mean 'title'?", 14)]
        [InlineData("id: PF1001", "Duplicate key", 14)]
        [InlineData("  - title: No address\n    link: https://example.com", "'link' is not a reference field", 15)]
        [InlineData("  - title: An FTP page\n    url: ftp://example.com/a", "reference url 'ftp://example.com/a' must be an absolute http(s) address", 15)]
        [InlineData("  - title: A relative page\n    url: docs/page.html", "must be an absolute http(s) address", 15)]
        [InlineData("  - url: https://example.com/untitled", "a reference needs a non-empty title", 14)]
        public void A_bad_optional_field_is_an_error_that_names_the_file_and_line(string extra, string expected, int expectedLine)
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.YamlPlus(extra)));

            AssertProblem(result, RulePath, expected, expectedLine);
        }

        [Theory]
        [InlineData("high")]
        [InlineData("10.5")]
        [InlineData("-1")]
        public void Security_severity_must_be_a_score_from_0_to_10(string score)
        {
            var yaml = SampleRule.YamlWith("tags", "tags: [security, websocket]") + $"security-severity: \"{score}\"\n";

            var result = RuleGenerator.Generate(SampleRule.Inputs(yaml));

            AssertProblem(result, RulePath, $"security-severity '{score}' must be a number from 0.0 to 10.0", 14);
        }

        [Fact]
        public void Security_severity_is_accepted_on_a_rule_tagged_security()
        {
            var yaml = SampleRule.YamlWith("tags", "tags: [security, websocket]") + "security-severity: \"7.5\"\n";

            var result = RuleGenerator.Generate(SampleRule.Inputs(yaml));

            Assert.Empty(result.Problems);
        }

        [Fact]
        public void An_id_outside_the_known_areas_is_an_error()
        {
            var yaml = SampleRule.YamlWith("id", "id: PF6001");

            var result = RuleGenerator.Generate(SampleRule.Inputs(yaml, fileName: "PF6001.yaml"));

            AssertProblem(result, "rules/PF6001.yaml", "id 'PF6001' is in no known area", 1);
        }

        [Fact]
        public void Two_files_with_one_id_are_an_error_on_the_second()
        {
            var inputs = SampleRule.Inputs(
                new[] { ("rules/PF1001.yaml", SampleRule.Yaml), ("rules/PF1002.yaml", SampleRule.Yaml) },
                new[] { ("rules/PF1001.md", SampleRule.Doc), ("rules/PF1002.md", SampleRule.Doc) });

            var result = RuleGenerator.Generate(inputs);

            AssertProblem(result, "rules/PF1002.yaml", "id 'PF1001' is already used by rules/PF1001.yaml", 1);
            Assert.DoesNotContain(result.Problems, problem => problem.Path == RulePath);
        }

        [Fact]
        public void A_rule_file_with_the_yml_extension_is_an_error()
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml, fileName: "PF1001.yml"));

            AssertProblem(result, "rules/PF1001.yml", "rule files are named <id>.yaml", null);
        }

        [Fact]
        public void A_rule_without_its_doc_is_an_error_that_names_the_missing_doc()
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml, doc: null));

            AssertProblem(result, "rules/PF1001.md", "is missing: every rule needs a doc beside its metadata (rules/PF1001.yaml)", null);
        }

        [Theory]
        [InlineData("# PF1001: t\n\n## Why\n", "has no '<!-- generated: begin -->' line", null)]
        [InlineData("# PF1001: t\n\n<!-- generated: begin -->\n## Why\n", "has no '<!-- generated: end -->' line", null)]
        [InlineData("# PF1001: t\n<!-- generated: end -->\n<!-- generated: begin -->\n", "'<!-- generated: end -->' comes before", 2)]
        [InlineData("# PF1001: t\n<!-- generated: begin -->\n<!-- generated: end -->\n<!-- generated: begin -->\n", "has more than one '<!-- generated: begin -->' line", 4)]
        public void A_doc_without_usable_markers_is_an_error_that_names_the_doc(string doc, string expected, int? expectedLine)
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml, doc: doc));

            AssertProblem(result, "rules/PF1001.md", expected, expectedLine);
        }

        [Fact]
        public void A_doc_without_metadata_is_an_error()
        {
            var inputs = SampleRule.Inputs(
                new[] { (RulePath, SampleRule.Yaml) },
                new[] { ("rules/PF1001.md", SampleRule.Doc), ("rules/PF1002.md", SampleRule.Doc) });

            var result = RuleGenerator.Generate(inputs);

            AssertProblem(result, "rules/PF1002.md", "a rule doc without metadata: add rules/PF1002.yaml", null);
        }

        [Theory]
        [InlineData(null, "README.md: error: is missing")]
        [InlineData("## Rules\n", "README.md: error: has no '<!-- rules: begin -->' line")]
        public void A_readme_without_the_rules_markers_is_an_error(string? readme, string expected)
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml, readme: readme));

            Assert.Contains(result.Problems, problem => problem.ToString().StartsWith(expected, System.StringComparison.Ordinal));
        }

        [Fact]
        public void A_problem_reads_like_a_compiler_error()
        {
            Assert.Equal("rules/PF1001.yaml(5): error: bad", new RuleProblem(RulePath, 5, "bad").ToString());
            Assert.Equal("rules/PF1001.md: error: bad", new RuleProblem("rules/PF1001.md", null, "bad").ToString());
        }

        private static void AssertProblem(GenerationResult result, string path, string expected, int? expectedLine)
        {
            var all = string.Join("\n", result.Problems);
            Assert.True(
                result.Problems.Any(problem => problem.Path == path && problem.Message.Contains(expected, System.StringComparison.Ordinal) && problem.Line == expectedLine),
                $"expected a problem in {path} at line {expectedLine?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} containing \"{expected}\"; got:\n{all}");
            Assert.All(result.Problems.Where(problem => problem.Message.Contains(expected, System.StringComparison.Ordinal)),
                problem => Assert.StartsWith(path, problem.ToString(), System.StringComparison.Ordinal));
        }
    }
}
