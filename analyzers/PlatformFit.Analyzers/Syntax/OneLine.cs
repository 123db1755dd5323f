using System;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Syntax
{
    /// <summary>Code quoted in a message: on one line, whitespace collapsed, cut with "..." past a length.</summary>
    internal static class OneLine
    {
        private static readonly char[] Whitespace = { '\r', '\n', ' ', '\t' };

        public static string Of(SyntaxNode node, int maxLength)
        {
            var text = string.Join(" ", node.ToString().Split(Whitespace, StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= maxLength ? text : text.Substring(0, maxLength - 3) + "...";
        }
    }
}
