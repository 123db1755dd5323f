using System;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>What the SARIF report includes beyond GitHub's defaults.</summary>
    internal sealed record SarifReportOptions
    {
        /// <summary>GitHub code scanning rejects a run with more results than this.</summary>
        public const int GitHubResultsPerRun = 25_000;

        /// <summary>Write suppressed findings, each with its <c>suppressions</c> entry (GitHub shows them as dismissed).</summary>
        public bool IncludeSuppressed { get; init; }

        /// <summary>When set, <c>invocations[0]</c> carries these start and end times; absent by default so the output is byte-identical for the same input.</summary>
        public ScanTimes? Timestamps { get; init; }

        /// <summary>The most results one run carries; the least severe beyond it are dropped with a notification saying how many.</summary>
        public int ResultLimit { get; init; } = GitHubResultsPerRun;
    }

    /// <summary>When the scan started and ended, measured by the caller: the writer never reads the clock.</summary>
    internal sealed record ScanTimes(DateTimeOffset Start, DateTimeOffset End);
}
