using System;
using System.Collections.Generic;
using System.Text;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>
    /// One GitHub Actions workflow command, <c>::name key=value,key=value::data</c>, written exactly as the runner
    /// reads it back. The encoding is the one of <c>@actions/core</c> (actions/toolkit, packages/core/src/command.ts,
    /// <c>escapeData</c> and <c>escapeProperty</c>), whose inverse is <c>UnescapeData</c> / <c>UnescapeProperty</c> in
    /// actions/runner, src/Runner.Common/ActionCommand.cs:
    /// <list type="bullet">
    /// <item>data: <c>%</c> → <c>%25</c>, <c>\r</c> → <c>%0D</c>, <c>\n</c> → <c>%0A</c>;</item>
    /// <item>property values: the same, and <c>:</c> → <c>%3A</c>, <c>,</c> → <c>%2C</c>.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// The runner reads a command per line and splits it at the first <c>::</c> after the name, then the properties
    /// at every <c>,</c>; so a raw line break in a message from the scanned code would end the command and let the
    /// rest of the line be read as a new one, and a raw <c>:</c> or <c>,</c> in a path would cut a property short.
    /// <c>%</c> is escaped first, so that a literal <c>%0A</c> in a message comes back as the four characters it was.
    /// </remarks>
    internal static class WorkflowCommand
    {
        private const string Separator = "::";

        /// <summary>
        /// <c>::error file=a.cs,line=1::message</c>, without a line end. Properties keep their order; a property whose
        /// value is null or empty is left out, as the toolkit does.
        /// </summary>
        public static string Format(string name, IEnumerable<KeyValuePair<string, string?>> properties, string data)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(properties);

            var command = new StringBuilder(Separator).Append(name);
            var first = true;
            foreach (var (key, value) in properties)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                command.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(value));
                first = false;
            }

            return command.Append(Separator).Append(EscapeData(data)).ToString();
        }

        /// <summary>The command's data (the message): <c>%</c>, <c>\r</c> and <c>\n</c> percent-encoded.</summary>
        public static string EscapeData(string data)
        {
            ArgumentNullException.ThrowIfNull(data);
            return data
                .Replace("%", "%25", StringComparison.Ordinal)
                .Replace("\r", "%0D", StringComparison.Ordinal)
                .Replace("\n", "%0A", StringComparison.Ordinal);
        }

        /// <summary>A property value: as data, and <c>:</c> and <c>,</c> too, which delimit properties.</summary>
        public static string EscapeProperty(string value) =>
            EscapeData(value)
                .Replace(":", "%3A", StringComparison.Ordinal)
                .Replace(",", "%2C", StringComparison.Ordinal);
    }
}
