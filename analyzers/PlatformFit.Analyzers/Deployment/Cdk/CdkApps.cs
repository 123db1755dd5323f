using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment.Cdk
{
    /// <summary>
    /// The deployment units of the AWS CDK apps among the files a host passes (the analyzer package's AdditionalFiles,
    /// the CLI's discovered files): for each .NET app's <c>cdk.json</c>, the Lambda functions its C# declares. Both hosts
    /// call this with the same files, so they see the same units.
    /// </summary>
    /// <remarks>
    /// When the app has been synthesized (<c>cdk.out/*.template.json</c> is among the files), the synthesized templates
    /// are what deploys and are read as CloudFormation; the C# is then not read at all, so one function never comes out
    /// as two units. The C# is the fallback for a checkout without <c>cdk.out</c> (it is usually git-ignored). A stale
    /// <c>cdk.out</c> wins too: it is what <c>cdk deploy --app cdk.out</c> would deploy.
    /// </remarks>
    public static class CdkApps
    {
        /// <summary>Reads every .NET CDK app among <paramref name="paths"/>; <paramref name="readText"/> returns a file's text or null.</summary>
        public static IReadOnlyList<ConfigReadResult> Read(IReadOnlyCollection<string> paths, Func<string, string?> readText, CancellationToken cancellationToken)
        {
            var results = new List<ConfigReadResult>();
            foreach (var configPath in paths.Where(CdkAppLayout.IsAppFile).OrderBy(p => p, StringComparer.Ordinal))
            {
                var text = readText(configPath);
                if (text is null)
                {
                    continue;
                }

                var app = CdkAppLayout.Read(configPath, text);
                if (!app.IsDotnet)
                {
                    continue;
                }

                var synthesized = paths.Where(app.IsSynthesizedTemplate).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
                if (synthesized is not null)
                {
                    results.Add(new ConfigReadResult(configPath, ConfigFormat.AwsCdk, Array.Empty<DeploymentUnit>(), new[]
                    {
                        new ConfigProblem(configPath, 1, 1, ProblemLevel.Note, $"the app's functions are read from its synthesized template {synthesized}, not from its C#"),
                    }));
                    continue;
                }

                // Only files that can declare a construct or a constant are parsed: the app's folder may be the whole
                // repository when cdk.json sits at its root and runs "dotnet run" there.
                var sources = new List<ConfigText>();
                foreach (var path in paths.Where(app.IsSourceFile).OrderBy(p => p, StringComparer.Ordinal))
                {
                    if (readText(path) is { } source && (source.IndexOf("Amazon.CDK", StringComparison.Ordinal) >= 0 || source.IndexOf("const ", StringComparison.Ordinal) >= 0))
                    {
                        sources.Add(new ConfigText(path, source));
                    }
                }

                try
                {
                    results.AddRange(CdkFunctionReader.Read(app, sources, cancellationToken));
                }
#pragma warning disable CA1031 // Bad input is a finding, not a crash: a reader bug must not take the scan or the build down either.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    results.Add(ConfigReadResult.Failed(configPath, ConfigFormat.AwsCdk, new ConfigProblem(configPath, 1, 1, ProblemLevel.Error,
                        $"PlatformFit could not read this CDK app's C# ({e.GetType().Name}: {e.Message}); please report it")));
                }
            }

            return results;
        }
    }
}
