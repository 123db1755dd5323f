using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Values
{
    /// <summary>How a message names a place in the code, compiler-style and without the machine's folders: <c>Function.cs(14,26)</c>.</summary>
    internal static class CodePlace
    {
        public static string Of(Location location)
        {
            var span = location.GetLineSpan();
            var path = span.Path ?? string.Empty;
            var name = path.Substring(System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            return $"{name}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        }
    }
}
