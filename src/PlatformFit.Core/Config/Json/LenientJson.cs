namespace PlatformFit.Core.Config.Json
{
    /// <summary>
    /// JSON as people write it, made readable by the YAML loader without moving a single character: the loader
    /// reads JSON as YAML flow syntax, but <c>//</c> and <c>/* */</c> comments (which the .NET Lambda tools accept,
    /// and which some <c>serverless.template</c> files carry) are not YAML, and tabs are risky in YAML. Both are
    /// replaced by spaces outside strings, line breaks kept, so every offset, line and column stays the same.
    /// </summary>
    internal static class LenientJson
    {
        /// <summary>Whether the text is JSON rather than YAML: its first significant character opens an object or array.</summary>
        public static bool LooksLikeJson(string text)
        {
            foreach (var c in text)
            {
                if (c == '\uFEFF' || char.IsWhiteSpace(c))
                {
                    continue;
                }

                return c == '{' || c == '[';
            }

            return false;
        }

        /// <summary>
        /// The text with comments and tabs outside strings blanked. <paramref name="unterminatedComment"/> is the
        /// offset of a <c>/*</c> that never closes (blanked to the end), or -1.
        /// </summary>
        public static string BlankCommentsAndTabs(string text, out int unterminatedComment)
        {
            unterminatedComment = -1;
            if (text.IndexOf('/') < 0 && text.IndexOf('\t') < 0)
            {
                return text;
            }

            var chars = text.ToCharArray();
            var inString = false;
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c == '\t')
                {
                    chars[i] = ' ';
                }
                else if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '/')
                {
                    while (i < chars.Length && chars[i] != '\n' && chars[i] != '\r')
                    {
                        chars[i++] = ' ';
                    }
                }
                else if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
                {
                    var start = i;
                    chars[i++] = ' ';
                    chars[i++] = ' ';
                    while (i < chars.Length && !(chars[i] == '*' && i + 1 < chars.Length && chars[i + 1] == '/'))
                    {
                        Blank(chars, i++);
                    }

                    if (i >= chars.Length)
                    {
                        unterminatedComment = start;
                        break;
                    }

                    chars[i++] = ' ';
                    chars[i] = ' ';
                }
            }

            return new string(chars);
        }

        private static void Blank(char[] chars, int index)
        {
            if (chars[index] != '\n' && chars[index] != '\r')
            {
                chars[index] = ' ';
            }
        }
    }
}
