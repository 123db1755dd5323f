using System.Collections.Generic;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.Yaml
{
    public enum YamlNodeKind
    {
        Scalar,
        Mapping,
        Sequence,
    }

    /// <summary>
    /// A YAML node with the exact span it was written at. Tags are kept (<c>!Ref</c>, <c>!Sub</c>), so
    /// CloudFormation short forms survive; aliases point at the anchored node; merge keys are applied.
    /// </summary>
    public sealed class YamlNode
    {
        private static readonly IReadOnlyList<YamlEntry> NoEntries = System.Array.Empty<YamlEntry>();
        private static readonly IReadOnlyList<YamlNode> NoItems = System.Array.Empty<YamlNode>();

        internal YamlNode(YamlNodeKind kind, ConfigSpan span, string? tag, string? value, bool isQuoted)
        {
            Kind = kind;
            Span = span;
            Tag = tag;
            Value = value;
            IsQuoted = isQuoted;
        }

        public YamlNodeKind Kind { get; }

        public ConfigSpan Span { get; internal set; }

        /// <summary>The explicit tag, e.g. <c>!Ref</c>; null when there is none.</summary>
        public string? Tag { get; }

        /// <summary>The scalar's text; null for mappings and sequences.</summary>
        public string? Value { get; }

        /// <summary>Whether the scalar was quoted (a quoted <c>'30'</c> is a string, not a number).</summary>
        public bool IsQuoted { get; }

        public IReadOnlyList<YamlEntry> Entries { get; internal set; } = NoEntries;

        public IReadOnlyList<YamlNode> Items { get; internal set; } = NoItems;

        public bool IsScalar => Kind == YamlNodeKind.Scalar;

        public bool IsMapping => Kind == YamlNodeKind.Mapping;

        public bool IsSequence => Kind == YamlNodeKind.Sequence;

        /// <summary>A plain null: <c>~</c>, <c>null</c> or nothing at all.</summary>
        public bool IsNull => Kind == YamlNodeKind.Scalar && Tag is null && !IsQuoted &&
            (Value is null || Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        /// <summary>The value of a mapping's key, or null when the node is no mapping or has no such key.</summary>
        public YamlNode? this[string key] => Find(key)?.Value;

        public YamlEntry? Find(string key)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry;
                }
            }

            return null;
        }

        public override string ToString() => Kind switch
        {
            YamlNodeKind.Scalar => (Tag is null ? string.Empty : Tag + " ") + Value,
            YamlNodeKind.Mapping => $"{{{Entries.Count} entries}}",
            _ => $"[{Items.Count} items]",
        };
    }

    /// <summary>A key and its value in a mapping.</summary>
    public sealed record YamlEntry(YamlNode Key, YamlNode Value);
}
