using System.Text;

namespace PlatformFit.RuleGen
{
    /// <summary>Puts plain text from the rule files into generated Markdown so that it shows as written.</summary>
    internal static class MarkdownText
    {
        private const string Significant = "\\`*_[]<>|";

        /// <summary>Backslash-escapes the characters that would start emphasis, code, a link, HTML or a table cell.</summary>
        public static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (Significant.Contains(c, System.StringComparison.Ordinal))
                {
                    escaped.Append('\\');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }

        /// <summary>A URL as a link destination: the characters that would end it early are percent-encoded.</summary>
        public static string Destination(string url) =>
            url.Replace(" ", "%20", System.StringComparison.Ordinal)
                .Replace("(", "%28", System.StringComparison.Ordinal)
                .Replace(")", "%29", System.StringComparison.Ordinal)
                .Replace("<", "%3C", System.StringComparison.Ordinal)
                .Replace(">", "%3E", System.StringComparison.Ordinal)
                .Replace("\"", "%22", System.StringComparison.Ordinal);
    }
}
