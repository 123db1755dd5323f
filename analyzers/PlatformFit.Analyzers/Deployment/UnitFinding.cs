using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

        /// <summary>The related locations a finding carries at most: one config line per unit that runs the code.</summary>
        public const int MaxRelated = 10;

        /// <summary>
        /// Reports the finding at a site on the first of the units that reach it (they come in config order): its call
        /// path (<paramref name="unitOf"/>) becomes the code flow, and the config lines that make the code a problem for
        /// each unit (<paramref name="relatedOf"/>: its declaration, a limit, a front door), the first included, the
        /// related locations, each once (units that inherit a shared value share its line); the message's arguments come from the first. Nothing is reported when no unit reaches the site.
        /// </summary>
        public static void ReportFirst<T>(
            SyntaxNodeAnalysisContext context,
            DiagnosticDescriptor descriptor,
            Location primary,
            IReadOnlyList<T> reaching,
            Func<T, ReachingUnit> unitOf,
            Func<T, ConfigSpan> relatedOf,
            string traitMessage,
            Func<T, object[]> messageArguments)
        {
            if (reaching.Count == 0)
            {
                return;
            }

            var first = unitOf(reaching[0]);
            context.ReportDiagnostic(Create(
                descriptor,
                primary,
                first.Unit.Unit,
                reaching.Select(relatedOf).Distinct().Take(MaxRelated).ToList(),
                first.Path,
                traitMessage,
                messageArguments(reaching[0])));
        }

        /// <inheritdoc cref="ReportFirst{T}"/>
        public static void ReportFirst(
            SyntaxNodeAnalysisContext context,
            DiagnosticDescriptor descriptor,
            Location primary,
            IReadOnlyList<ReachingUnit> reaching,
            Func<ReachingUnit, ConfigSpan> relatedOf,
            string traitMessage,
            Func<ReachingUnit, object[]> messageArguments) =>
            ReportFirst(context, descriptor, primary, reaching, r => r, relatedOf, traitMessage, messageArguments);

        /// <summary>The config line that declares the unit: the related location of a rule about the code the unit runs.</summary>
        public static ConfigSpan DeclarationOf(ReachingUnit reaching) => reaching.Unit.Unit.Declaration;

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
