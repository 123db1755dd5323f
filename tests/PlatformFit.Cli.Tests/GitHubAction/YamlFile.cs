using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.GitHubAction
{
    /// <summary>The repository's YAML files and the YAML examples in its docs, read with the same loader the scan uses.</summary>
    internal static partial class YamlFile
    {
        /// <summary>The single document of a YAML text; fails the test, naming the file and line, when it does not parse.</summary>
        public static YamlNode Load(string name, string text)
        {
            var loaded = YamlDocumentLoader.Load(name, text);
            Assert.True(loaded.Problems.Count == 0, $"{name} does not parse: " + string.Join("; ", loaded.Problems.Select(Describe)));
            return Assert.Single(loaded.Documents);
        }

        public static YamlNode LoadFile(string path) => Load(Path.GetFileName(path), File.ReadAllText(path));

        /// <summary>Every <c>```yaml</c> block of a markdown file, with the line it starts on.</summary>
        public static IReadOnlyList<(int Line, string Text)> FencedBlocks(string markdownPath)
        {
            var markdown = File.ReadAllText(markdownPath).ReplaceLineEndings("\n");
            return YamlFence().Matches(markdown)
                .Select(match => (markdown.Take(match.Index).Count(c => c == '\n') + 1, match.Groups["body"].Value))
                .ToList();
        }

        public static string Scalar(YamlNode? node, string what)
        {
            Assert.True(node is { IsScalar: true }, $"{what} is missing or not a scalar");
            return node!.Value ?? string.Empty;
        }

        public static YamlNode Mapping(YamlNode? node, string what)
        {
            Assert.True(node is { IsMapping: true }, $"{what} is missing or not a mapping");
            return node!;
        }

        public static YamlNode Sequence(YamlNode? node, string what)
        {
            Assert.True(node is { IsSequence: true }, $"{what} is missing or not a sequence");
            return node!;
        }

        /// <summary>Every mapping in the tree, depth first: where steps are, whatever the document's shape.</summary>
        public static IEnumerable<YamlNode> Mappings(YamlNode root)
        {
            var pending = new Stack<YamlNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (node.IsMapping)
                {
                    yield return node;
                    foreach (var entry in node.Entries.Reverse())
                    {
                        pending.Push(entry.Value);
                    }
                }
                else if (node.IsSequence)
                {
                    foreach (var item in node.Items.Reverse())
                    {
                        pending.Push(item);
                    }
                }
            }
        }

        private static string Describe(ConfigProblem problem) => problem.ToString() ?? string.Empty;

        [GeneratedRegex("^```yaml\\n(?<body>.*?)\\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
        private static partial Regex YamlFence();
    }
}
