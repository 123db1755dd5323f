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
    /// PF3102: a function whose timeout is longer than its API Gateway front door waits, reported on the line that
    /// sets the timeout with the front door as related location. The check is Core's <see cref="TimeoutBeyondFrontDoor"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames]
    public sealed class TimeoutBeyondFrontDoorAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF3102);

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
                if (PlatformProfiles.Find(bound.Unit.Platform) is { } profile
                    && TimeoutBeyondFrontDoor.Check(bound.Unit, profile, deployment.Display) is { } finding)
                {
                    yield return finding;
                }
            }
        }
    }
}
