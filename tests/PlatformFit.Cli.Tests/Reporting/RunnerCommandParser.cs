using System;
using System.Collections.Generic;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>
    /// How the GitHub Actions runner reads a workflow command back from a log line: a port of
    /// <c>ActionCommand.TryParseV2</c>, <c>UnescapeProperty</c> and <c>UnescapeData</c> in actions/runner,
    /// src/Runner.Common/ActionCommand.cs. The tests check the writer against this reader, not against itself.
    /// </summary>
    internal static class RunnerCommandParser
    {
        private const string CommandKey = "::";

        // Order matters: the runner replaces %25 last, so "%250A" comes back as "%0A", not as a line break.
        private static readonly (string Escaped, string Plain)[] s_dataMappings =
        {
            ("%0D", "\r"),
            ("%0A", "\n"),
            ("%25", "%"),
        };

        private static readonly (string Escaped, string Plain)[] s_propertyMappings =
        {
            ("%0D", "\r"),
            ("%0A", "\n"),
            ("%3A", ":"),
            ("%2C", ","),
            ("%25", "%"),
        };

        public sealed record ParsedCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data);

        public static ParsedCommand? TryParse(string line)
        {
            var message = line.TrimStart();
            if (!message.StartsWith(CommandKey, StringComparison.Ordinal))
            {
                return null;
            }

            var endIndex = message.IndexOf(CommandKey, CommandKey.Length, StringComparison.Ordinal);
            if (endIndex < 0)
            {
                return null;
            }

            var info = message.Substring(CommandKey.Length, endIndex - CommandKey.Length);
            var space = info.IndexOf(' ', StringComparison.Ordinal);
            var name = space < 0 ? info : info.Substring(0, space);
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (space > 0)
            {
                foreach (var property in info.Substring(space + 1).Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = property.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                    if (pair.Length == 2)
                    {
                        properties[pair[0]] = Unescape(pair[1], s_propertyMappings);
                    }
                }
            }

            return new ParsedCommand(name, properties, Unescape(message.Substring(endIndex + CommandKey.Length), s_dataMappings));
        }

        private static string Unescape(string escaped, (string Escaped, string Plain)[] mappings)
        {
            var text = escaped;
            foreach (var (from, to) in mappings)
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }

            return text;
        }
    }
}
