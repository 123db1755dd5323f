using System.Collections.Generic;
using System.Globalization;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>
    /// The <c>partialFingerprints.primaryLocationLineHash</c> of every line of a file, computed exactly as
    /// github/codeql-action's upload-sarif computes it (src/fingerprints.ts, <c>hash</c>): GitHub fills the value in
    /// when a SARIF file lacks it and warns when a supplied value differs, so the two must agree bit for bit.
    /// </summary>
    /// <remarks>
    /// The algorithm: a polynomial rolling hash (base 37, 64-bit wrap-around) over a window of the next 100
    /// characters starting at each line's first character, where spaces and tabs are skipped and <c>\r</c>,
    /// <c>\n</c> and <c>\r\n</c> all count as one <c>\n</c>. The end of the file adds the character 65535 and
    /// enough zeros to fill the window. Equal hashes are told apart by a 1-based occurrence count, in line order:
    /// <c>hash:occurrence</c>. Because the window reaches 100 significant characters ahead, a line's hash
    /// depends on that line and the text just below it, never on anything above it: inserting lines above a
    /// finding moves it without changing its hash.
    /// </remarks>
    internal static class PrimaryLocationLineHash
    {
        private const int WindowSize = 100;
        private const ulong Base = 37;
        private const char EndOfFile = (char)65535;

        // Base^WindowSize: the weight of the character that leaves the window.
        private static readonly ulong s_leavingWeight = ComputeLeavingWeight();

        /// <summary>
        /// The hash of every line; element 0 is line 1. The text is the file as decoded from UTF-8 with a
        /// leading byte-order mark kept (Node keeps it, so it is part of line 1's hash upstream too).
        /// A file of n line breaks has n + 1 lines, as the reference counts them.
        /// </summary>
        public static IReadOnlyList<string> ForEveryLine(string text)
        {
            var hashes = new List<string>();
            var window = new char[WindowSize];
            var lineStartingAt = new int[WindowSize];
            for (var i = 0; i < WindowSize; i++)
            {
                lineStartingAt[i] = -1;
            }

            var occurrences = new Dictionary<string, int>(System.StringComparer.Ordinal);
            ulong hash = 0;
            var index = 0;
            var lineNumber = 0;
            var atLineStart = true;
            var previousWasCarriageReturn = false;

            void Emit()
            {
                var hex = hash.ToString("x", CultureInfo.InvariantCulture);
                occurrences.TryGetValue(hex, out var seen);
                occurrences[hex] = seen + 1;

                // Lines complete in order, so the list index is the line number - 1.
                hashes.Add(hex + ":" + (seen + 1).ToString(CultureInfo.InvariantCulture));
                lineStartingAt[index] = -1;
            }

            void Push(char current)
            {
                var leaving = window[index];
                window[index] = current;
                unchecked
                {
                    hash = (Base * hash) + current - (s_leavingWeight * leaving);
                }

                index = (index + 1) % WindowSize;
            }

            void Process(char current)
            {
                if (current == ' ' || current == '\t' || (previousWasCarriageReturn && current == '\n'))
                {
                    previousWasCarriageReturn = false;
                    return;
                }

                if (current == '\r')
                {
                    current = '\n';
                    previousWasCarriageReturn = true;
                }
                else
                {
                    previousWasCarriageReturn = false;
                }

                if (lineStartingAt[index] != -1)
                {
                    Emit();
                }

                if (atLineStart)
                {
                    atLineStart = false;
                    lineNumber++;
                    lineStartingAt[index] = lineNumber;
                }

                if (current == '\n')
                {
                    atLineStart = true;
                }

                Push(current);
            }

            foreach (var character in text)
            {
                Process(character);
            }

            Process(EndOfFile);
            for (var i = 0; i < WindowSize; i++)
            {
                if (lineStartingAt[index] != -1)
                {
                    Emit();
                }

                Push('\0');
            }

            return hashes;
        }

        private static ulong ComputeLeavingWeight()
        {
            ulong weight = 1;
            for (var i = 0; i < WindowSize; i++)
            {
                unchecked
                {
                    weight *= Base;
                }
            }

            return weight;
        }
    }
}
