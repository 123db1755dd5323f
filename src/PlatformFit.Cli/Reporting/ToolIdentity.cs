using System.Reflection;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>How PlatformFit names itself in its reports.</summary>
    internal static class ToolIdentity
    {
        public const string Name = "PlatformFit";

        public const string InformationUri = "https://github.com/platformfit/platformfit";

        /// <summary>
        /// The version the package was built as, e.g. <c>0.1.0</c> or <c>0.2.0-beta.1</c>. The SDK appends
        /// <c>+commit</c> to the informational version; that is dropped so that two builds of one release
        /// report the same version.
        /// </summary>
        public static string SemanticVersion { get; } = ReadSemanticVersion();

        private static string ReadSemanticVersion()
        {
            var assembly = typeof(ToolIdentity).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString(3)
                ?? "0.0.0";
            var buildMetadata = informational.IndexOf('+', System.StringComparison.Ordinal);
            return buildMetadata < 0 ? informational : informational.Substring(0, buildMetadata);
        }
    }
}
