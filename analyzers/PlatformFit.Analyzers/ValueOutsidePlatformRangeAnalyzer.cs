using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3101: a function's memory, timeout or ephemeral storage outside the range its platform accepts, reported on
    /// the config line that sets it. The check is Core's <see cref="ValueOutsidePlatformRange"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames]
    public sealed class ValueOutsidePlatformRangeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF3101);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ConfigRuleAnalysis.Register(context, SupportedDiagnostics, (_, deployment) => Check(deployment));
        }

        private static IEnumerable<ConfigFinding> Check(ProjectDeployment deployment)
        {
            foreach (var bound in deployment.Units)
            {
                if (PlatformProfiles.Find(bound.Unit.Platform) is { } profile)
                {
                    foreach (var finding in ValueOutsidePlatformRange.Check(bound.Unit, profile))
                    {
                        yield return finding;
                    }
                }
            }
        }
    }
}
