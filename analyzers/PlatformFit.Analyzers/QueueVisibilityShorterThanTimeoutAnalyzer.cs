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
    public sealed class QueueVisibilityShorterThanTimeoutAnalyzer : ConfigRuleAnalyzer
    {
        public QueueVisibilityShorterThanTimeoutAnalyzer()
            : base(RuleDescriptors.PF3103)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
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
