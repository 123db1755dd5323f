using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PlatformFit.RuleGen
{
    /// <summary>What reading one rule file produced: the document (unless the YAML could not be read) and its problems.</summary>
    internal sealed record RuleFileReadResult(RuleDocument? Document, IReadOnlyList<RuleProblem> Problems);

    /// <summary>
    /// Reads a <c>rules/PF*.yaml</c> file into a <see cref="RuleDocument"/>. It owns the schema's shape: which keys
    /// exist, which hold text and which hold lists. An unknown key is an error, so that a typo cannot pass silently.
    /// </summary>
    internal static class RuleFileReader
    {
        private static readonly string[] KnownKeys =
        {
            "id", "title", "message", "category", "severity", "precision", "problem-severity", "security-severity",
            "description", "enabled-by-default", "tags", "platforms", "analyzer-tags", "references",
        };

        private static readonly string[] KnownReferenceKeys = { "title", "url" };

        public static RuleFileReadResult Read(string path, string text)
        {
            var problems = new List<RuleProblem>();
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                problems.Add(new RuleProblem(path, LineOf(e.Start), $"not valid YAML: {e.Message}"));
                return new RuleFileReadResult(null, problems);
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner throws this, without a position, on some truncated flow collections ("[a, b" at the end).
                problems.Add(new RuleProblem(path, null, $"not valid YAML (an unclosed [ or {{?): {e.Message}"));
                return new RuleFileReadResult(null, problems);
            }

            if (stream.Documents.Count != 1)
            {
                problems.Add(new RuleProblem(path, null, $"must hold exactly one YAML document, found {stream.Documents.Count}"));
                return new RuleFileReadResult(null, problems);
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(new RuleProblem(path, LineOf(stream.Documents[0].RootNode.Start), "must be a mapping of rule fields (id: …, title: …)"));
                return new RuleFileReadResult(null, problems);
            }

            var document = new RuleDocument(path);
            foreach (var entry in root.Children)
            {
                var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                var keyLine = LineOf(entry.Key.Start);
                var value = entry.Value;
                switch (key)
                {
                    case "id": document.Id = ReadText(path, key, value, problems); break;
                    case "title": document.Title = ReadText(path, key, value, problems); break;
                    case "message": document.Message = ReadText(path, key, value, problems); break;
                    case "category": document.Category = ReadText(path, key, value, problems); break;
                    case "severity": document.Severity = ReadText(path, key, value, problems); break;
                    case "precision": document.Precision = ReadText(path, key, value, problems); break;
                    case "problem-severity": document.ProblemSeverity = ReadText(path, key, value, problems); break;
                    case "security-severity": document.SecuritySeverity = ReadText(path, key, value, problems); break;
                    case "description": document.Description = ReadText(path, key, value, problems); break;
                    case "enabled-by-default": document.EnabledByDefault = ReadText(path, key, value, problems); break;
                    case "tags": document.Tags = ReadTextList(path, key, value, problems); break;
                    case "platforms": document.Platforms = ReadTextList(path, key, value, problems); break;
                    case "analyzer-tags": document.AnalyzerTags = ReadTextList(path, key, value, problems); break;
                    case "references": document.References = ReadReferences(path, value, problems); break;
                    default:
                        problems.Add(new RuleProblem(path, keyLine, UnknownKeyMessage(key, KnownKeys, "a rule field")));
                        break;
                }
            }

            return new RuleFileReadResult(document, problems);
        }

        private static Located<string>? ReadText(string path, string key, YamlNode node, List<RuleProblem> problems)
        {
            if (node is YamlScalarNode scalar)
            {
                return new Located<string>(IsNull(scalar) ? string.Empty : scalar.Value ?? string.Empty, LineOf(node.Start));
            }

            problems.Add(new RuleProblem(path, LineOf(node.Start), $"'{key}' must be text, not a list or mapping"));
            return null;
        }

        private static Located<IReadOnlyList<Located<string>>>? ReadTextList(string path, string key, YamlNode node, List<RuleProblem> problems)
        {
            if (node is not YamlSequenceNode sequence)
            {
                problems.Add(new RuleProblem(path, LineOf(node.Start), $"'{key}' must be a list, e.g. {key}: [a, b]"));
                return null;
            }

            var items = new List<Located<string>>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode scalar && !IsNull(scalar))
                {
                    items.Add(new Located<string>(scalar.Value ?? string.Empty, LineOf(item.Start)));
                }
                else
                {
                    problems.Add(new RuleProblem(path, LineOf(item.Start), $"each item of '{key}' must be non-empty text"));
                }
            }

            return new Located<IReadOnlyList<Located<string>>>(items, LineOf(node.Start));
        }

        private static Located<IReadOnlyList<RuleReferenceDocument>>? ReadReferences(string path, YamlNode node, List<RuleProblem> problems)
        {
            if (node is not YamlSequenceNode sequence)
            {
                problems.Add(new RuleProblem(path, LineOf(node.Start), "'references' must be a list of { title, url }"));
                return null;
            }

            var references = new List<RuleReferenceDocument>();
            foreach (var item in sequence.Children)
            {
                if (item is not YamlMappingNode mapping)
                {
                    problems.Add(new RuleProblem(path, LineOf(item.Start), "each reference must be a mapping with 'title' and 'url'"));
                    continue;
                }

                Located<string>? title = null;
                Located<string>? url = null;
                foreach (var entry in mapping.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
                    switch (key)
                    {
                        case "title": title = ReadText(path, "title", entry.Value, problems); break;
                        case "url": url = ReadText(path, "url", entry.Value, problems); break;
                        default:
                            problems.Add(new RuleProblem(path, LineOf(entry.Key.Start), UnknownKeyMessage(key, KnownReferenceKeys, "a reference field")));
                            break;
                    }
                }

                references.Add(new RuleReferenceDocument(LineOf(item.Start), title, url));
            }

            return new Located<IReadOnlyList<RuleReferenceDocument>>(references, LineOf(node.Start));
        }

        /// <summary>A plain <c>~</c>, <c>null</c> or nothing at all is YAML's null; a quoted one is text.</summary>
        private static bool IsNull(YamlScalarNode scalar) =>
            scalar.Style is ScalarStyle.Plain or ScalarStyle.Any
            && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

        private static string UnknownKeyMessage(string key, IReadOnlyList<string> knownKeys, string what)
        {
            var closest = knownKeys
                .Select(known => (known, distance: EditDistance(key, known)))
                .OrderBy(candidate => candidate.distance)
                .First();
            var suggestion = closest.distance <= 2 ? $"did you mean '{closest.known}'? " : string.Empty;
            return $"'{key}' is not {what}: {suggestion}known keys are {string.Join(", ", knownKeys)}";
        }

        /// <summary>Levenshtein distance, case-insensitive: enough to turn a typo into a suggestion.</summary>
        private static int EditDistance(string a, string b)
        {
            a = a.ToLowerInvariant();
            b = b.ToLowerInvariant();
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            var current = new int[b.Length + 1];
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private static int LineOf(Mark mark) => (int)Math.Max(1, mark.Line);
    }
}
