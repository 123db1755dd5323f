namespace PlatformFit.Cli
{
    /// <summary>The process exit codes, documented in the README.</summary>
    internal static class ExitCodes
    {
        /// <summary>The scan ran and found nothing at or above <c>--fail-on</c>.</summary>
        public const int Clean = 0;

        /// <summary>The scan ran and found something at or above <c>--fail-on</c>.</summary>
        public const int Findings = 1;

        /// <summary>The command line was wrong, or the scan could not run at all.</summary>
        public const int UsageOrFatal = 2;
    }
}
