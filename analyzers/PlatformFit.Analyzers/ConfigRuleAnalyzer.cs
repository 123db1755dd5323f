using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// A rule that reads only the deployment config of the units that deploy the project (a Core check) and reports on
    /// the config lines, once per compilation (see <see cref="ConfigRuleAnalysis"/>). It looks at no syntax tree, which
    /// its <see cref="TriggerNamesAttribute"/> with nothing declared tells a host that analyses per tree.
    /// </summary>
    [TriggerNames]
    public abstract class ConfigRuleAnalyzer : DiagnosticAnalyzer
    {
        private protected ConfigRuleAnalyzer(params DiagnosticDescriptor[] descriptors) =>
            SupportedDiagnostics = ImmutableArray.Create(descriptors);

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ConfigRuleAnalysis.Register(context, SupportedDiagnostics, Check);
        }

        /// <summary>The rule's findings on the project's deployment (the units that deploy it, and what the build says of it).</summary>
        private protected abstract IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment);

        /// <summary>A Core check of one unit against its platform's profile, run for every unit that has a profile.</summary>
        private protected static IEnumerable<ConfigFinding> PerUnit(ProjectDeployment deployment, Func<DeploymentUnit, PlatformProfile, ConfigFinding?> check)
        {
            foreach (var bound in deployment.Units)
            {
                if (PlatformProfiles.Find(bound.Unit.Platform) is { } profile && check(bound.Unit, profile) is { } finding)
                {
                    yield return finding;
                }
            }
        }
    }
}
