namespace PlatformFit.Cli.Commands
{
    /// <summary>How <c>platformfit scan</c> writes its findings.</summary>
    internal enum OutputFormat
    {
        /// <summary>Compiler-style lines (<c>path(line,col): error PF1001: …</c>) and a summary.</summary>
        Text,

        /// <summary>SARIF 2.1.0, ready for GitHub code scanning.</summary>
        Sarif,

        /// <summary>GitHub Actions workflow commands (<c>::error file=…,line=…::…</c>): annotations without code scanning.</summary>
        Github,

        /// <summary>A markdown summary to post to a pull request, a job summary or a chat.</summary>
        Markdown,
    }

    /// <summary>When the text report is coloured.</summary>
    internal enum ColorMode
    {
        /// <summary>Only when standard output is a terminal and the user has not opted out (<c>NO_COLOR</c>, <c>TERM=dumb</c>).</summary>
        Auto,

        /// <summary>Always, e.g. in a CI log that renders ANSI colours though it is no terminal.</summary>
        Always,

        /// <summary>Never.</summary>
        Never,
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
