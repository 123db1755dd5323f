using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PlatformFit.RuleGen
{
    /// <summary>A file's repository-relative path (forward slashes) and its text.</summary>
    internal sealed record SourceFile(string Path, string Text);

    /// <summary>
    /// Everything the generator reads, already in memory: the rule metadata, the rule docs, the platform ids and the
    /// README. Tests build one from strings; <see cref="Load"/> reads one from a repository.
    /// </summary>
    internal sealed record RuleInputs(
        IReadOnlyList<SourceFile> RuleFiles,
        IReadOnlyList<SourceFile> RuleDocs,
        IReadOnlyList<string> PlatformIds,
        string? Readme)
    {
        public const string RulesDirectory = "rules";
        public const string PlatformsDirectory = "rules/platforms";
        public const string ReadmePath = "README.md";

        public static RuleInputs Load(string root)
        {
            var rulesDirectory = Path.Combine(root, RulesDirectory);
            var ruleFiles = new List<SourceFile>();
            var ruleDocs = new List<SourceFile>();

            // Every PF* file is read whatever its case or YAML extension, so that a misnamed one is reported
            // by the validator instead of being skipped without a word.
            foreach (var path in Directory.EnumerateFiles(rulesDirectory).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (!name.StartsWith("PF", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var extension = Path.GetExtension(name);
                var file = new SourceFile($"{RulesDirectory}/{name}", ReadText(path));
                if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
                {
                    ruleFiles.Add(file);
                }
                else if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase))
                {
                    ruleDocs.Add(file);
                }
            }

            var platformsDirectory = Path.Combine(root, PlatformsDirectory);
            var platformIds = Directory.Exists(platformsDirectory)
                ? Directory.EnumerateFiles(platformsDirectory, "*.yaml")
                    .Select(Path.GetFileNameWithoutExtension)
                    .OfType<string>()
                    .OrderBy(id => id, StringComparer.Ordinal)
                    .ToArray()
                : Array.Empty<string>();

            var readmePath = Path.Combine(root, ReadmePath);
            var readme = File.Exists(readmePath) ? ReadText(readmePath) : null;

            return new RuleInputs(ruleFiles, ruleDocs, platformIds, readme);
        }

        private static string ReadText(string path) => File.ReadAllText(path, Encoding.UTF8);
    }
}
