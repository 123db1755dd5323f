using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF4005: a handler string bound to this project that names no type or public method of it, an assembly name
    /// that differs only in case, or the executable form for a project without an entry point. The symbols come
    /// from the compilation (<see cref="CompilationHandlerCode"/>); what they mean is Core's <see cref="UnresolvedHandler"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnresolvedHandlerAnalyzer : ConfigRuleAnalyzer
    {
        public UnresolvedHandlerAnalyzer()
            : base(RuleDescriptors.PF4005)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
        {
            var code = new CompilationHandlerCode(compilation.Compilation, compilation.CancellationToken);
            foreach (var bound in ProjectOwnedUnits.Of(deployment))
            {
                if (bound.Handler is { } handler && UnresolvedHandler.Check(bound.Unit, handler, code) is { } finding)
                {
                    yield return finding;
                }
            }
        }
    }
}
