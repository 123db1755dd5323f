using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF4004: the functions run on another instruction set than the project's runtime identifier builds for. Silent
    /// when the project sets none. The check is Core's <see cref="ArchitectureMismatch"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ArchitectureMismatchAnalyzer : ConfigRuleAnalyzer
    {
        public ArchitectureMismatchAnalyzer()
            : base(RuleDescriptors.PF4004)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
        {
            var build = ProjectBuildOptions.Read(compilation.Options, deployment, compilation.CancellationToken);
            return ArchitectureMismatch.Check(ProjectOwnedUnits.Of(deployment).Select(u => u.Unit), build, deployment.Display);
        }
    }
}
