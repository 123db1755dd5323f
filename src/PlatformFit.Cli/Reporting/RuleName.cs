using System.Text;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>SARIF's <c>reportingDescriptor.name</c>: the rule's title as one PascalCase identifier.</summary>
    internal static class RuleName
    {
        /// <summary><c>WebSocket server behind a front door</c> → <c>WebSocketServerBehindAFrontDoor</c>: words keep their inner capitals.</summary>
        public static string FromTitle(string title)
        {
            var name = new StringBuilder(title.Length);
            var startOfWord = true;
            foreach (var character in title)
            {
                // "function's" is one word: FunctionsTimeout, not FunctionSTimeout.
                if (character is '\'' or '\u2019')
                {
                    continue;
                }

                if (!char.IsLetterOrDigit(character))
                {
                    startOfWord = true;
                    continue;
                }

                name.Append(startOfWord ? char.ToUpperInvariant(character) : character);
                startOfWord = false;
            }

            return name.ToString();
        }
    }
}
