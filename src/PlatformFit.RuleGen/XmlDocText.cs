using System;

namespace PlatformFit.RuleGen
{
    /// <summary>Puts rule text inside a generated <c>/// &lt;summary&gt;</c> without breaking the XML.</summary>
    internal static class XmlDocText
    {
        public static string Escape(string text) => text
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }
}
