using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PlatformFit.Core.Rules;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>Whole-catalog checks on the compiled <see cref="RuleCatalog"/>: what every rule must have to ship.</summary>
    public sealed class RuleCatalogTests
    {
        public static TheoryData<string> RuleIds => new(RuleCatalog.All.Select(rule => rule.Id));

        [Fact]
        public void The_catalog_holds_every_rule_file_sorted_by_id()
        {
            var fromFiles = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "rules"), "PF*.yaml")
                .Select(Path.GetFileNameWithoutExtension)
                .OrderBy(id => id, StringComparer.Ordinal);

            Assert.Equal(fromFiles, RuleCatalog.All.Select(rule => rule.Id));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_has_a_description_help_and_a_help_page_that_exists(string id)
        {
            Assert.True(RuleCatalog.TryGet(id, out var rule));

            Assert.False(string.IsNullOrWhiteSpace(rule.Description), $"{id} has no description (SARIF fullDescription)");
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), $"{id} has no title");
            Assert.StartsWith($"# {id}: ", rule.HelpMarkdown, StringComparison.Ordinal);
            Assert.StartsWith($"{id}: ", rule.HelpText, StringComparison.Ordinal);
            Assert.DoesNotContain("<!--", rule.HelpText, StringComparison.Ordinal);

            const string HelpUriBase = "https://github.com/platformfit/platformfit/blob/main/";
            Assert.StartsWith(HelpUriBase, rule.HelpUri, StringComparison.Ordinal);
            var helpPath = Path.Combine(RepositoryRoot.Path, rule.HelpUri[HelpUriBase.Length..]);
            Assert.True(File.Exists(helpPath), $"{id}'s help link {rule.HelpUri} names no file in the repository");
            Assert.Equal(File.ReadAllText(helpPath), rule.HelpMarkdown);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Every_rule_has_a_matching_release_tracking_row(string id)
        {
            var rule = RuleCatalog.All.Single(candidate => candidate.Id == id);
            var releases = ReleaseTrackingRows();

            Assert.True(releases.TryGetValue(id, out var row), $"{id} is in neither AnalyzerReleases.Unshipped.md nor AnalyzerReleases.Shipped.md");
            Assert.Equal(rule.Category, row.Category);
            Assert.Equal(rule.DefaultSeverity == RuleSeverity.Note ? "Info" : rule.DefaultSeverity.ToString(), row.Severity);
        }

        [Fact]
        public void TryGet_finds_rules_by_exact_id_only()
        {
            var first = RuleCatalog.All[0];

            Assert.True(RuleCatalog.TryGet(first.Id, out var found));
            Assert.Same(first, found);
            Assert.False(RuleCatalog.TryGet("PF0000", out _));
            Assert.False(RuleCatalog.TryGet(first.Id.ToLowerInvariant(), out _));
        }

        [Fact]
        public void The_areas_the_validator_knows_are_the_id_ranges_of_the_rules_readme()
        {
            var rows = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "rules", "README.md"))
                .Where(line => line.StartsWith("| PF", StringComparison.Ordinal))
                .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
                .Select(cells => (Digit: cells[1][2], Area: cells[2]))
                .ToList();

            Assert.Equal(RuleArea.All.Select(area => area.Digit), rows.Select(row => row.Digit));
            Assert.All(RuleArea.All.Zip(rows), pair => Assert.Contains(pair.First.Category, pair.Second.Area, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The latest category and severity of every rule in the release-tracking files: Shipped releases in order,
        /// then Unshipped; "Removed Rules" drop a rule.
        /// </summary>
        private static Dictionary<string, (string Category, string Severity)> ReleaseTrackingRows()
        {
            var rows = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                var section = string.Empty;
                foreach (var line in File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "analyzers", "PlatformFit.Analyzers", file)))
                {
                    if (line.StartsWith("### ", StringComparison.Ordinal))
                    {
                        section = line[4..].Trim();
                        continue;
                    }

                    var cells = line.Split('|', StringSplitOptions.TrimEntries);
                    if (cells.Length < 3 || !cells[0].StartsWith("PF", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (section == "Removed Rules")
                    {
                        rows.Remove(cells[0]);
                    }
                    else
                    {
                        rows[cells[0]] = (cells[1], cells[2]);
                    }
                }
            }

            return rows;
        }
    }
}
