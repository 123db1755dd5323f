using System.Collections.Generic;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.CloudFormation
{
    internal enum TemplateValueKind
    {
        /// <summary>No value: the key is not there, or <c>Ref: AWS::NoValue</c> removed it.</summary>
        Missing,

        /// <summary>A scalar, as text.</summary>
        Text,

        /// <summary>A mapping or sequence written in the template (no function call at its top).</summary>
        Node,

        /// <summary>A list that a function made (<c>Fn::Split</c>).</summary>
        List,

        /// <summary>Known only at deploy time, or not evaluable statically.</summary>
        Unknown,
    }

    /// <summary>
    /// What a template expression evaluates to before deployment, with the place the value was written: for
    /// <c>!Ref Param</c> that is the parameter's <c>Default</c>, for a chosen <c>!If</c> branch that branch.
    /// </summary>
    internal sealed class TemplateValue
    {
        private static readonly IReadOnlyList<TemplateValue> NoItems = System.Array.Empty<TemplateValue>();

        private TemplateValue(TemplateValueKind kind, string? text, YamlNode? node, IReadOnlyList<TemplateValue> items, string? unknownReason, ConfigSpan? span)
        {
            Kind = kind;
            Text = text;
            Node = node;
            Items = items;
            UnknownReason = unknownReason;
            Span = span;
        }

        public static TemplateValue Missing { get; } = new(TemplateValueKind.Missing, null, null, NoItems, null, null);

        public TemplateValueKind Kind { get; }

        public string? Text { get; }

        public YamlNode? Node { get; }

        public IReadOnlyList<TemplateValue> Items { get; }

        public string? UnknownReason { get; }

        /// <summary>Where the value (or the expression that could not be evaluated) is written.</summary>
        public ConfigSpan? Span { get; }

        public bool IsText => Kind == TemplateValueKind.Text;

        public bool IsMissing => Kind == TemplateValueKind.Missing;

        public bool IsUnknown => Kind == TemplateValueKind.Unknown;

        public static TemplateValue OfText(string text, ConfigSpan? span) => new(TemplateValueKind.Text, text, null, NoItems, null, span);

        public static TemplateValue OfNode(YamlNode node) => new(TemplateValueKind.Node, null, node, NoItems, null, node.Span);

        public static TemplateValue OfList(IReadOnlyList<TemplateValue> items, ConfigSpan? span) => new(TemplateValueKind.List, null, null, items, null, span);

        public static TemplateValue Unknown(string reason, ConfigSpan? span) => new(TemplateValueKind.Unknown, null, null, NoItems, reason, span);

        /// <summary>The elements of a sequence written in the template or made by a function; null for anything else.</summary>
        public IReadOnlyList<YamlNode>? SequenceItems => Kind == TemplateValueKind.Node && Node!.IsSequence ? Node.Items : null;

        public override string ToString() => Kind switch
        {
            TemplateValueKind.Text => Text!,
            TemplateValueKind.Unknown => $"<unknown: {UnknownReason}>",
            TemplateValueKind.Node => Node!.ToString(),
            TemplateValueKind.List => $"[{Items.Count} items]",
            _ => "<missing>",
        };
    }
}
