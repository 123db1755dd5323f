using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>A small valid rule, as strings, that a test bends in one place to see one validation fail.</summary>
    internal static class SampleRule
    {
        // Line numbers matter: the tests assert them.
        public const string Yaml = """
            id: PF1001
            title: WebSocket server on a function that cannot hold it
            message: "{0} serves WebSockets behind {1}"
            category: Connections
            severity: error
            precision: high
            problem-severity: error
            description: Code that accepts WebSocket connections runs where nothing holds them.
            tags: [reliability, websocket]
            platforms: [aws-lambda]
            references:
              - title: Lambda functions as targets of an Application Load Balancer
                url: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html

            """;

        public const string Doc = """
            # PF1001: an old title

            <!-- generated: begin -->
            <!-- generated: end -->

            ## Why

            Hand-written prose.

            """;

        public const string Readme = """
            # PlatformFit

            ## Rules

            <!-- rules: begin -->
            <!-- rules: end -->

            """;

        /// <summary>The sample with the line that starts with <paramref name="key"/>: replaced, or removed when <paramref name="line"/> is null.</summary>
        public static string YamlWith(string key, string? line)
        {
            var lines = Yaml.Split('\n').ToList();
            var index = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            Assert.True(index >= 0, $"the sample has no '{key}' line");
            if (line is null)
            {
                // A removed key takes its indented continuation lines (a list's items) with it.
                lines.RemoveAt(index);
                while (index < lines.Count && lines[index].StartsWith(' '))
                {
                    lines.RemoveAt(index);
                }
            }
            else
            {
                lines[index] = line;
            }

            return string.Join('\n', lines);
        }

        /// <summary>The sample with <paramref name="lines"/> added at its end (line 14 onwards).</summary>
        public static string YamlPlus(params string[] lines) => Yaml + string.Join('\n', lines) + "\n";

        public static RuleInputs Inputs(string yaml, string fileName = "PF1001.yaml", string? doc = Doc, string? readme = Readme) =>
            Inputs(new[] { ($"rules/{fileName}", yaml) }, doc is null ? Array.Empty<(string, string)>() : new[] { ($"rules/{StemOf(fileName)}.md", doc) }, readme);

        public static RuleInputs Inputs(IEnumerable<(string Path, string Text)> ruleFiles, IEnumerable<(string Path, string Text)> docs, string? readme = Readme) =>
            new(
                ruleFiles.Select(file => new SourceFile(file.Path, file.Text)).ToList(),
                docs.Select(doc => new SourceFile(doc.Path, doc.Text)).ToList(),
                new[] { "aws-lambda", "azure-functions" },
                readme);

        private static string StemOf(string fileName) => fileName[..fileName.LastIndexOf('.')];
    }
}
