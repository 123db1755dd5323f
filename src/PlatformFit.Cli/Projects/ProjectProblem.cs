using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// Something the project loader could not read, evaluate or find: a malformed project file, an unrestored package,
    /// a skipped file. Returned as data, never thrown, so one broken project never stops a scan.
    /// </summary>
    /// <param name="Path">The file it is about, as given to the loader (absolute, inside the scanned repository).</param>
    /// <param name="Line">1-based; 0 when the problem is about the whole file.</param>
    /// <param name="Column">1-based; 0 when unknown.</param>
    /// <param name="Level">Error: what the file declares is missing from the scan. Warning: part of it was skipped. Note: verbose output only.</param>
    /// <param name="Message">For people; names no absolute path of the scanning machine.</param>
    internal sealed record ProjectProblem(string Path, int Line, int Column, ProblemLevel Level, string Message)
    {
        public bool IsError => Level == ProblemLevel.Error;

        public static ProjectProblem Error(string path, string message, int line = 0, int column = 0) =>
            new(path, line, column, ProblemLevel.Error, message);

        public static ProjectProblem Warning(string path, string message, int line = 0, int column = 0) =>
            new(path, line, column, ProblemLevel.Warning, message);

        public static ProjectProblem Note(string path, string message, int line = 0, int column = 0) =>
            new(path, line, column, ProblemLevel.Note, message);

        public override string ToString() =>
            $"{Path}({Line},{Column}): {Level.ToString().ToLowerInvariant()}: {Message}";
    }
}
