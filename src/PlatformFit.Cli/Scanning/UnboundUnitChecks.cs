using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PlatformFit.Cli.Analysis;
using PlatformFit.Cli.Discovery;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Cli.Scanning
{
    /// <summary>
    /// The config-only rules for deployment units that no project of the repository binds to — a serverless.yml
    /// whose code lives elsewhere, or whose handler names an assembly no project builds — which no analyzer run
    /// sees. The checks are the ones the analyzers run (Core's <see cref="ProjectIndependentChecks"/>), formatted with
    /// the same message formats and located the same way, so a unit gives the same findings with or without its
    /// project; a .NET handler whose assembly no project builds is PF4005, with the nearest assembly name.
    /// </summary>
    internal static class UnboundUnitChecks
    {
        public static List<Finding> Run(RepositoryFiles files, IReadOnlyList<ConfigReadResult> configs, System.DateTime? asOf, AnalyzerConfiguration analyzerConfiguration)
        {
            var root = files.Root;

            // The binder's view of every project, as the project scan sees it (reading .csproj files is cheap and
            // keeps this pass independent of how projects are analysed).
            var projects = files.Projects.Select(p => CsprojReader.Read(p, root)).ToList();
            var bound = new HashSet<DeploymentUnit>();
            foreach (var project in projects)
            {
                foreach (var unit in DeploymentBinder.UnitsOf(new ProjectIdentity(project.AssemblyName, project.ProjectDirectory), configs))
                {
                    bound.Add(unit.Unit);
                }
            }

            var assemblyNames = projects.Select(p => p.AssemblyName).Distinct(System.StringComparer.Ordinal).ToList();
            ConfigSpanDisplay display = span => span.ToDisplayString(RepositoryWalker.Relative(root, span.Path));
            var unbound = configs.SelectMany(c => c.Units).Where(u => !bound.Contains(u)).ToList();
            var checks = ProjectIndependentChecks.CheckAll(unbound, asOf, display)
                .Concat(unbound.Select(unit => UnresolvedHandler.CheckAssemblyIsBuilt(unit, assemblyNames)).OfType<ConfigFinding>());
            var findings = new List<Finding>();
            foreach (var check in checks)
            {
                if (ToFinding(root, check, analyzerConfiguration) is { } finding)
                {
                    findings.Add(finding);
                }
            }

            return findings;
        }

        private static Finding? ToFinding(string root, ConfigFinding finding, AnalyzerConfiguration analyzerConfiguration)
        {
            var level = Level(finding.Rule, analyzerConfiguration.GlobalSeverity(finding.Rule.Id));
            if (level is null)
            {
                return null;
            }

            var related = new List<RelatedLocation>(finding.Related.Count);
            foreach (var span in finding.Related)
            {
                var place = Location(root, span);
                related.Add(new RelatedLocation(related.Count + 1, place, $"{place.Path}({place.StartLine},{place.StartColumn})"));
            }

            return new Finding(finding.Rule.Id, level.Value, finding.Message, Location(root, finding.Primary))
            {
                Related = related,
                Unit = finding.Unit.Name,
                Platform = finding.Unit.Platform,
            };
        }

        /// <summary>The rule's default level, unless a global analyzer config changes it, as the compiler does.</summary>
        private static FindingLevel? Level(RuleMetadata rule, ReportDiagnostic? configured) => configured switch
        {
            ReportDiagnostic.Error => FindingLevel.Error,
            ReportDiagnostic.Warn => FindingLevel.Warning,
            ReportDiagnostic.Info => FindingLevel.Note,
            ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => null,
            _ => rule.DefaultSeverity switch
            {
                RuleSeverity.Error => FindingLevel.Error,
                RuleSeverity.Warning => FindingLevel.Warning,
                _ => FindingLevel.Note,
            },
        };

        private static SourceLocation Location(string root, ConfigSpan span) =>
            new(RepositoryWalker.Relative(root, span.Path), span.StartLine, span.StartColumn, span.EndLine, span.EndColumn);
    }
}
