using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// Builds a code × config diagnostic the way every host reads it: the primary location is the code and the
    /// additional locations are the config lines that make it a problem (what the IDE shows next to the
    /// squiggle). The call path from the unit's entry point to the code travels in the properties — one
    /// <c>flow.N</c> entry per step, <c>path|line|column|endLine|endColumn|message</c> with 1-based positions —
    /// for the CLI to write as a SARIF code flow.
    /// </summary>
    internal static class UnitFinding
    {
        public const string FlowCount = "flow.count";
        public const string FlowStepPrefix = "flow.";
        public const char FlowSeparator = '|';

        public static Diagnostic Create(
            DiagnosticDescriptor descriptor,
            Location primary,
            DeploymentUnit unit,
            IReadOnlyList<ConfigSpan> related,
            IReadOnlyList<FlowStep> path,
            string traitMessage,
            params object[] messageArguments)
        {
            var locations = new List<Location>(related.Count);
            foreach (var span in related)
            {
                locations.Add(ProjectDeployment.LocationOf(span));
            }

            var properties = UnitProperties.For(unit).ToBuilder();
            var steps = 0;
            if (path.Count > 0)
            {
                foreach (var step in path)
                {
                    properties[FlowStepPrefix + steps++.ToString(CultureInfo.InvariantCulture)] = Encode(step.Location, step.Message);
                }

                properties[FlowStepPrefix + steps++.ToString(CultureInfo.InvariantCulture)] = Encode(primary, traitMessage);
            }

            properties[FlowCount] = steps.ToString(CultureInfo.InvariantCulture);
            return Diagnostic.Create(descriptor, primary, locations, properties.ToImmutable(), messageArguments);
        }

        private static string Encode(Location location, string message)
        {
            var span = location.GetLineSpan();
            return string.Join(
                FlowSeparator.ToString(),
                span.Path,
                (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture),
                (span.StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture),
                (span.EndLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture),
                (span.EndLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture),
                message);
        }
    }
}
