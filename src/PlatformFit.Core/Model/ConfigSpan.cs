namespace PlatformFit.Core.Model
{
    /// <summary>
    /// A place in a config file: the path as the host named it, the character span (0-based offset and length
    /// into the decoded text) and the 1-based line and column of both ends, as the compiler prints them.
    /// </summary>
    public sealed record ConfigSpan(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        /// <summary>The compiler-style position, e.g. <c>serverless.yml(14,9)</c>.</summary>
        public string ToDisplayString(string displayPath) => $"{displayPath}({StartLine},{StartColumn})";

        public override string ToString() => ToDisplayString(Path);
    }
}
