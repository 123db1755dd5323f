using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF4006: a Lambda Annotations attribute and the resource the generator wrote for it into the committed
    /// <c>serverless.template</c> disagree; reported on the attribute in code, with the template line as related
    /// location. The pairs come from <see cref="ProjectDeployment.Generated"/>; the check is Core's
    /// <see cref="GeneratedTemplateDrift"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames]
    public sealed class GeneratedTemplateDriftAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF4006);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            ConfigRuleAnalysis.Register(context, SupportedDiagnostics, (_, deployment) => Check(deployment));
        }

        private static IEnumerable<ConfigFinding> Check(ProjectDeployment deployment)
        {
            foreach (var pair in deployment.Generated)
            {
                foreach (var finding in GeneratedTemplateDrift.Check(pair, deployment.Display))
                {
                    yield return finding;
                }
            }
        }
    }
}
