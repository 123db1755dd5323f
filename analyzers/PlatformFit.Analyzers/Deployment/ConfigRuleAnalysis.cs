using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// How the config-only rules run inside the compiler: once per compilation, after its deployment is known, each
    /// rule's Core check runs on the units that deploy the project and its findings are reported on the config
    /// lines (external file locations). A compilation action rather than a start action with an end action: the
    /// rules look at no syntax or symbol events, and the deployment is shared with the other analyzers through
    /// <see cref="ProjectDeployment.Get"/> either way. Diagnostics on the same line with the same text — a value
    /// that several units inherit — are reported once.
    /// </summary>
    internal static class ConfigRuleAnalysis
    {
        /// <summary>The analyzer config key of the scan date (<c>PlatformFitAsOf</c>, <c>yyyy-MM-dd</c>).</summary>
        internal const string ScanDateKey = "build_property.platformfitasof";

        /// <summary>Registers <paramref name="check"/> to run once the compilation's deployment is known (the analyzer configures concurrency and generated code itself).</summary>
        public static void Register(
            AnalysisContext context,
            ImmutableArray<DiagnosticDescriptor> descriptors,
            Func<CompilationAnalysisContext, ProjectDeployment, IEnumerable<ConfigFinding>> check)
        {
            context.RegisterCompilationAction(compilation =>
            {
                var deployment = ProjectDeployment.Get(compilation.Compilation, compilation.Options, compilation.CancellationToken);
                if (deployment.Units.Count == 0)
                {
                    return;
                }

                var reported = new HashSet<(string Id, ConfigSpan Primary, string Message)>();
                foreach (var finding in check(compilation, deployment))
                {
                    var descriptor = Descriptor(descriptors, finding.Rule.Id);
                    if (descriptor is not null && reported.Add((finding.Rule.Id, finding.Primary, finding.Message)))
                    {
                        compilation.ReportDiagnostic(ToDiagnostic(descriptor, finding, deployment));
                    }
                }
            });
        }

        /// <summary>The scan date the build passes, or null (absent or malformed: the date rules stay silent).</summary>
        public static DateTime? ScanDateOf(AnalyzerOptions options) =>
            options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ScanDateKey, out var text) && ScanDate.TryParse(text, out var date)
                ? date
                : null;

        private static Diagnostic ToDiagnostic(DiagnosticDescriptor descriptor, ConfigFinding finding, ProjectDeployment deployment)
        {
            var related = new List<Location>(finding.Related.Count);
            foreach (var span in finding.Related)
            {
                related.Add(deployment.Locate(span));
            }

            var arguments = new object[finding.MessageArguments.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = finding.MessageArguments[i];
            }

            return Diagnostic.Create(descriptor, deployment.Locate(finding.Primary), related, UnitProperties.For(finding.Unit), arguments);
        }

        private static DiagnosticDescriptor? Descriptor(ImmutableArray<DiagnosticDescriptor> descriptors, string id)
        {
            foreach (var descriptor in descriptors)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            return null;
        }
    }
}
