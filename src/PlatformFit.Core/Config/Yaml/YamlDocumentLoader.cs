using System;
using System.Collections.Generic;
using System.IO;
using PlatformFit.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PlatformFit.Core.Config.Yaml
{
    /// <summary>Bounds that keep a hostile file (deep nesting, millions of nodes) from taking the scan down.</summary>
    public sealed record YamlLimits(int MaxDepth, int MaxNodes)
    {
        public static YamlLimits Default { get; } = new(MaxDepth: 256, MaxNodes: 2_000_000);
    }

    /// <summary>What loading a YAML (or JSON) text produced: its documents, or the problem that stopped it.</summary>
    public sealed record YamlLoadResult(IReadOnlyList<YamlNode> Documents, IReadOnlyList<ConfigProblem> Problems);

    /// <summary>
    /// Builds <see cref="YamlNode"/> trees from YamlDotNet's event parser, iteratively (no recursion to overflow),
    /// with the span of every node. Duplicate keys keep the last value and are reported; merge keys
    /// (<c>&lt;&lt;: *anchor</c>) are applied as YAML 1.1 defines them.
    /// </summary>
    public static class YamlDocumentLoader
    {
        private const string MergeKey = "<<";

        public static YamlLoadResult Load(string path, string text, YamlLimits? limits = null)
        {
            limits ??= YamlLimits.Default;
            var problems = new List<ConfigProblem>();
            var documents = new List<YamlNode>();
            // A byte order mark that the host did not decode away is no content: the parser would make it part of
            // the first key. It is skipped, and spans still index the text as given.
            var bomLength = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var builder = new TreeBuilder(path, limits, problems, bomLength);
            var lastGood = new Mark();

            try
            {
                var parser = new Parser(new StringReader(bomLength == 0 ? text : text.Substring(bomLength)));
                while (parser.MoveNext())
                {
                    lastGood = parser.Current!.End;
                    var document = builder.Accept(parser.Current!);
                    if (document is not null)
                    {
                        documents.Add(document);
                    }
                }
            }
            catch (YamlException e)
            {
                problems.Add(new ConfigProblem(path, (int)e.Start.Line, (int)e.Start.Column, ProblemLevel.Error, $"not valid YAML: {Describe(e)}"));
            }
            catch (LimitExceededException e)
            {
                problems.Add(new ConfigProblem(path, e.Line, e.Column, ProblemLevel.Error, e.Message));
            }
            catch (ArgumentException e)
            {
                // YamlDotNet's parser throws this for a tag that is no valid URI (`!!.[`), not a YamlException.
                problems.Add(new ConfigProblem(path, (int)Math.Max(1, lastGood.Line), (int)Math.Max(1, lastGood.Column), ProblemLevel.Error,
                    $"not valid YAML after line {lastGood.Line}: {e.Message}"));
            }
            catch (InvalidOperationException)
            {
                // YamlDotNet's scanner throws this instead of a YamlException on some malformed input (an
                // unclosed flow sequence that runs into a block scalar): the error is after the last good event.
                problems.Add(new ConfigProblem(path, (int)Math.Max(1, lastGood.Line), (int)Math.Max(1, lastGood.Column), ProblemLevel.Error,
                    $"not valid YAML after line {lastGood.Line}: an unclosed '[' or '{{', or a value the parser cannot read"));
            }

            return new YamlLoadResult(documents, problems);
        }

        private static string Describe(YamlException e)
        {
            // YamlDotNet prefixes its messages with the position, which the problem carries already.
            var message = e.Message;
            var close = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(", StringComparison.Ordinal) && close > 0 ? message.Substring(close + 3) : message;
        }

        private sealed class LimitExceededException : Exception
        {
            public LimitExceededException(string message, int line, int column)
                : base(message)
            {
                Line = line;
                Column = column;
            }

            public int Line { get; }

            public int Column { get; }
        }

        private sealed class TreeBuilder
        {
            private readonly string path;
            private readonly YamlLimits limits;
            private readonly List<ConfigProblem> problems;
            private readonly int indexOffset;
            private readonly Stack<Frame> open = new();
            private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
            private int nodeCount;
            private YamlNode? root;

            public TreeBuilder(string path, YamlLimits limits, List<ConfigProblem> problems, int indexOffset)
            {
                this.path = path;
                this.limits = limits;
                this.problems = problems;
                this.indexOffset = indexOffset;
            }

            /// <summary>Takes one parser event; returns a document's root when the document ends.</summary>
            public YamlNode? Accept(ParsingEvent e)
            {
                switch (e)
                {
                    case DocumentStart:
                        anchors.Clear();
                        root = null;
                        return null;
                    case DocumentEnd:
                        var document = root;
                        root = null;
                        return document;
                    case Scalar scalar:
                        var isQuoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                        Add(Remember(scalar, new YamlNode(YamlNodeKind.Scalar, Span(scalar.Start, scalar.End), TagOf(scalar), scalar.Value, isQuoted)));
                        return null;
                    case AnchorAlias alias:
                        if (anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            Add(target);
                        }
                        else
                        {
                            problems.Add(Problem(alias.Start, ProblemLevel.Error, $"the alias *{alias.Value.Value} names no anchor"));
                            Add(new YamlNode(YamlNodeKind.Scalar, Span(alias.Start, alias.End), null, null, false));
                        }

                        return null;
                    case SequenceStart sequence:
                        Open(sequence, YamlNodeKind.Sequence);
                        return null;
                    case MappingStart mapping:
                        Open(mapping, YamlNodeKind.Mapping);
                        return null;
                    case SequenceEnd:
                    case MappingEnd:
                        Close(e);
                        return null;
                    default:
                        return null;
                }
            }

            private void Open(NodeEvent e, YamlNodeKind kind)
            {
                if (open.Count >= limits.MaxDepth)
                {
                    throw new LimitExceededException($"nesting deeper than {limits.MaxDepth} levels; the file was not read", (int)e.Start.Line, (int)e.Start.Column);
                }

                var node = Remember(e, new YamlNode(kind, Span(e.Start, e.End), TagOf(e), null, false));
                open.Push(new Frame(node));
            }

            private void Close(ParsingEvent e)
            {
                var frame = open.Pop();
                var node = frame.Node;
                node.Span = Span(node.Span, e.End);
                if (node.IsMapping)
                {
                    node.Entries = frame.BuildEntries(this);
                }
                else
                {
                    node.Items = frame.Items;
                }

                Add(node);
            }

            private void Add(YamlNode node)
            {
                if (++nodeCount > limits.MaxNodes)
                {
                    throw new LimitExceededException($"more than {limits.MaxNodes} YAML nodes; the file was not read", node.Span.StartLine, node.Span.StartColumn);
                }

                if (open.Count == 0)
                {
                    root = node;
                    return;
                }

                open.Peek().Add(node);
            }

            private YamlNode Remember(NodeEvent e, YamlNode node)
            {
                if (!e.Anchor.IsEmpty)
                {
                    anchors[e.Anchor.Value] = node;
                }

                return node;
            }

            private static string? TagOf(NodeEvent e) => e.Tag.IsEmpty || e.Tag.IsNonSpecific ? null : e.Tag.Value;

            private ConfigSpan Span(Mark start, Mark end) =>
                new(path, (int)start.Index + indexOffset, (int)(end.Index - start.Index), (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

            private ConfigSpan Span(ConfigSpan start, Mark end) =>
                new(path, start.Start, (int)end.Index + indexOffset - start.Start, start.StartLine, start.StartColumn, (int)end.Line, (int)end.Column);

            internal ConfigProblem Problem(Mark at, ProblemLevel level, string message) =>
                new(path, (int)at.Line, (int)at.Column, level, message);

            internal void Report(ConfigSpan at, ProblemLevel level, string message) =>
                problems.Add(new ConfigProblem(path, at.StartLine, at.StartColumn, level, message));
        }

        private sealed class Frame
        {
            private YamlNode? pendingKey;

            public Frame(YamlNode node) => Node = node;

            public YamlNode Node { get; }

            public List<YamlNode> Items { get; } = new();

            public List<YamlEntry> RawEntries { get; } = new();

            public void Add(YamlNode child)
            {
                if (!Node.IsMapping)
                {
                    Items.Add(child);
                }
                else if (pendingKey is null)
                {
                    pendingKey = child;
                }
                else
                {
                    RawEntries.Add(new YamlEntry(pendingKey, child));
                    pendingKey = null;
                }
            }

            public List<YamlEntry> BuildEntries(TreeBuilder builder)
            {
                var entries = new List<YamlEntry>(RawEntries.Count);
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var merged = new List<YamlEntry>();
                foreach (var entry in RawEntries)
                {
                    var key = entry.Key.IsScalar ? entry.Key.Value ?? string.Empty : null;
                    if (key == MergeKey && entry.Key.Tag is null && !entry.Key.IsQuoted)
                    {
                        Merge(entry.Value, merged);
                        continue;
                    }

                    if (key is not null && index.TryGetValue(key, out var earlier))
                    {
                        builder.Report(entry.Key.Span, ProblemLevel.Warning,
                            $"duplicate key '{key}' (first at line {entries[earlier].Key.Span.StartLine}); the last value is used, as the deploy tools do");
                        entries[earlier] = entry;
                        continue;
                    }

                    if (key is not null)
                    {
                        index[key] = entries.Count;
                    }

                    entries.Add(entry);
                }

                // Explicit keys win over merged ones; earlier merge sources win over later ones.
                foreach (var entry in merged)
                {
                    var key = entry.Key.Value ?? string.Empty;
                    if (!index.ContainsKey(key))
                    {
                        index[key] = entries.Count;
                        entries.Add(entry);
                    }
                }

                return entries;
            }

            private static void Merge(YamlNode source, List<YamlEntry> into)
            {
                if (source.IsMapping)
                {
                    into.AddRange(source.Entries);
                }
                else if (source.IsSequence)
                {
                    foreach (var item in source.Items)
                    {
                        if (item.IsMapping)
                        {
                            into.AddRange(item.Entries);
                        }
                    }
                }
            }
        }
    }
}
