using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3103: an SQS queue whose visibility timeout is shorter than the timeout of the function it feeds. The check
    /// is Core's <see cref="QueueVisibilityShorterThanTimeout"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames]
    public sealed class QueueVisibilityShorterThanTimeoutAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF3103);

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
                foreach (var finding in QueueVisibilityShorterThanTimeout.Check(bound.Unit, deployment.Display))
                {
                    yield return finding;
                }
            }
        }
    }
}
