using System;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>Where a rule's documentation is read: the link every report gives for a rule id.</summary>
    internal static class RuleHelpUri
    {
        /// <summary>
        /// The rule's <c>helpUri</c> as an absolute web address, or null when the rule names none. A doc named by its
        /// path in this repository (<c>rules/PF1001.md</c>) is read on GitHub.
        /// </summary>
        public static Uri? Resolve(string? helpUri)
        {
            if (string.IsNullOrWhiteSpace(helpUri))
            {
                return null;
            }

            // On Unix, "/rules/PF1001.md" parses as an absolute file: URI; only a web address is taken as it is.
            if (Uri.TryCreate(helpUri, UriKind.Absolute, out var absolute)
                && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp))
            {
                return absolute;
            }

            return new Uri(ToolIdentity.InformationUri + "/blob/main/" + helpUri.TrimStart('/'), UriKind.Absolute);
        }
    }
}
