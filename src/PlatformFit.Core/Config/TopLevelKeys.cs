using System.Collections.Generic;
using PlatformFit.Core.Config.Json;

namespace PlatformFit.Core.Config
{
    /// <summary>
    /// The top-level keys of a YAML or JSON text, found without parsing it: what a host asks of every file to tell
    /// a deployment config by its content (a CloudFormation template, a Serverless service under another name).
    /// </summary>
    internal static class TopLevelKeys
    {
        /// <summary>How much of a file the content checks look at.</summary>
        public const int SniffCharacters = 8 * 1024;

        public static string Window(string text) => text.Length > SniffCharacters ? text.Substring(0, SniffCharacters) : text;

        /// <summary>The top-level keys of <paramref name="window"/>, in order, as JSON or as YAML by its first character.</summary>
        public static List<Key> Of(string window) => LenientJson.LooksLikeJson(window) ? JsonKeys(window) : YamlKeys(window);

        /// <summary>A top-level key: its name, where its line starts and where its value starts.</summary>
        public readonly struct Key
        {
            public Key(string name, int offset, int valueOffset)
            {
                Name = name;
                Offset = offset;
                ValueOffset = valueOffset;
            }

            public string Name { get; }

            public int Offset { get; }

            public int ValueOffset { get; }
        }

        /// <summary>Keys that start a line at column 1 (optionally quoted), in order.</summary>
        private static List<Key> YamlKeys(string text)
        {
            var keys = new List<Key>();
            var lineStart = 0;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = text.Length;
                }

                var start = lineStart < text.Length && text[lineStart] == '\uFEFF' ? lineStart + 1 : lineStart;
                if (start < lineEnd && text[start] is not (' ' or '\t' or '#' or '-' or '%' or '\r'))
                {
                    var quote = text[start] is '"' or '\'' ? text[start] : '\0';
                    var nameStart = quote == '\0' ? start : start + 1;
                    var nameEnd = quote == '\0' ? text.IndexOf(':', nameStart, lineEnd - nameStart) : text.IndexOf(quote, nameStart, lineEnd - nameStart);
                    if (nameEnd > nameStart)
                    {
                        var colon = text.IndexOf(':', nameEnd, lineEnd - nameEnd);
                        if (colon >= 0)
                        {
                            keys.Add(new Key(text.Substring(nameStart, nameEnd - nameStart).Trim(), start, colon + 1));
                        }
                    }
                }

                lineStart = lineEnd + 1;
            }

            return keys;
        }

        /// <summary>Keys of the outermost JSON object, in order, skipping strings and nested values.</summary>
        private static List<Key> JsonKeys(string text)
        {
            var keys = new List<Key>();
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']')
                {
                    depth--;
                }
                else if (c == '"')
                {
                    var start = i;
                    i++;
                    while (i < text.Length && text[i] != '"')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    if (depth != 1 || i >= text.Length)
                    {
                        continue;
                    }

                    var after = i + 1;
                    while (after < text.Length && char.IsWhiteSpace(text[after]))
                    {
                        after++;
                    }

                    if (after < text.Length && text[after] == ':')
                    {
                        keys.Add(new Key(text.Substring(start + 1, i - start - 1), start, after + 1));
                    }
                }
            }

            return keys;
        }
    }
}
