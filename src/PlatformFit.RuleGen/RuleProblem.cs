namespace PlatformFit.RuleGen
{
    /// <summary>Something wrong with a rule file, named by its repository-relative path and, when known, its line.</summary>
    internal sealed record RuleProblem(string Path, int? Line, string Message)
    {
        /// <summary>The compiler's shape, so that editors and CI logs make it clickable.</summary>
        public override string ToString() => Line is int line
            ? $"{Path}({line}): error: {Message}"
            : $"{Path}: error: {Message}";
    }
}
