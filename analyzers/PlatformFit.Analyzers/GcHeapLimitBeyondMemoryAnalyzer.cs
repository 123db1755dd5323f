using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3002, config half: a GC heap hard limit in the function's environment larger than its memory, reported on the
    /// variable's value with the memory as related location. The check is Core's <see cref="GcHeapLimitBeyondMemory"/>;
    /// the code half (constant allocations) is <see cref="AllocationLargerThanMemoryAnalyzer"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class GcHeapLimitBeyondMemoryAnalyzer : ConfigRuleAnalyzer
    {
        public GcHeapLimitBeyondMemoryAnalyzer()
            : base(RuleDescriptors.PF3002)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment) =>
            PerUnit(deployment, (unit, profile) => GcHeapLimitBeyondMemory.Check(unit, profile, deployment.Display));
    }
}
