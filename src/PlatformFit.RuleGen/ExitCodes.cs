namespace PlatformFit.RuleGen
{
    /// <summary>What the generator's exit code means; CI reads it.</summary>
    internal static class ExitCodes
    {
        /// <summary>The generated files were written, or (<c>--check</c>) are already up to date.</summary>
        public const int Success = 0;

        /// <summary><c>--check</c> only: at least one generated file differs from what the rules produce.</summary>
        public const int OutOfDate = 1;

        /// <summary>A rule file is invalid, the arguments are wrong, or the root holds no <c>rules/</c>.</summary>
        public const int InvalidInput = 2;
    }
}
