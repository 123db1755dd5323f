using System;
using System.Collections.Generic;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// A CloudFormation function call in either spelling: the short YAML tag (<c>!Sub x</c>, <c>!GetAtt A.Arn</c>) or
    /// the long form (<c>{"Fn::Sub": "x"}</c>, <c>{"Ref": "P"}</c>). Both become the same call, with
    /// <see cref="Name"/> in the long spelling (<c>Ref</c>, <c>Condition</c>, <c>Fn::Sub</c>), as cfn-lint maps them.
    /// </summary>
    internal sealed class IntrinsicCall
    {
        private const string YamlCoreTagPrefix = "tag:yaml.org,2002:";

        private static readonly HashSet<string> ShortForms = new(StringComparer.Ordinal)
        {
            "And", "Base64", "Cidr", "Condition", "Equals", "FindInMap", "ForEach", "GetAtt", "GetAZs", "If", "ImportValue",
            "Join", "Length", "Not", "Or", "Ref", "Select", "Split", "Sub", "ToJsonString", "Transform",
        };

        private IntrinsicCall(string name, YamlNode argument, YamlNode expression)
        {
            Name = name;
            Argument = argument;
            Expression = expression;
        }

        /// <summary><c>Ref</c>, <c>Condition</c>, or <c>Fn::Name</c>; an unknown short tag keeps its <c>!</c> (<c>!Foo</c>).</summary>
        public string Name { get; }

        /// <summary>What the function is applied to (for a short tag: the tagged node without its tag).</summary>
        public YamlNode Argument { get; }

        /// <summary>The whole call as written.</summary>
        public YamlNode Expression { get; }

        public bool IsKnownFunction => Name == "Ref" || Name == "Condition" || Name.StartsWith("Fn::", StringComparison.Ordinal);

        /// <summary>The call a node makes, or null for a plain scalar, mapping or sequence.</summary>
        public static IntrinsicCall? Of(YamlNode? node)
        {
            if (node is null)
            {
                return null;
            }

            if (node.Tag is { } tag && !tag.StartsWith(YamlCoreTagPrefix, StringComparison.Ordinal))
            {
                var shortName = tag.StartsWith("!", StringComparison.Ordinal) ? tag.Substring(1) : tag;
                var name = shortName is "Ref" or "Condition" ? shortName : ShortForms.Contains(shortName) ? "Fn::" + shortName : tag;
                return new IntrinsicCall(name, Untagged(node), node);
            }

            if (node.IsMapping && node.Entries.Count == 1 && node.Entries[0].Key.Value is { } key &&
                (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)))
            {
                return new IntrinsicCall(key, node.Entries[0].Value, node);
            }

            return null;
        }

        /// <summary>
        /// The logical id a <c>Fn::GetAtt</c> names: <c>A.B.C</c> splits on the first dot (<c>A</c>, <c>B.C</c>), and
        /// <c>[A, B]</c> names <c>A</c>.
        /// </summary>
        public string? GetAttTarget(out string? attribute)
        {
            attribute = null;
            if (Argument.IsScalar && Argument.Value is { } text)
            {
                var dot = text.IndexOf('.');
                attribute = dot < 0 ? null : text.Substring(dot + 1);
                return dot < 0 ? text : text.Substring(0, dot);
            }

            if (Argument.IsSequence && Argument.Items.Count >= 1 && Argument.Items[0].IsScalar && Argument.Items[0].Tag is null)
            {
                attribute = Argument.Items.Count >= 2 && Argument.Items[1].IsScalar ? Argument.Items[1].Value : null;
                return Argument.Items[0].Value;
            }

            return null;
        }

        /// <summary>The same node without its tag, so that <c>!Sub 'x'</c> yields the plain scalar <c>x</c>.</summary>
        private static YamlNode Untagged(YamlNode node) =>
            new(node.Kind, node.Span, null, node.Value, node.IsQuoted) { Entries = node.Entries, Items = node.Items };
    }
}
