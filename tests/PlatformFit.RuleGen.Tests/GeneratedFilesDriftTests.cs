using System;
using System.IO;
using System.Linq;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>The checked-in outputs must be exactly what the generator writes from the checked-in rules.</summary>
    public sealed class GeneratedFilesDriftTests
    {
        [Fact]
        public void Every_checked_in_generated_file_matches_the_rules()
        {
            var result = RuleGenerator.Generate(RuleInputs.Load(RepositoryRoot.Path));
            Assert.True(result.Problems.Count == 0, "the rule files are invalid:\n" + string.Join("\n", result.Problems));

            var outOfDate = GeneratedFileSync.FindOutOfDate(RepositoryRoot.Path, result.Files);

            Assert.True(
                outOfDate.Count == 0,
                "these files differ from what rules/ produces; run " + GeneratedHeader.RegenerateCommand + " from the repository root and commit the result:\n"
                + string.Join("\n", outOfDate.Select(file => $"  {file.Path}: {FirstDifference(file)}")));
        }

        [Fact]
        public void The_generator_owns_the_catalog_the_descriptors_the_readme_and_every_rule_doc()
        {
            var inputs = RuleInputs.Load(RepositoryRoot.Path);
            var result = RuleGenerator.Generate(inputs);

            var paths = result.Files.Select(file => file.Path).ToList();
            Assert.Contains(RuleCatalogWriter.OutputPath, paths);
            Assert.Contains(RuleDescriptorsWriter.OutputPath, paths);
            Assert.Contains("README.md", paths);
            Assert.NotEmpty(inputs.RuleFiles);
            Assert.All(inputs.RuleFiles, rule => Assert.Contains(Path.ChangeExtension(rule.Path, ".md"), paths));
        }

        private static string FirstDifference(GeneratedFile file)
        {
            var path = Path.Combine(RepositoryRoot.Path, file.Path);
            if (!File.Exists(path))
            {
                return "missing";
            }

            var expected = file.Content.Split('\n');
            var actual = File.ReadAllText(path).Split('\n');
            for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
            {
                var wanted = i < expected.Length ? expected[i] : "(end of file)";
                var found = i < actual.Length ? actual[i] : "(end of file)";
                if (wanted != found)
                {
                    return $"line {i + 1} is \"{found}\", the rules say \"{wanted}\"";
                }
            }

            return "differs only in encoding (a byte order mark?)";
        }
    }
}
