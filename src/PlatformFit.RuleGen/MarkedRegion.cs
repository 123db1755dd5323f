using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// The part of a hand-written Markdown file between a begin and an end marker line, which the generator owns.
    /// Everything outside it is left exactly as written.
    /// </summary>
    internal sealed record MarkedRegion(string BeginMarker, string EndMarker)
    {
        public static MarkedRegion RuleDocBlock { get; } = new("<!-- generated: begin -->", "<!-- generated: end -->");

        public static MarkedRegion ReadmeRulesTable { get; } = new("<!-- rules: begin -->", "<!-- rules: end -->");

        /// <summary>Why the markers cannot be used (missing, repeated, out of order), or <c>null</c> when they can.</summary>
        public RuleProblem? FindProblem(string path, string text)
        {
            var lines = SplitLines(text);
            var begins = LineNumbersOf(lines, BeginMarker);
            var ends = LineNumbersOf(lines, EndMarker);
            if (begins.Count == 0 || ends.Count == 0)
            {
                var missing = begins.Count == 0 ? BeginMarker : EndMarker;
                return new RuleProblem(path, null, $"has no '{missing}' line: the generated block needs '{BeginMarker}' and '{EndMarker}', each on its own line");
            }

            if (begins.Count > 1 || ends.Count > 1)
            {
                var repeated = begins.Count > 1 ? begins : ends;
                return new RuleProblem(path, repeated[1], $"has more than one '{(begins.Count > 1 ? BeginMarker : EndMarker)}' line");
            }

            if (ends[0] < begins[0])
            {
                return new RuleProblem(path, ends[0], $"'{EndMarker}' comes before '{BeginMarker}'");
            }

            return null;
        }

        /// <summary>Puts <paramref name="body"/> between the markers, with a blank line on each side; the text must pass <see cref="FindProblem"/>.</summary>
        public string Replace(string text, string body)
        {
            var lines = SplitLines(text);
            var begin = LineNumbersOf(lines, BeginMarker).Single() - 1;
            var end = LineNumbersOf(lines, EndMarker).Single() - 1;
            var replaced = lines.Take(begin)
                .Append(BeginMarker)
                .Append(string.Empty)
                .Concat(body.Length == 0 ? Array.Empty<string>() : SplitLines(body).Append(string.Empty))
                .Append(EndMarker)
                .Concat(lines.Skip(end + 1));
            return string.Join("\n", replaced);
        }

        private static List<string> SplitLines(string text) =>
            text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();

        private static List<int> LineNumbersOf(List<string> lines, string marker) =>
            lines.Select((line, index) => (line, number: index + 1))
                .Where(candidate => candidate.line.Trim() == marker)
                .Select(candidate => candidate.number)
                .ToList();
    }
}
