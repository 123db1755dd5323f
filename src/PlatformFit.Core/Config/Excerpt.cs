namespace PlatformFit.Core.Config
{
    /// <summary>A config value quoted in a message or a problem: cut with "..." past a length.</summary>
    internal static class Excerpt
    {
        public static string Of(string? text, int maxLength) =>
            text is null ? string.Empty : text.Length <= maxLength ? text : text.Substring(0, maxLength - 3) + "...";
    }
}
