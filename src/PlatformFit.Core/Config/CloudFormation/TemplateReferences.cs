using System;
using System.Collections.Generic;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// The logical ids an expression refers to, wherever they sit inside it: <c>Ref</c>, <c>Fn::GetAtt</c>, and the
    /// <c>${Fn.Arn}</c> variables of <c>Fn::Sub</c> (but not the names its own variable map defines). This is how an
    /// integration URI <c>!Sub arn:…:functions/${OnConnect.Arn}/invocations</c> or a <c>!Join</c> of
    /// <c>!GetAtt OnConnect.Arn</c> is tied to the function <c>OnConnect</c>.
    /// </summary>
    internal static class TemplateReferences
    {
        private const int MaxDepth = 64;

        public static IReadOnlyList<string> In(YamlNode? expression)
        {
            var found = new List<string>();
            if (expression is null)
            {
                return found;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var visited = new HashSet<YamlNode>();
            var pending = new Stack<(YamlNode Node, int Depth)>();
            pending.Push((expression, 0));
            while (pending.Count > 0)
            {
                var (node, depth) = pending.Pop();
                if (depth > MaxDepth || !visited.Add(node))
                {
                    continue;
                }

                var call = IntrinsicCall.Of(node);
                switch (call?.Name)
                {
                    case "Ref":
                        if (call.Argument.Value is { } name && !name.StartsWith("AWS::", StringComparison.Ordinal))
                        {
                            Add(name);
                        }

                        continue;
                    case "Fn::GetAtt":
                        if (call.GetAttTarget(out _) is { } target)
                        {
                            Add(target);
                        }

                        continue;
                    case "Fn::Sub":
                        var text = call.Argument.IsSequence ? (call.Argument.Items.Count > 0 ? call.Argument.Items[0] : null) : call.Argument;
                        var variables = call.Argument.IsSequence && call.Argument.Items.Count > 1 ? call.Argument.Items[1] : null;
                        if (text?.Value is { } template)
                        {
                            foreach (var variable in SubstitutionTemplate.Variables(template))
                            {
                                if (variables?[variable] is null && SubstitutionTemplate.ReferencedName(variable) is { } referenced)
                                {
                                    Add(referenced);
                                }
                            }
                        }

                        if (variables is not null)
                        {
                            pending.Push((variables, depth + 1));
                        }

                        continue;
                    case not null:
                        pending.Push((call.Argument, depth + 1));
                        continue;
                }

                // Children are pushed in reverse so that references come out in the order they are written.
                if (node.IsMapping)
                {
                    for (var i = node.Entries.Count - 1; i >= 0; i--)
                    {
                        pending.Push((node.Entries[i].Value, depth + 1));
                    }
                }
                else if (node.IsSequence)
                {
                    for (var i = node.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push((node.Items[i], depth + 1));
                    }
                }
            }

            return found;

            void Add(string name)
            {
                if (seen.Add(name))
                {
                    found.Add(name);
                }
            }
        }
    }
}
