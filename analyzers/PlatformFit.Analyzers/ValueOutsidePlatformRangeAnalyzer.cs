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
    public sealed class ValueOutsidePlatformRangeAnalyzer : ConfigRuleAnalyzer
    {
        public ValueOutsidePlatformRangeAnalyzer()
            : base(RuleDescriptors.PF3101)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
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
