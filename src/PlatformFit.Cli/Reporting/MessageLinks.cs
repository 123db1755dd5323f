using System.Collections.Generic;
using System.Linq;
using System.Text;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>
    /// SARIF message text with embedded links (SARIF 2.1.0 §3.11.6): <c>[serverless.yml(14,9)](1)</c> points at the
    /// related location whose id is 1, and GitHub renders it as a link to that line. Literal brackets are escaped
    /// so that they are never read as links.
    /// </summary>
    internal static class MessageLinks
    {
        /// <summary>Turns each related location's display text in <paramref name="message"/> into a link to that location.</summary>
        public static string Link(string message, IReadOnlyList<RelatedLocation> related)
        {
            // Longest first, so that "serverless.yml(14,9)" is not taken for a shorter label it contains.
            var labels = related
                .Where(location => location.Label.Length > 0)
                .GroupBy(location => location.Label, System.StringComparer.Ordinal)
                .Select(group => group.First())
                .OrderByDescending(location => location.Label.Length)
                .ToList();

            var text = new StringBuilder(message.Length + (labels.Count * 8));
            var position = 0;
            while (position < message.Length)
            {
                var match = labels.FirstOrDefault(location => string.CompareOrdinal(message, position, location.Label, 0, location.Label.Length) == 0);
                if (match is null)
                {
                    AppendEscaped(text, message[position]);
                    position++;
                    continue;
                }

                text.Append('[');
                foreach (var character in match.Label)
                {
                    AppendEscaped(text, character);
                }

                text.Append("](").Append(match.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
                position += match.Label.Length;
            }

            return text.ToString();
        }

        /// <summary>Plain text made safe for a SARIF message: brackets escaped, no links.</summary>
        public static string Escape(string plain)
        {
            var text = new StringBuilder(plain.Length);
            foreach (var character in plain)
            {
                AppendEscaped(text, character);
            }

            return text.ToString();
        }

        private static void AppendEscaped(StringBuilder text, char character)
        {
            if (character is '[' or ']')
            {
                text.Append('\\');
            }

            text.Append(character);
        }
    }
}
