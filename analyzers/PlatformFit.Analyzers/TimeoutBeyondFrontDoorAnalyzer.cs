using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3102: a function whose timeout is longer than its API Gateway front door waits, reported on the line that
    /// sets the timeout with the front door as related location (once for the functions that share that line). The check is Core's <see cref="TimeoutBeyondFrontDoor"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimeoutBeyondFrontDoorAnalyzer : ConfigRuleAnalyzer
    {
        public TimeoutBeyondFrontDoorAnalyzer()
            : base(RuleDescriptors.PF3102)
        {
        }

        private protected override IEnumerable<ConfigFinding> Check(CompilationAnalysisContext compilation, ProjectDeployment deployment) =>
            TimeoutBeyondFrontDoor.CheckAll(deployment.Units.Select(bound => bound.Unit).ToList(), deployment.Display);
    }
}
