using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PlatformFit.Analyzers.Deployment.Cdk;
using PlatformFit.Cli.Analysis;
using PlatformFit.Cli.Discovery;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Cli.Scanning
{
    /// <summary>What to scan and how.</summary>
    internal sealed record ScanRequest(string Root)
    {
        /// <summary>The deployment stage configs are evaluated for; null means each config's own default.</summary>
        public string? Stage { get; init; }

        /// <summary>The date runtime lifecycles are judged at (PF4001, PF4002); null leaves those rules silent.</summary>
        public DateTime? AsOf { get; init; }

        /// <summary>How the analyzers are asked (tests compare the routes; the findings are the same).</summary>
        internal AnalysisRoute Route { get; init; }
    }

    /// <summary>
    /// The CLI's scan: discover the repository's files, read its deployment configs, build a compilation for each
    /// project a config deploys, run the analyzers on it exactly as a build would, and collect the findings and
    /// every file that could not be read.
    /// </summary>
    internal static class ScanEngine
    {
        /// <summary>The id tool notifications carry for a config file that could not be (fully) read.</summary>
        public const string UnreadableConfigId = "PF9001";

        /// <summary>The id tool notifications carry for a project that could not be (fully) loaded.</summary>
        public const string UnloadableProjectId = "PF9002";

        /// <summary>The id tool notifications carry for an analyzer that failed on a project.</summary>
        public const string AnalyzerFailureId = "PF9003";

        public static async Task<ScanResult> ScanAsync(ScanRequest request, TextWriter log, CancellationToken cancellationToken)
        {
            var files = RepositoryWalker.Walk(request.Root);
            var root = files.Root;
            var notifications = new List<ToolNotification>();
            var successful = true;
            await log.WriteLineAsync($"platformfit: {files.Projects.Count} projects, {files.Configs.Count} deployment configs under {root}").ConfigureAwait(false);
            foreach (var skipped in files.Skipped)
            {
                await log.WriteLineAsync($"platformfit: skipped {skipped}").ConfigureAwait(false);
            }

            // Configs: read once, shared by the binder here and by every project's analyzers as AdditionalFiles.
            var configs = ReadConfigs(files, request, notifications, ref successful);

            var analyzerConfigFiles = AnalyzerConfiguration.Ancestors(root).Concat(files.AnalyzerConfigs);
            var analyzerConfiguration = AnalyzerConfiguration.Load(analyzerConfigFiles);
            foreach (var problem in analyzerConfiguration.Problems)
            {
                notifications.Add(new ToolNotification($"an analyzer config file could not be read: {Relativize(root, problem)}", FindingLevel.Warning));
            }

            var findings = new List<Finding>();
            if (files.Projects.Count > 0)
            {
                var projectFindings = await AnalyzeProjectsAsync(files, request, configs, analyzerConfiguration, notifications, log, cancellationToken).ConfigureAwait(false);
                findings.AddRange(projectFindings.Findings);
                successful &= projectFindings.Successful;
            }

            findings.AddRange(UnboundUnitChecks.Run(files, configs.Results, request.AsOf, analyzerConfiguration));

            var unique = findings
                .GroupBy(f => (f.RuleId, f.Primary, f.Message))
                .Select(g => g.First())
                .OrderBy(f => f.Primary.Path, StringComparer.Ordinal)
                .ThenBy(f => f.Primary.StartLine)
                .ThenBy(f => f.Primary.StartColumn)
                .ThenBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();
            var orderedNotifications = notifications
                .OrderBy(n => n.Location?.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(n => n.Location?.StartLine ?? 0)
                .ThenBy(n => n.Message, StringComparer.Ordinal)
                .ToList();
            return new ScanResult(RuleCatalog.All, unique, orderedNotifications) { ExecutionSuccessful = successful };
        }

        private static ConfigSet ReadConfigs(RepositoryFiles files, ScanRequest request, List<ToolNotification> notifications, ref bool successful)
        {
            var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            var results = new List<ConfigReadResult>();
            var context = new ConfigReadContext
            {
                Stage = request.Stage,
                ReadFile = path => ReadReferencedFile(files.Root, path, texts),
            };

            var readable = new List<ConfigText>();
            foreach (var path in files.Configs)
            {
                var relative = RepositoryWalker.Relative(files.Root, path);
                var text = TryReadText(path, out var error);
                if (text is null)
                {
                    successful = false;
                    notifications.Add(new ToolNotification($"{relative}: the file could not be read: {error}", FindingLevel.Error)
                    {
                        Id = UnreadableConfigId,
                        Location = new SourceLocation(relative, 1, 1, 1, 1),
                    });
                    continue;
                }

                texts[path] = text;
                readable.Add(new ConfigText(path, text.ToString()));
            }

            // CDK apps: cdk.json and the app's C# reach the analyzers as AdditionalFiles, like the package's build props add them.
            foreach (var path in files.CdkAppFiles)
            {
                if (TryReadText(path, out _) is { } text)
                {
                    texts[path] = text;
                }
            }

            var cdkResults = CdkApps.Read(texts.Keys, path => texts.TryGetValue(path, out var text) ? text.ToString() : null, CancellationToken.None);
            foreach (var result in DeploymentConfigSet.ReadAll(readable, context).Concat(cdkResults))
            {
                results.Add(result);
                foreach (var problem in result.Problems)
                {
                    if (problem.Level == ProblemLevel.Note)
                    {
                        continue;
                    }

                    successful &= problem.Level != ProblemLevel.Error;
                    var problemPath = RepositoryWalker.Relative(files.Root, problem.Path);
                    notifications.Add(new ToolNotification($"{problemPath}({problem.Line},{problem.Column}): {problem.Message}", problem.Level == ProblemLevel.Error ? FindingLevel.Error : FindingLevel.Warning)
                    {
                        Id = UnreadableConfigId,
                        Location = new SourceLocation(problemPath, Math.Max(1, problem.Line), Math.Max(1, problem.Column), Math.Max(1, problem.Line), Math.Max(1, problem.Column)),
                    });
                }
            }

            var additional = texts
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new ConfigFileText(p.Key, p.Value))
                .ToImmutableArray();
            return new ConfigSet(results, additional);
        }

        private static async Task<(List<Finding> Findings, bool Successful)> AnalyzeProjectsAsync(
            RepositoryFiles files,
            ScanRequest request,
            ConfigSet configs,
            AnalyzerConfiguration analyzerConfiguration,
            List<ToolNotification> notifications,
            TextWriter log,
            CancellationToken cancellationToken)
        {
            var root = files.Root;
            var successful = true;
            var findings = new List<Finding>();
            var projects = files.Projects.Select(p => CsprojReader.Read(p, root)).ToList();
            var graph = ProjectGraph.Create(projects, root);
            AddProjectProblems(root, graph.Problems, notifications, ref successful);

            var factory = new ProjectCompilationFactory(ReferenceAssemblyResolver.CreateDefault());
            var built = new Dictionary<string, Compilation>(StringComparer.Ordinal);
            foreach (var project in graph.BuildOrder)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var identity = new ProjectIdentity(project.AssemblyName, project.ProjectDirectory);
                var units = DeploymentBinder.UnitsOf(identity, configs.Results);

                // A project with Lambda Annotations functions declares its own units in code: the analyzers read them.
                var declaresUnits = units.Count == 0 && LambdaAnnotationsUse.IsLikely(project, root);
                var needed = units.Count > 0 || declaresUnits || graph.BuildOrder.Any(p => p.ProjectReferences.Contains(project.ProjectFilePath, StringComparer.Ordinal));
                if (!needed)
                {
                    await log.WriteLineAsync($"platformfit: {RepositoryWalker.Relative(root, project.ProjectFilePath)}: no deployment config runs it; not analysed").ConfigureAwait(false);
                    continue;
                }

                var compilation = factory.Create(project, root, built, cancellationToken);
                built[project.ProjectFilePath] = compilation.Compilation;
                AddProjectProblems(root, compilation.Problems, notifications, ref successful);
                if (units.Count == 0 && !declaresUnits)
                {
                    continue;
                }

                var deployedBy = units.Count > 0
                    ? $"deployed by {string.Join(", ", units.Select(u => $"{u.Unit.Name} ({RepositoryWalker.Relative(root, u.Unit.ConfigPath)})"))}"
                    : "no deployment config runs it, but it uses Lambda Annotations; analysed for the functions its code declares";
                await log.WriteLineAsync($"platformfit: {RepositoryWalker.Relative(root, project.ProjectFilePath)}: {deployedBy}; {compilation.Framework.Description}").ConfigureAwait(false);
                var buildProperties = new Dictionary<string, string>(compilation.GlobalAnalyzerOptions, StringComparer.OrdinalIgnoreCase)
                {
                    ["build_property.platformfitroot"] = root,
                };
                if (request.Stage is not null)
                {
                    buildProperties["build_property.platformfitstage"] = request.Stage;
                }

                if (request.AsOf is { } asOf)
                {
                    buildProperties["build_property.platformfitasof"] = ScanDate.ToText(asOf);
                }

                var (options, severities) = analyzerConfiguration.ForProject(buildProperties);
                var outcome = await AnalyzerRunner.RunAsync(compilation.Compilation, configs.AdditionalFiles, options, severities, request.Route, cancellationToken).ConfigureAwait(false);
                foreach (var failure in outcome.Failures)
                {
                    successful = false;
                    notifications.Add(new ToolNotification($"{RepositoryWalker.Relative(root, project.ProjectFilePath)}: {failure.Analyzer} failed: {failure.Message}", FindingLevel.Error)
                    {
                        Id = AnalyzerFailureId,
                        Location = new SourceLocation(RepositoryWalker.Relative(root, project.ProjectFilePath), 1, 1, 1, 1),
                    });
                }

                foreach (var diagnostic in outcome.Diagnostics)
                {
                    if (DiagnosticFindings.ToFinding(root, diagnostic) is { } finding)
                    {
                        findings.Add(finding);
                    }
                }
            }

            return (findings, successful);
        }

        private static void AddProjectProblems(string root, IEnumerable<ProjectProblem> problems, List<ToolNotification> notifications, ref bool successful)
        {
            foreach (var problem in problems)
            {
                if (problem.Level == ProblemLevel.Note)
                {
                    continue;
                }

                successful &= !problem.IsError;
                var path = RepositoryWalker.Relative(root, problem.Path);
                var line = Math.Max(1, problem.Line);
                var column = Math.Max(1, problem.Column);
                notifications.Add(new ToolNotification($"{path}({line},{column}): {problem.Message}", problem.IsError ? FindingLevel.Error : FindingLevel.Warning)
                {
                    Id = UnloadableProjectId,
                    Location = new SourceLocation(path, line, column, line, column),
                });
            }
        }

        /// <summary>
        /// A file a config refers to (<c>${file(./env.yml)}</c>): read when it lies inside the repository, and handed
        /// to the analyzers too, so that they evaluate the same value.
        /// </summary>
        private static string? ReadReferencedFile(string root, string path, Dictionary<string, SourceText> texts)
        {
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return null;
            }

            if (texts.TryGetValue(full, out var known))
            {
                return known.ToString();
            }

            var text = TryReadText(full, out _);
            if (text is null)
            {
                return null;
            }

            texts[full] = text;
            return text.ToString();
        }

        /// <summary>Reads a text file with its encoding detected (a byte order mark is not part of the text).</summary>
        private static SourceText? TryReadText(string path, out string? error)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Length > DeploymentConfigReader.MaxCharacters)
                {
                    error = $"it has {info.Length:N0} bytes, more than PlatformFit reads";
                    return null;
                }

                using var stream = File.OpenRead(path);
                error = null;
                return SourceText.From(stream, throwIfBinaryDetected: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                error = e.Message;
                return null;
            }
        }

        private static string Relativize(string root, string message) =>
            message.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

        private sealed record ConfigSet(IReadOnlyList<ConfigReadResult> Results, ImmutableArray<AdditionalText> AdditionalFiles);
    }
}
