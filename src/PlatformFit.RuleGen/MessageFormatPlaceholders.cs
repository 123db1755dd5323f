using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// Reads the <c>{0}</c>, <c>{1,-8}</c>, <c>{2:N0}</c> items of a composite format string the way
    /// <c>string.Format</c> will, so that a message that would throw at report time fails here instead.
    /// </summary>
    internal static class MessageFormatPlaceholders
    {
        private static readonly SearchValues<char> IndexEnd = SearchValues.Create(",:");

        /// <summary>The placeholder indexes in order of appearance, or the reason the format is not valid.</summary>
        public static bool TryRead(string format, out IReadOnlyList<int> indexes, out string error)
        {
            var found = new List<int>();
            indexes = found;
            error = string.Empty;
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '}')
                {
                    if (i + 1 < format.Length && format[i + 1] == '}')
                    {
                        i++;
                        continue;
                    }

                    error = $"a lone '}}' at position {i + 1}: write '}}}}' for a literal brace";
                    return false;
                }

                if (c != '{')
                {
                    continue;
                }

                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var close = format.IndexOf('}', i + 1);
                if (close < 0)
                {
                    error = $"the '{{' at position {i + 1} is never closed: write '{{{{' for a literal brace";
                    return false;
                }

                var item = format.Substring(i + 1, close - i - 1);
                var indexEnd = item.AsSpan().IndexOfAny(IndexEnd);
                var indexText = indexEnd < 0 ? item : item.Substring(0, indexEnd);
                if (indexText.Length == 0 || indexText.Length > 3 || !indexText.All(char.IsAsciiDigit))
                {
                    error = $"'{{{item}}}' is not a placeholder: use {{0}}, {{1}} …, or '{{{{' and '}}}}' for literal braces";
                    return false;
                }

                found.Add(int.Parse(indexText, System.Globalization.CultureInfo.InvariantCulture));
                i = close;
            }

            return true;
        }
    }
}
