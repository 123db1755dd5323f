using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// Renders a rule doc as plain text for SARIF <c>help.text</c>, which viewers show without a Markdown renderer:
    /// markup goes, the words stay. Headings and emphasis become their text, code blocks become indented text,
    /// links become "text (url)", tables become "header: value" lines, HTML comments (the generator's markers) vanish.
    /// </summary>
    internal static partial class MarkdownPlainTextRenderer
    {
        private const string Indent = "    ";

        public static string Render(string markdown)
        {
            var lines = markdown.Replace("\r\n", "\n", System.StringComparison.Ordinal).Split('\n');
            var output = new List<string>();
            string? fence = null;
            var inComment = false;

            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (fence is not null)
                {
                    if (IsFenceClose(line, fence))
                    {
                        fence = null;
                    }
                    else
                    {
                        output.Add(line.Length == 0 ? string.Empty : Indent + line);
                    }

                    continue;
                }

                line = StripHtmlComments(line, ref inComment, out var hadComment);
                if (hadComment && line.Trim().Length == 0)
                {
                    continue;
                }

                var fenceOpen = FenceOpen().Match(line);
                if (fenceOpen.Success)
                {
                    fence = fenceOpen.Groups["fence"].Value;
                    continue;
                }

                if (IsTableStart(lines, i))
                {
                    var rows = new List<string>();
                    while (i < lines.Length && lines[i].TrimStart().StartsWith('|'))
                    {
                        rows.Add(lines[i]);
                        i++;
                    }

                    i--;
                    output.AddRange(RenderTable(rows));
                    continue;
                }

                output.Add(RenderLine(line).TrimEnd());
            }

            return string.Join("\n", CollapseBlankLines(output));
        }

        private static string RenderLine(string line)
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                return RenderInline(heading.Groups["text"].Value);
            }

            if (ThematicBreak().IsMatch(line) || SetextUnderline().IsMatch(line))
            {
                return string.Empty;
            }

            var listItem = ListItem().Match(line);
            if (listItem.Success)
            {
                var marker = listItem.Groups["marker"].Value;
                var bullet = char.IsAsciiDigit(marker[0]) ? marker : "-";
                return listItem.Groups["indent"].Value + bullet + " " + RenderInline(listItem.Groups["text"].Value);
            }

            var quote = BlockQuote().Match(line);
            if (quote.Success)
            {
                return RenderInline(quote.Groups["text"].Value);
            }

            return RenderInline(line);
        }

        /// <summary>Inline markup, with code spans, escapes and URLs set aside first so that nothing inside them is read as markup.</summary>
        private static string RenderInline(string text)
        {
            var protectedTexts = new List<string>();
            string Protect(string value)
            {
                protectedTexts.Add(value);
                return "\u0001" + (protectedTexts.Count - 1).ToString(CultureInfo.InvariantCulture) + "\u0002";
            }

            text = CodeSpan().Replace(text, match => Protect(TrimCodeSpan(match.Groups["code"].Value)));
            text = BackslashEscape().Replace(text, match => Protect(match.Groups["char"].Value));
            text = AutoLink().Replace(text, match => Protect(match.Groups["url"].Value));
            text = InlineLink().Replace(text, match =>
            {
                var label = match.Groups["label"].Value;
                var url = match.Groups["url"].Value;
                return label.Length == 0 || label == url ? Protect(url) : $"{label} ({Protect(url)})";
            });
            text = ReferenceLink().Replace(text, match => match.Groups["label"].Value);

            string previous;
            do
            {
                previous = text;
                text = StrongEmphasis().Replace(text, match => match.Groups["text"].Value);
                text = StarEmphasis().Replace(text, match => match.Groups["text"].Value);
                text = UnderscoreEmphasis().Replace(text, match => match.Groups["text"].Value);
                text = Strikethrough().Replace(text, match => match.Groups["text"].Value);
            }
            while (text != previous);

            return ProtectedText().Replace(text, match => protectedTexts[int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture)]);
        }

        /// <summary>CommonMark strips one space on each side of a code span when both are there, so that <c>`` `x` ``</c> can be written.</summary>
        private static string TrimCodeSpan(string code) =>
            code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && code.Trim().Length > 0 ? code[1..^1] : code;

        private static IEnumerable<string> RenderTable(List<string> rows)
        {
            var header = SplitRow(rows[0]);
            var bodyRows = rows.Skip(2).Select(SplitRow).ToList();
            for (var r = 0; r < bodyRows.Count; r++)
            {
                if (r > 0)
                {
                    yield return string.Empty;
                }

                var cells = bodyRows[r];
                for (var c = 0; c < cells.Count; c++)
                {
                    var name = c < header.Count ? header[c] : string.Empty;
                    yield return name.Length == 0 ? cells[c] : $"{name}: {cells[c]}";
                }
            }
        }

        private static List<string> SplitRow(string row)
        {
            var trimmed = row.Trim();
            if (trimmed.StartsWith('|'))
            {
                trimmed = trimmed[1..];
            }

            if (trimmed.EndsWith('|') && !trimmed.EndsWith("\\|", System.StringComparison.Ordinal))
            {
                trimmed = trimmed[..^1];
            }

            return UnescapedPipe().Split(trimmed).Select(cell => RenderInline(cell.Trim())).ToList();
        }

        private static bool IsTableStart(string[] lines, int index) =>
            lines[index].TrimStart().StartsWith('|') && index + 1 < lines.Length && TableSeparator().IsMatch(lines[index + 1]);

        private static bool IsFenceClose(string line, string fence)
        {
            var close = FenceClose().Match(line);
            return close.Success && close.Groups["fence"].Value[0] == fence[0] && close.Groups["fence"].Value.Length >= fence.Length;
        }

        private static string StripHtmlComments(string line, ref bool inComment, out bool hadComment)
        {
            hadComment = false;
            var kept = new StringBuilder();
            var position = 0;
            while (position < line.Length)
            {
                if (inComment)
                {
                    hadComment = true;
                    var end = line.IndexOf("-->", position, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return kept.ToString();
                    }

                    inComment = false;
                    position = end + 3;
                }
                else
                {
                    var start = line.IndexOf("<!--", position, System.StringComparison.Ordinal);
                    if (start < 0)
                    {
                        kept.Append(line, position, line.Length - position);
                        break;
                    }

                    kept.Append(line, position, start - position);
                    inComment = true;
                    hadComment = true;
                    position = start + 4;
                }
            }

            if (inComment)
            {
                hadComment = true;
            }

            return kept.ToString();
        }

        private static IEnumerable<string> CollapseBlankLines(List<string> lines)
        {
            var started = false;
            var pendingBlank = false;
            foreach (var line in lines)
            {
                if (line.Trim().Length == 0)
                {
                    pendingBlank = started;
                    continue;
                }

                if (pendingBlank)
                {
                    yield return string.Empty;
                    pendingBlank = false;
                }

                started = true;
                yield return line;
            }
        }

        [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}(?=[^`]*$)|~{3,})")]
        private static partial Regex FenceOpen();

        [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})\s*$")]
        private static partial Regex FenceClose();

        [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:\s+(?<text>.*?))?(?:\s+#+)?\s*$")]
        private static partial Regex Heading();

        [GeneratedRegex(@"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")]
        private static partial Regex ThematicBreak();

        [GeneratedRegex(@"^ {0,3}=+\s*$")]
        private static partial Regex SetextUnderline();

        [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*+]|[0-9]{1,9}[.)])\s+(?<text>.*)$")]
        private static partial Regex ListItem();

        [GeneratedRegex(@"^ {0,3}>\s?(?<text>.*)$")]
        private static partial Regex BlockQuote();

        [GeneratedRegex(@"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")]
        private static partial Regex TableSeparator();

        [GeneratedRegex(@"(?<!\\)\|")]
        private static partial Regex UnescapedPipe();

        [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)(?<!`)\k<ticks>(?!`)")]
        private static partial Regex CodeSpan();

        [GeneratedRegex(@"\\(?<char>[!-/:-@\[-`{-~])")]
        private static partial Regex BackslashEscape();

        [GeneratedRegex(@"<(?<url>(?:https?|mailto):[^>\s]+)>")]
        private static partial Regex AutoLink();

        [GeneratedRegex(@"!?\[(?<label>[^\]]*)\]\(\s*<?(?<url>[^)\s>]*)>?(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
        private static partial Regex InlineLink();

        [GeneratedRegex(@"\[(?<label>[^\]]+)\]\[[^\]]*\]")]
        private static partial Regex ReferenceLink();

        [GeneratedRegex(@"(?<marks>\*\*|__)(?=\S)(?<text>.+?)(?<=\S)\k<marks>")]
        private static partial Regex StrongEmphasis();

        [GeneratedRegex(@"\*(?=[^\s*])(?<text>[^*]+?)(?<=[^\s*])\*")]
        private static partial Regex StarEmphasis();

        [GeneratedRegex(@"(?<![A-Za-z0-9_])_(?=[^\s_])(?<text>[^_]+?)(?<=[^\s_])_(?![A-Za-z0-9_])")]
        private static partial Regex UnderscoreEmphasis();

        [GeneratedRegex(@"~~(?=\S)(?<text>.+?)(?<=\S)~~")]
        private static partial Regex Strikethrough();

        [GeneratedRegex("\u0001(?<index>[0-9]+)\u0002")]
        private static partial Regex ProtectedText();
    }
}
