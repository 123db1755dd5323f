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
    /// PF4003: the functions' runtime cannot start the project — another .NET major version without roll-forward, an
    /// image-only or OS-only runtime the build does not fit, another language. The project's target framework,
    /// RollForward and self-contained settings come from the build properties. The check is Core's
    /// <see cref="RuntimeFrameworkMismatch"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RuntimeFrameworkMismatchAnalyzer : ConfigRuleAnalyzer
    {
        public RuntimeFrameworkMismatchAnalyzer()
            : base(RuleDescriptors.PF4003)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment)
        {
            var build = ProjectBuildOptions.Read(compilation.Options, deployment, compilation.CancellationToken);
            return RuntimeFrameworkMismatch.Check(ProjectOwnedUnits.Of(deployment).Select(u => u.Unit), deployment.Project.AssemblyName, build);
        }
    }
}
