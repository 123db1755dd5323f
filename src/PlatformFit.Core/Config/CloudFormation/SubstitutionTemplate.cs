using System;
using System.Collections.Generic;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>One piece of an <c>Fn::Sub</c> string: literal text, or a <c>${Name}</c> / <c>${Resource.Attribute}</c> variable.</summary>
    internal readonly struct SubstitutionPart
    {
        public SubstitutionPart(bool isVariable, string text)
        {
            IsVariable = isVariable;
            Text = text;
        }

        public bool IsVariable { get; }

        /// <summary>The literal text, or the variable's name without <c>${</c> and <c>}</c>.</summary>
        public string Text { get; }
    }

    /// <summary>Splits an <c>Fn::Sub</c> string into literal text and variables; <c>${!Literal}</c> stays the literal <c>${Literal}</c>.</summary>
    internal static class SubstitutionTemplate
    {
        public static IEnumerable<SubstitutionPart> Parts(string template)
        {
            var literalStart = 0;
            var i = 0;
            while (i < template.Length - 1)
            {
                if (template[i] != '$' || template[i + 1] != '{')
                {
                    i++;
                    continue;
                }

                if (i + 2 < template.Length && template[i + 2] == '!')
                {
                    // ${!Literal} is written out as ${Literal}: drop the '!' and carry on with literal text.
                    yield return new SubstitutionPart(false, template.Substring(literalStart, i + 2 - literalStart));
                    literalStart = i + 3;
                    i += 3;
                    continue;
                }

                var close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    break;
                }

                if (i > literalStart)
                {
                    yield return new SubstitutionPart(false, template.Substring(literalStart, i - literalStart));
                }

                yield return new SubstitutionPart(true, template.Substring(i + 2, close - i - 2).Trim());
                literalStart = close + 1;
                i = close + 1;
            }

            if (literalStart < template.Length)
            {
                yield return new SubstitutionPart(false, template.Substring(literalStart));
            }
        }

        /// <summary>The variable names of a template, in order.</summary>
        public static IEnumerable<string> Variables(string template)
        {
            foreach (var part in Parts(template))
            {
                if (part.IsVariable && part.Text.Length > 0)
                {
                    yield return part.Text;
                }
            }
        }

        /// <summary>The logical id a variable refers to: <c>Fn.Arn</c> names <c>Fn</c>; pseudo parameters name none.</summary>
        public static string? ReferencedName(string variable)
        {
            if (variable.StartsWith("AWS::", StringComparison.Ordinal))
            {
                return null;
            }

            var dot = variable.IndexOf('.');
            return dot < 0 ? variable : variable.Substring(0, dot);
        }
    }
}
