using System;
using System.Text;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>
    /// Text from a scan (messages carry code and config from the scanned repository) made safe to put inside a line
    /// of GitHub-flavoured markdown, so that it reads as the characters it is and never as markup.
    /// </summary>
    internal static class MarkdownInline
    {
        /// <summary>
        /// Backslash-escapes the characters that start inline markup anywhere in a line (CommonMark 0.31, §2.4: any
        /// ASCII punctuation may be escaped): emphasis <c>*</c> <c>_</c>, strikethrough <c>~</c>, code <c>`</c>,
        /// links and images <c>[</c> <c>]</c>, raw HTML and autolinks <c>&lt;</c> <c>&gt;</c> (so <c>Task&lt;int&gt;</c>
        /// is not taken for a tag), entities <c>&amp;</c>, GitHub's math <c>$</c>, table cells <c>|</c> (GFM §4.10:
        /// a pipe is escaped even inside code in a cell) and the backslash itself. Line breaks become spaces: one
        /// item is one line. Characters that only matter at the start of a line (<c>#</c>, <c>-</c>, <c>&gt;</c>) are
        /// safe here because escaped text never starts one.
        /// </summary>
        public static string Escape(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var escaped = new StringBuilder(text.Length + 8);
            for (var i = 0; i < text.Length; i++)
            {
                var character = text[i];
                switch (character)
                {
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        escaped.Append(' ');
                        break;
                    case '\n':
                        escaped.Append(' ');
                        break;
                    case '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '<' or '>' or '&' or '$' or '|':
                        escaped.Append('\\').Append(character);
                        break;
                    default:
                        escaped.Append(character);
                        break;
                }
            }

            return escaped.ToString();
        }

        /// <summary>
        /// <c>`src/Api/Program.cs:18`</c>: a code span that holds <paramref name="text"/> literally, fenced with more
        /// backticks than the longest run inside it and padded when it starts or ends with one (CommonMark §6.1).
        /// Not for table cells, where a pipe would still split the cell.
        /// </summary>
        public static string Code(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

            var longestRun = 0;
            var run = 0;
            foreach (var character in flat)
            {
                run = character == '`' ? run + 1 : 0;
                longestRun = Math.Max(longestRun, run);
            }

            var fence = new string('`', longestRun + 1);
            var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : string.Empty;
            return fence + pad + flat + pad + fence;
        }

        /// <summary><c>[PF1001](https://…)</c>: the link text escaped, and the address with the characters that would end it percent-encoded.</summary>
        public static string Link(string text, Uri address)
        {
            ArgumentNullException.ThrowIfNull(address);
            var destination = address.AbsoluteUri
                .Replace("(", "%28", StringComparison.Ordinal)
                .Replace(")", "%29", StringComparison.Ordinal)
                .Replace(" ", "%20", StringComparison.Ordinal)
                .Replace("<", "%3C", StringComparison.Ordinal)
                .Replace(">", "%3E", StringComparison.Ordinal)
                .Replace("|", "%7C", StringComparison.Ordinal);
            return "[" + Escape(text) + "](" + destination + ")";
        }
    }
}
