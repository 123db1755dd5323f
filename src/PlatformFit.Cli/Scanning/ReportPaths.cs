using System.Linq;

namespace PlatformFit.Cli.Scanning
{
    /// <summary>
    /// Moves a scan result's paths from "relative to the scanned folder" to "relative to an enclosing folder"
    /// (<c>--paths-relative-to</c>): GitHub places code-scanning alerts by path from the repository root, so a scan
    /// of <c>services/api</c> must report <c>services/api/src/Program.cs</c>.
    /// </summary>
    internal static class ReportPaths
    {
        public static ScanResult Prefix(ScanResult result, string prefix)
        {
            if (prefix.Length == 0)
            {
                return result;
            }

            var findings = result.Findings.Select(f => f with
            {
                Primary = Move(f.Primary, prefix),
                Related = f.Related.Select(r => r with { Location = Move(r.Location, prefix), Label = prefix + r.Label }).ToList(),
                Flow = f.Flow.Select(s => s with { Location = Move(s.Location, prefix) }).ToList(),
                Message = f.Related.Aggregate(f.Message, (message, r) => message.Replace(r.Label, prefix + r.Label, System.StringComparison.Ordinal)),
            }).ToList();
            var notifications = result.Notifications.Select(n => n with
            {
                Location = n.Location is null ? null : Move(n.Location, prefix),
                Message = n.Location is null ? n.Message : n.Message.Replace(n.Location.Path, prefix + n.Location.Path, System.StringComparison.Ordinal),
            }).ToList();
            return new ScanResult(result.Rules, findings, notifications) { ExecutionSuccessful = result.ExecutionSuccessful };
        }

        private static SourceLocation Move(SourceLocation location, string prefix) => location with { Path = prefix + location.Path };
    }
}
