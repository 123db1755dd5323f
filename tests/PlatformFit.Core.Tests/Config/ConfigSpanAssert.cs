using System;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    /// <summary>
    /// Span checks that do not depend on hand-counted columns alone: the span must cover exactly the expected text,
    /// and start at the line and column where that text first occurs (after an optional anchor text).
    /// </summary>
    internal static class ConfigSpanAssert
    {
        /// <summary>The text a span covers.</summary>
        public static string TextAt(string text, ConfigSpan? span)
        {
            Assert.NotNull(span);
            Assert.InRange(span!.Start, 0, text.Length);
            Assert.InRange(span.Start + span.Length, span.Start, text.Length);
            return text.Substring(span.Start, span.Length);
        }

        /// <summary>
        /// The span covers <paramref name="expected"/>, written at its first occurrence after <paramref name="after"/>,
        /// and its line and column are that occurrence's.
        /// </summary>
        public static void Covers(string text, ConfigSpan? span, string expected, string? after = null)
        {
            Assert.Equal(expected, TextAt(text, span));
            var from = after is null ? 0 : text.IndexOf(after, StringComparison.Ordinal);
            Assert.True(from >= 0, $"'{after}' is not in the text");
            var offset = text.IndexOf(expected, from, StringComparison.Ordinal);
            Assert.Equal(offset, span!.Start);
            var (line, column) = Position(text, offset);
            Assert.Equal((line, column), (span.StartLine, span.StartColumn));
        }

        /// <summary>The 1-based line and column of an offset, counting CRLF as one line break.</summary>
        public static (int Line, int Column) Position(string text, int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            // A byte order mark is no column of its own.
            var column = offset - lineStart + 1;
            return (line, lineStart == 0 && text.Length > 0 && text[0] == '\uFEFF' ? column - 1 : column);
        }
    }
}
