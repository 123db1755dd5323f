using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// How a value behind <c>Fn::If</c> is chosen. CloudFormation conditions depend on parameters given at deploy
    /// time, so PlatformFit considers them both ways and never picks one branch by guessing.
    /// </summary>
    internal enum BranchPolicy
    {
        /// <summary>
        /// Both branches must give the same text, else the value is unknown. A branch that removes the property
        /// (<c>AWS::NoValue</c>) beside a mapping or list keeps that structure: what exists under one condition is
        /// considered present (a <c>FunctionUrlConfig</c> behind <c>!If</c> is a function URL).
        /// </summary>
        SameValue,

        /// <summary>
        /// The larger number of the two branches (a branch that removes the property is ignored), with a note
        /// saying so. Used for the sizes and durations rules compare against limits: <c>MemorySize</c>,
        /// <c>Timeout</c>, <c>EphemeralStorage.Size</c> (PLATFORMS.md §6.4).
        /// </summary>
        Largest,
    }

    /// <summary>
    /// Evaluates CloudFormation functions as far as they can be known before deployment: <c>Ref</c> to a
    /// parameter (a deploy's override, else its <c>Default</c>), <c>Fn::Sub</c> over such parameters,
    /// <c>Fn::FindInMap</c> with keys that evaluate, <c>Fn::Join</c>, <c>Fn::Select</c>, <c>Fn::Split</c>, and
    /// <c>Fn::If</c> by <see cref="BranchPolicy"/>. Pseudo parameters, resource attributes, imports and anything
    /// else decided at deploy time are unknown, with the reason, never guessed.
    /// </summary>
    internal sealed class IntrinsicFunctionEvaluator
    {
        private const int MaxDepth = 64;

        private readonly CloudFormationTemplate template;
        private readonly ConfigReadContext context;
        private readonly string path;
        private readonly List<ConfigProblem> problems;
        private readonly HashSet<(int, string)> notes;
        private readonly string? assumedCondition;

        public IntrinsicFunctionEvaluator(CloudFormationTemplate template, ConfigReadContext context, string path, List<ConfigProblem> problems)
            : this(template, context, path, problems, new HashSet<(int, string)>(), null)
        {
        }

        private IntrinsicFunctionEvaluator(
            CloudFormationTemplate template, ConfigReadContext context, string path, List<ConfigProblem> problems, HashSet<(int, string)> notes, string? assumedCondition)
        {
            this.template = template;
            this.context = context;
            this.path = path;
            this.problems = problems;
            this.notes = notes;
            this.assumedCondition = assumedCondition;
        }

        /// <summary>
        /// The same evaluator inside a resource that exists only under <paramref name="condition"/>: an <c>Fn::If</c> on
        /// that condition takes its true branch there, because the resource is not created otherwise.
        /// </summary>
        public IntrinsicFunctionEvaluator AssumingCondition(string? condition) =>
            condition == assumedCondition ? this : new(template, context, path, problems, notes, condition);

        public TemplateValue Evaluate(YamlNode? node, BranchPolicy policy = BranchPolicy.SameValue) => Evaluate(node, policy, 0);

        /// <summary>An evaluated value as the model's text value, with its place and origin.</summary>
        public ConfigValue<string> Text(YamlNode? node, BranchPolicy policy = BranchPolicy.SameValue, ValueOrigin origin = ValueOrigin.Declared)
        {
            if (node is null)
            {
                return ConfigValue<string>.Absent;
            }

            var value = Evaluate(node, policy);
            return value.Kind switch
            {
                TemplateValueKind.Missing => ConfigValue<string>.Absent,
                TemplateValueKind.Text => ConfigValue<string>.Known(value.Text!, value.Span ?? node.Span, origin),
                TemplateValueKind.Unknown => ConfigValue<string>.Unknown(value.UnknownReason!, value.Span ?? node.Span),
                _ => ConfigValue<string>.Unknown("not a single value", node.Span),
            };
        }

        /// <summary>An evaluated whole number; text that is not one is unknown, with a warning.</summary>
        public ConfigValue<int> Number(YamlNode? node, BranchPolicy policy = BranchPolicy.SameValue, ValueOrigin origin = ValueOrigin.Declared)
        {
            var text = Text(node, policy, origin);
            if (!text.IsKnown)
            {
                return text.State == ValueState.Absent ? ConfigValue<int>.Absent : ConfigValue<int>.Unknown(text.UnknownReason!, text.Span);
            }

            if (TryParseNumber(text.Value, out var number))
            {
                return ConfigValue<int>.Known(number, text.Span, origin);
            }

            var message = $"'{Shorten(text.Value)}' is not a whole number";
            AddOnce(text.Span!, ProblemLevel.Warning, message);
            return ConfigValue<int>.Unknown(message, text.Span);
        }

        private static bool TryParseNumber(string text, out int number) =>
            int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number);

        private TemplateValue Evaluate(YamlNode? node, BranchPolicy policy, int depth)
        {
            if (node is null)
            {
                return TemplateValue.Missing;
            }

            if (depth > MaxDepth)
            {
                return TemplateValue.Unknown("functions nest too deeply to evaluate", node.Span);
            }

            var call = IntrinsicCall.Of(node);
            if (call is not null)
            {
                return EvaluateCall(call, policy, depth + 1);
            }

            if (node.IsScalar)
            {
                return node.IsNull ? TemplateValue.Missing : TemplateValue.OfText(node.Value ?? string.Empty, node.Span);
            }

            return TemplateValue.OfNode(node);
        }

        private TemplateValue EvaluateCall(IntrinsicCall call, BranchPolicy policy, int depth)
        {
            var at = call.Expression.Span;
            switch (call.Name)
            {
                case "Ref":
                    return call.Argument.IsScalar && call.Argument.Value is { } name
                        ? Reference(name, at)
                        : TemplateValue.Unknown("'Ref' names no parameter or resource", at);
                case "Fn::Sub":
                    return Substitute(call, depth);
                case "Fn::If":
                    return Branches(call, policy, depth);
                case "Fn::FindInMap":
                    return FindInMap(call, policy, depth);
                case "Fn::Join":
                    return Join(call, depth);
                case "Fn::Select":
                    return Select(call, policy, depth);
                case "Fn::Split":
                    return Split(call, depth);
                case "Fn::GetAtt":
                    var target = call.GetAttTarget(out var attribute);
                    return TemplateValue.Unknown($"'{target}.{attribute}' is an attribute known only after deployment", at);
                case "Fn::ImportValue":
                    return TemplateValue.Unknown("imported from another stack's exports at deploy time", at);
                case "Fn::GetAZs":
                case "Fn::Cidr":
                case "Fn::Base64":
                    return TemplateValue.Unknown($"'{call.Name}' is evaluated by CloudFormation at deploy time", at);
                case "Condition":
                case "Fn::Equals":
                case "Fn::And":
                case "Fn::Or":
                case "Fn::Not":
                    return TemplateValue.Unknown("a condition, decided at deploy time", at);
                default:
                    return TemplateValue.Unknown(call.IsKnownFunction
                        ? $"'{call.Name}' is evaluated by CloudFormation at deploy time"
                        : $"'{call.Name}' is not a CloudFormation function", at);
            }
        }

        private TemplateValue Reference(string name, ConfigSpan at)
        {
            if (name == "AWS::NoValue")
            {
                return TemplateValue.Missing;
            }

            if (name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                return TemplateValue.Unknown($"'{name}' is known only at deploy time", at);
            }

            var parameter = template.Parameter(name);
            if (parameter is not null)
            {
                if (parameter["Type"]?.Value is { } type && type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
                {
                    return TemplateValue.Unknown($"the parameter '{name}' is read from SSM Parameter Store at deploy time", at);
                }

                if (context.TemplateParameters.TryGetValue(name, out var overridden))
                {
                    // The value comes from the deploy command; the place that uses it is the nearest place in this file.
                    return TemplateValue.OfText(overridden, at);
                }

                var fallback = parameter["Default"];
                if (fallback is null || fallback.IsNull)
                {
                    return TemplateValue.Unknown($"the parameter '{name}' has no Default; its value is given at deploy time", at);
                }

                if (fallback.IsScalar && fallback.Tag is null)
                {
                    return TemplateValue.OfText(fallback.Value ?? string.Empty, fallback.Span);
                }

                return TemplateValue.Unknown($"the Default of parameter '{name}' is not a single value", fallback.Span);
            }

            return template.Resource(name) is not null
                ? TemplateValue.Unknown($"a reference to the resource '{name}', known only after deployment", at)
                : TemplateValue.Unknown($"'{name}' is neither a parameter nor a resource of this template", at);
        }

        private TemplateValue Substitute(IntrinsicCall call, int depth)
        {
            var at = call.Expression.Span;
            YamlNode? text;
            YamlNode? variables = null;
            if (call.Argument.IsSequence)
            {
                text = call.Argument.Items.Count >= 1 ? call.Argument.Items[0] : null;
                variables = call.Argument.Items.Count >= 2 ? call.Argument.Items[1] : null;
            }
            else
            {
                text = call.Argument;
            }

            if (text is null || !text.IsScalar || text.Tag is not null)
            {
                return TemplateValue.Unknown("'Fn::Sub' has no template string", at);
            }

            var result = new StringBuilder();
            foreach (var part in SubstitutionTemplate.Parts(text.Value ?? string.Empty))
            {
                if (!part.IsVariable)
                {
                    result.Append(part.Text);
                    continue;
                }

                var value = variables?[part.Text] is { } variable
                    ? Evaluate(variable, BranchPolicy.SameValue, depth + 1)
                    : part.Text.IndexOf('.') >= 0 && !part.Text.StartsWith("AWS::", StringComparison.Ordinal)
                        ? TemplateValue.Unknown($"'{part.Text}' is an attribute known only after deployment", at)
                        : Reference(part.Text, at);
                if (!value.IsText)
                {
                    var reason = value.IsUnknown ? value.UnknownReason : "it has no value";
                    return TemplateValue.Unknown($"'${{{part.Text}}}' cannot be evaluated: {reason}", at);
                }

                result.Append(value.Text);
            }

            return TemplateValue.OfText(result.ToString(), at);
        }

        private TemplateValue Branches(IntrinsicCall call, BranchPolicy policy, int depth)
        {
            var at = call.Expression.Span;
            var items = call.Argument.IsSequence ? call.Argument.Items : null;
            if (items is null || items.Count != 3 || !items[0].IsScalar)
            {
                return TemplateValue.Unknown("'Fn::If' needs a condition name and two values", at);
            }

            var condition = items[0].Value ?? string.Empty;
            if (condition == assumedCondition)
            {
                return Evaluate(items[1], policy, depth + 1);
            }

            var whenTrue = Evaluate(items[1], policy, depth + 1);
            var whenFalse = Evaluate(items[2], policy, depth + 1);
            if (whenTrue.IsText && whenFalse.IsText && whenTrue.Text == whenFalse.Text)
            {
                return whenTrue;
            }

            if (whenTrue.IsMissing && whenFalse.IsMissing)
            {
                return TemplateValue.Missing;
            }

            if (policy == BranchPolicy.Largest)
            {
                return Largest(condition, whenTrue, whenFalse, at);
            }

            if (whenTrue.IsMissing != whenFalse.IsMissing)
            {
                var present = whenTrue.IsMissing ? whenFalse : whenTrue;
                if (present.Kind == TemplateValueKind.Node)
                {
                    return present;
                }
            }

            if (whenTrue.IsUnknown || whenFalse.IsUnknown)
            {
                var unknown = whenTrue.IsUnknown ? whenTrue : whenFalse;
                return TemplateValue.Unknown($"depends on the condition '{condition}', and one branch is unknown: {unknown.UnknownReason}", at);
            }

            return TemplateValue.Unknown($"depends on the condition '{condition}': {Describe(whenTrue)} or {Describe(whenFalse)}", at);
        }

        private TemplateValue Largest(string condition, TemplateValue whenTrue, TemplateValue whenFalse, ConfigSpan at)
        {
            var candidates = new[] { whenTrue, whenFalse }.Where(v => !v.IsMissing).ToList();
            var unknown = candidates.FirstOrDefault(v => !v.IsText);
            if (unknown is not null)
            {
                return unknown.IsUnknown
                    ? TemplateValue.Unknown($"depends on the condition '{condition}', and one branch is unknown: {unknown.UnknownReason}", at)
                    : TemplateValue.Unknown($"depends on the condition '{condition}', and one branch is not a single value", at);
            }

            TemplateValue? largest = null;
            var largestNumber = int.MinValue;
            foreach (var candidate in candidates)
            {
                if (!TryParseNumber(candidate.Text!, out var number))
                {
                    return TemplateValue.Unknown($"depends on the condition '{condition}': {Describe(whenTrue)} or {Describe(whenFalse)}", at);
                }

                if (largest is null || number > largestNumber)
                {
                    largest = candidate;
                    largestNumber = number;
                }
            }

            AddOnce(at, ProblemLevel.Note,
                $"the value depends on the condition '{condition}' ({Describe(whenTrue)} or {Describe(whenFalse)}); conditions are considered both ways, so the larger, {largestNumber}, is used");
            return largest!;
        }

        private TemplateValue FindInMap(IntrinsicCall call, BranchPolicy policy, int depth)
        {
            var at = call.Expression.Span;
            var items = call.Argument.IsSequence ? call.Argument.Items : null;
            if (items is null || items.Count < 3)
            {
                return TemplateValue.Unknown("'Fn::FindInMap' needs a map name and two keys", at);
            }

            var keys = new string[3];
            for (var i = 0; i < 3; i++)
            {
                var key = Evaluate(items[i], BranchPolicy.SameValue, depth + 1);
                if (!key.IsText)
                {
                    return TemplateValue.Unknown($"the mapping key {Describe(key)} is not known before deployment", at);
                }

                keys[i] = key.Text!;
            }

            var value = template.Mappings?[keys[0]]?[keys[1]]?[keys[2]];
            if (value is not null)
            {
                return Evaluate(value, policy, depth + 1);
            }

            // AWS::LanguageExtensions: [Map, Key, Key, {DefaultValue: x}].
            if (items.Count >= 4 && items[3]["DefaultValue"] is { } fallback)
            {
                return Evaluate(fallback, policy, depth + 1);
            }

            return TemplateValue.Unknown($"the mapping '{keys[0]}' has no value at '{keys[1]}'/'{keys[2]}'", at);
        }

        private TemplateValue Join(IntrinsicCall call, int depth)
        {
            var at = call.Expression.Span;
            var items = call.Argument.IsSequence ? call.Argument.Items : null;
            if (items is null || items.Count != 2)
            {
                return TemplateValue.Unknown("'Fn::Join' needs a delimiter and a list", at);
            }

            var delimiter = Evaluate(items[0], BranchPolicy.SameValue, depth + 1);
            var parts = ListOf(Evaluate(items[1], BranchPolicy.SameValue, depth + 1), depth);
            if (!delimiter.IsText || parts is null)
            {
                return TemplateValue.Unknown("'Fn::Join' over values known only at deploy time", at);
            }

            var texts = new List<string>();
            foreach (var part in parts)
            {
                if (part.IsMissing)
                {
                    continue;
                }

                if (!part.IsText)
                {
                    return TemplateValue.Unknown(part.IsUnknown ? $"a joined value cannot be evaluated: {part.UnknownReason}" : "a joined value is not text", at);
                }

                texts.Add(part.Text!);
            }

            return TemplateValue.OfText(string.Join(delimiter.Text, texts), at);
        }

        private TemplateValue Select(IntrinsicCall call, BranchPolicy policy, int depth)
        {
            var at = call.Expression.Span;
            var items = call.Argument.IsSequence ? call.Argument.Items : null;
            if (items is null || items.Count != 2)
            {
                return TemplateValue.Unknown("'Fn::Select' needs an index and a list", at);
            }

            var index = Evaluate(items[0], BranchPolicy.SameValue, depth + 1);
            var list = Evaluate(items[1], policy, depth + 1);
            if (!index.IsText || !TryParseNumber(index.Text!, out var position))
            {
                return TemplateValue.Unknown("'Fn::Select' with an index known only at deploy time", at);
            }

            if (list.SequenceItems is { } written)
            {
                return position >= 0 && position < written.Count
                    ? Evaluate(written[position], policy, depth + 1)
                    : TemplateValue.Unknown($"'Fn::Select' index {position} is outside the list", at);
            }

            if (list.Kind == TemplateValueKind.List)
            {
                return position >= 0 && position < list.Items.Count ? list.Items[position] : TemplateValue.Unknown($"'Fn::Select' index {position} is outside the list", at);
            }

            return TemplateValue.Unknown(list.IsUnknown ? $"'Fn::Select' from a list known only at deploy time: {list.UnknownReason}" : "'Fn::Select' from something that is not a list", at);
        }

        private TemplateValue Split(IntrinsicCall call, int depth)
        {
            var at = call.Expression.Span;
            var items = call.Argument.IsSequence ? call.Argument.Items : null;
            if (items is null || items.Count != 2)
            {
                return TemplateValue.Unknown("'Fn::Split' needs a delimiter and a string", at);
            }

            var delimiter = Evaluate(items[0], BranchPolicy.SameValue, depth + 1);
            var source = Evaluate(items[1], BranchPolicy.SameValue, depth + 1);
            if (!delimiter.IsText || delimiter.Text!.Length == 0 || !source.IsText)
            {
                return TemplateValue.Unknown(source.IsUnknown ? $"'Fn::Split' of a value known only at deploy time: {source.UnknownReason}" : "'Fn::Split' cannot be evaluated", at);
            }

            var parts = source.Text!.Split(new[] { delimiter.Text }, StringSplitOptions.None);
            return TemplateValue.OfList(parts.Select(p => TemplateValue.OfText(p, at)).ToList(), at);
        }

        /// <summary>The elements of a list value, evaluated; null when it is no list.</summary>
        private List<TemplateValue>? ListOf(TemplateValue value, int depth)
        {
            if (value.Kind == TemplateValueKind.List)
            {
                return value.Items.ToList();
            }

            return value.SequenceItems?.Select(item => Evaluate(item, BranchPolicy.SameValue, depth + 1)).ToList();
        }

        private static string Describe(TemplateValue value) => value.Kind switch
        {
            TemplateValueKind.Text => $"'{Shorten(value.Text)}'",
            TemplateValueKind.Missing => "no value",
            TemplateValueKind.Unknown => "a value known only at deploy time",
            _ => "a structure",
        };

        /// <summary>One problem per place and message: a Globals value is evaluated once per function.</summary>
        private void AddOnce(ConfigSpan at, ProblemLevel level, string message)
        {
            if (notes.Add((at.Start, message)))
            {
                problems.Add(new ConfigProblem(path, at.StartLine, at.StartColumn, level, message));
            }
        }

        private static string Shorten(string? text) => Excerpt.Of(text, 60);
    }
}
