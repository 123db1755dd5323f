namespace PlatformFit.Core.Model
{
    /// <summary>How bad a problem reading a config file is.</summary>
    public enum ProblemLevel
    {
        /// <summary>The file or a part of it could not be read: whatever it declares is missing from the scan.</summary>
        Error,

        /// <summary>The file was read, but something in it was skipped or could not be evaluated.</summary>
        Warning,

        /// <summary>Worth knowing in verbose output.</summary>
        Note,
    }

    /// <summary>
    /// A problem reading a config file (malformed YAML, a reference cycle, a file too large): reported to the user
    /// with the file and line, never thrown. The rest of the scan goes on.
    /// </summary>
    public sealed record ConfigProblem(string Path, int Line, int Column, ProblemLevel Level, string Message)
    {
        public override string ToString() => $"{Path}({Line},{Column}): {Level.ToString().ToLowerInvariant()}: {Message}";
    }
}
