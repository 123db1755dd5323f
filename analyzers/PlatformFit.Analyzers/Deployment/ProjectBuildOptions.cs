using System;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Core.Config;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// The project's build facts as the hosts pass them: MSBuild properties as <c>build_property.*</c> (the package's
    /// build props make them compiler-visible; the CLI's project loader sets the same keys) and the project's
    /// <c>aws-lambda-tools-defaults.json</c> when it is among the AdditionalFiles.
    /// </summary>
    internal static class ProjectBuildOptions
    {
        public static ProjectBuild Read(AnalyzerOptions options, ProjectDeployment deployment, CancellationToken cancellationToken)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            return ProjectBuild.Read(
                name => global.TryGetValue("build_property." + name, out var value) ? value : null,
                ToolsDefaultsText(options, deployment.Project.ProjectDirectory, cancellationToken),
                PlatformProfiles.AwsLambda.Architectures);
        }

        private static string? ToolsDefaultsText(AnalyzerOptions options, string? projectDirectory, CancellationToken cancellationToken)
        {
            if (projectDirectory is not { Length: > 0 })
            {
                return null;
            }

            var wanted = ConfigPaths.Normalize(projectDirectory).TrimEnd('/') + "/" + ProjectBuild.LambdaToolsDefaultsFileName;
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(ConfigPaths.Normalize(file.Path), wanted, StringComparison.Ordinal))
                {
                    return file.GetText(cancellationToken)?.ToString();
                }
            }

            return null;
        }
    }
}
