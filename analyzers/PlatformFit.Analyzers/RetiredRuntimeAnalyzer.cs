using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF4001 (deprecated) and PF4002 (blocked): a function's runtime judged against its lifecycle dates at the scan
    /// date the build passes (<c>PlatformFitAsOf</c>); silent without a valid date. One analyzer for the pair: a
    /// runtime is in exactly one of the two states on a given day, and Core's <see cref="RetiredRuntime"/> decides which.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RetiredRuntimeAnalyzer : ConfigRuleAnalyzer
    {
        public RetiredRuntimeAnalyzer()
            : base(RuleDescriptors.PF4001, RuleDescriptors.PF4002)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
        {
            var scanDate = ConfigRuleAnalysis.ScanDateOf(compilation.Options);
            return scanDate is null ? Array.Empty<ConfigFinding>() : PerUnit(deployment, (unit, profile) => RetiredRuntime.Check(unit, profile, scanDate));
        }
    }
}
