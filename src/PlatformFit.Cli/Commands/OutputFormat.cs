namespace PlatformFit.Cli.Commands
{
    /// <summary>How <c>platformfit scan</c> writes its findings.</summary>
    internal enum OutputFormat
    {
        /// <summary>Compiler-style lines (<c>path(line,col): error PF1001: …</c>) and a summary.</summary>
        Text,

        /// <summary>SARIF 2.1.0, ready for GitHub code scanning.</summary>
        Sarif,
    }

    /// <summary>The lowest level of finding that makes the scan fail (exit code 1).</summary>
    internal enum FailLevel
    {
        Error,
        Warning,
        Note,
        None,
    }
}
