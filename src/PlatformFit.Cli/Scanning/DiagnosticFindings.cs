using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.CodeAnalysis;
using PlatformFit.Cli.Discovery;

namespace PlatformFit.Cli.Scanning
{
    /// <summary>
    /// Turns the analyzers' Roslyn diagnostics into findings: repository-relative locations, the additional
    /// locations (config lines) as related locations named the way the message names them, and the deployment
    /// unit from the diagnostic's properties.
    /// </summary>
    internal static class DiagnosticFindings
    {
        public static Finding? ToFinding(string root, Diagnostic diagnostic)
        {
            var level = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => FindingLevel.Error,
                DiagnosticSeverity.Warning => FindingLevel.Warning,
                DiagnosticSeverity.Info => FindingLevel.Note,
                _ => (FindingLevel?)null,
            };
            var primary = ToLocation(root, diagnostic.Location);
            if (level is null || primary is null)
            {
                return null;
            }

            var related = new List<RelatedLocation>();
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (ToLocation(root, location) is { } place)
                {
                    related.Add(new RelatedLocation(related.Count + 1, place, $"{place.Path}({place.StartLine},{place.StartColumn})"));
                }
            }

            var flow = FlowOf(root, diagnostic);
            diagnostic.Properties.TryGetValue("unit", out var unit);
            diagnostic.Properties.TryGetValue("platform", out var platform);
            return new Finding(diagnostic.Id, level.Value, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), primary)
            {
                Related = related,
                Flow = flow,
                Unit = unit,
                Platform = platform,
                Suppression = diagnostic.IsSuppressed ? new FindingSuppression("inSource", null) : null,
            };
        }

        /// <summary>The call path the analyzer encoded in the properties (see the analyzers' UnitFinding).</summary>
        private static List<FlowStep> FlowOf(string root, Diagnostic diagnostic)
        {
            var steps = new List<FlowStep>();
            if (!diagnostic.Properties.TryGetValue("flow.count", out var countText) || !int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                return steps;
            }

            for (var index = 0; index < count; index++)
            {
                if (!diagnostic.Properties.TryGetValue("flow." + index.ToString(CultureInfo.InvariantCulture), out var encoded) || encoded is null)
                {
                    continue;
                }

                var parts = encoded.Split('|', 6);
                if (parts.Length == 6 &&
                    int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var line) &&
                    int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var column) &&
                    int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var endLine) &&
                    int.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var endColumn))
                {
                    var path = Path.IsPathRooted(parts[0]) ? RepositoryWalker.Relative(root, parts[0]) : parts[0].Replace('\\', '/');
                    steps.Add(new FlowStep(new SourceLocation(path, line, column, endLine, endColumn), parts[5]));
                }
            }

            return steps;
        }

        private static SourceLocation? ToLocation(string root, Location location)
        {
            if (location.Kind is not (LocationKind.SourceFile or LocationKind.ExternalFile))
            {
                return null;
            }

            var span = location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                return null;
            }

            var path = Path.IsPathRooted(span.Path) ? RepositoryWalker.Relative(root, span.Path) : span.Path.Replace('\\', '/');
            return new SourceLocation(
                path,
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1);
        }
    }
}
