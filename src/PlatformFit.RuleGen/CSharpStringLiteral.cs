using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// Writes any string as a C# regular string literal. Regular rather than verbatim literals, so that no line
    /// ending inside the generated file (which git may rewrite on checkout) becomes part of a value.
    /// </summary>
    internal static class CSharpStringLiteral
    {
        /// <summary><c>"…"</c> with every character that is not plainly printable escaped.</summary>
        public static string Quote(string value)
        {
            var literal = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': literal.Append("\\\""); break;
                    case '\\': literal.Append("\\\\"); break;
                    case '\n': literal.Append("\\n"); break;
                    case '\r': literal.Append("\\r"); break;
                    case '\t': literal.Append("\\t"); break;
                    case '\0': literal.Append("\\0"); break;
                    default:
                        if (NeedsUnicodeEscape(c))
                        {
                            literal.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            literal.Append(c);
                        }

                        break;
                }
            }

            return literal.Append('"').ToString();
        }

        /// <summary>
        /// A multi-line value as one literal per line joined by <c>+</c> (a compile-time constant, read line by line
        /// in the generated file); each continuation line starts with <paramref name="indent"/>.
        /// </summary>
        public static string QuoteLines(string value, string indent)
        {
            var pieces = SplitKeepingNewlines(value).ToList();
            return pieces.Count <= 1
                ? Quote(value)
                : string.Join(" +\n" + indent, pieces.Select(Quote));
        }

        private static IEnumerable<string> SplitKeepingNewlines(string value)
        {
            var start = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] == '\n')
                {
                    yield return value.Substring(start, i - start + 1);
                    start = i + 1;
                }
            }

            if (start < value.Length)
            {
                yield return value.Substring(start);
            }
        }

        /// <summary>
        /// Line and paragraph separators end a line in C# source; control, format and unassigned characters and lone
        /// surrogates are invisible or not valid UTF-8. Everything else printable (é, —) stays readable.
        /// </summary>
        private static bool NeedsUnicodeEscape(char c) => char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control => true,
            UnicodeCategory.Format => true,
            UnicodeCategory.LineSeparator => true,
            UnicodeCategory.ParagraphSeparator => true,
            UnicodeCategory.Surrogate => true,
            UnicodeCategory.PrivateUse => true,
            UnicodeCategory.OtherNotAssigned => true,
            _ => c == '\u0085',
        };
    }
}
