using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PlatformFit.Analyzers.Deployment.Annotations;
using PlatformFit.Analyzers.Deployment.Cdk;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// The deployment units that run the compilation's project, read from the config files the host passes
    /// as AdditionalFiles (the package's build props in the IDE; the CLI passes the same files), and the units the
    /// project declares in its own code (Lambda Annotations) that no config deploys. Computed once per compilation
    /// and shared by every analyzer; each config text is parsed once while it is unchanged.
    /// </summary>
    internal sealed class ProjectDeployment
    {
        /// <summary>The analyzer config keys the hosts set (MSBuild properties made compiler-visible by the package).</summary>
        internal const string ProjectDirectoryKey = "build_property.msbuildprojectdirectory";
        internal const string RootKey = "build_property.platformfitroot";
        internal const string StageKey = "build_property.platformfitstage";
        internal const string TargetFrameworkKey = "build_property.targetframework";

        private static readonly ConditionalWeakTable<Compilation, ProjectDeployment> PerCompilation = new();
        private static readonly ConditionalWeakTable<SourceText, CachedRead> PerConfigText = new();

        private readonly string? rootDirectory;
        private readonly Dictionary<string, SyntaxTree> treesByPath;

        private ProjectDeployment(ProjectIdentity project, IReadOnlyList<BoundUnit> configUnits, CodeDeclaredUnits fromCode, string? rootDirectory, Compilation compilation)
        {
            Project = project;
            var units = new List<BoundUnit>(configUnits.Count + fromCode.Units.Count);
            units.AddRange(configUnits);
            units.AddRange(fromCode.Units);
            Units = units;
            Generated = fromCode.Generated;
            this.rootDirectory = rootDirectory;
            treesByPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            if (fromCode.Units.Count > 0 || fromCode.Generated.Count > 0)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    treesByPath[ConfigPaths.Normalize(tree.FilePath)] = tree;
                }
            }
        }

        public ProjectIdentity Project { get; }

        /// <summary>
        /// The units that run this project: those whose handler or artifact in a config file ties them to it, in file
        /// order, then those its code declares and no config deploys (<see cref="BindingEvidence.DeclaredInCode"/>).
        /// </summary>
        public IReadOnlyList<BoundUnit> Units { get; }

        /// <summary>Functions declared in code whose generated template unit deploys them (that unit is in <see cref="Units"/>).</summary>
        public IReadOnlyList<GeneratedUnitPair> Generated { get; }

        public static ProjectDeployment Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
            PerCompilation.GetValue(compilation, c => Create(c, options, cancellationToken));

        /// <summary>A Roslyn location in a config file, so IDEs and SARIF can point at the exact line.</summary>
        public static Location LocationOf(ConfigSpan span) =>
            Location.Create(
                span.Path,
                new TextSpan(span.Start, Math.Max(0, span.Length)),
                new LinePositionSpan(new LinePosition(span.StartLine - 1, span.StartColumn - 1), new LinePosition(span.EndLine - 1, span.EndColumn - 1)));

        /// <summary>
        /// A Roslyn location for a place in a config file or, for a unit declared in code, in one of the compilation's
        /// source files: there it is a source location, so the IDE squiggles it and <c>#pragma</c> suppresses it.
        /// </summary>
        public Location Locate(ConfigSpan span) =>
            treesByPath.Count > 0 && treesByPath.TryGetValue(ConfigPaths.Normalize(span.Path), out var tree) && span.Start + span.Length <= tree.Length
                ? Location.Create(tree, new TextSpan(span.Start, Math.Max(0, span.Length)))
                : LocationOf(span);

        /// <summary>
        /// How messages name a config place: repo-relative when the host says where the repository is
        /// (<c>serverless.yml(14,9)</c>), otherwise relative to the project, otherwise the file name.
        /// </summary>
        public string Display(ConfigSpan span)
        {
            var path = ConfigPaths.Normalize(span.Path);
            var relative = RelativeTo(path, rootDirectory) ?? RelativeTo(path, Project.ProjectDirectory) ?? path.Substring(path.LastIndexOf('/') + 1);
            return span.ToDisplayString(relative);
        }

        private static string? RelativeTo(string path, string? directory)
        {
            if (directory is not { Length: > 0 })
            {
                return null;
            }

            var normalized = ConfigPaths.Normalize(directory).TrimEnd('/');
            return ConfigPaths.IsUnder(path, normalized) && path.Length > normalized.Length + 1 ? path.Substring(normalized.Length + 1) : null;
        }

        private static ProjectDeployment Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            global.TryGetValue(ProjectDirectoryKey, out var projectDirectory);
            global.TryGetValue(RootKey, out var root);
            global.TryGetValue(StageKey, out var stage);
            global.TryGetValue(TargetFrameworkKey, out var targetFramework);
            var project = new ProjectIdentity(compilation.AssemblyName ?? string.Empty, Blank(projectDirectory));
            var functions = LambdaAnnotationsReader.Read(compilation, Blank(targetFramework), cancellationToken);

            var configs = new List<(AdditionalText File, SourceText Text)>();
            foreach (var file in options.AdditionalFiles)
            {
                if (DeploymentConfigReader.Recognize(file.Path) == ConfigFormat.Unknown && !MayBeTemplate(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is not null && DeploymentConfigReader.Recognize(file.Path, Head(text)) != ConfigFormat.Unknown)
                {
                    configs.Add((file, text));
                }
            }

            // CDK apps' C# reaches the analyzers as AdditionalFiles too (the build props add the app's sources).
            var cdkUnits = ReadCdkApps(options, cancellationToken);
            if (configs.Count == 0)
            {
                var cdkOnly = DeploymentBinder.UnitsOf(project, cdkUnits);
                return new ProjectDeployment(project, cdkOnly, CodeDeclaredUnits.Join(cdkOnly, functions), Blank(root), compilation);
            }

            var context = new ConfigReadContext
            {
                Stage = Blank(stage),
                ReadFile = path => ReadAdditionalFile(options, path, cancellationToken),
            };
            var texts = new List<ConfigText>(configs.Count);
            foreach (var (file, text) in configs)
            {
                texts.Add(new ConfigText(file.Path, text.ToString()));
            }

            var textsByPath = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            foreach (var (file, text) in configs)
            {
                textsByPath[file.Path] = text;
            }

            var results = DeploymentConfigSet.ReadAll(texts, context, (path, _, fileContext) => Read(path, textsByPath[path], fileContext));
            var configUnits = DeploymentBinder.UnitsOf(project, results.Concat(cdkUnits));
            return new ProjectDeployment(project, configUnits, CodeDeclaredUnits.Join(configUnits, functions), Blank(root), compilation);
        }

        private static ConfigReadResult Read(string path, SourceText text, ConfigReadContext context)
        {
            var parameters = ParametersKey(context);
            if (PerConfigText.TryGetValue(text, out var cached) && cached.Path == path && cached.Stage == context.Stage && cached.Parameters == parameters)
            {
                return cached.Result;
            }

            var readOtherFiles = false;
            var tracking = new ConfigReadContext
            {
                Stage = context.Stage,
                TemplateParameters = context.TemplateParameters,
                ReadFile = p =>
                {
                    readOtherFiles = true;
                    return context.ReadFile(p);
                },
            };
            var result = DeploymentConfigReader.Read(path, text.ToString(), tracking);
            if (!readOtherFiles)
            {
                // A result that depends on other files' text is not cached by this text alone.
                PerConfigText.Remove(text);
                PerConfigText.Add(text, new CachedRead(path, context.Stage, parameters, result));
            }

            return result;
        }

        private static string? ReadAdditionalFile(AnalyzerOptions options, string path, CancellationToken cancellationToken)
        {
            var wanted = ConfigPaths.Normalize(path);
            foreach (var file in options.AdditionalFiles)
            {
                if (string.Equals(ConfigPaths.Normalize(file.Path), wanted, StringComparison.Ordinal))
                {
                    return file.GetText(cancellationToken)?.ToString();
                }
            }

            return null;
        }

        private static IReadOnlyList<ConfigReadResult> ReadCdkApps(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var file in options.AdditionalFiles)
            {
                files[file.Path] = file;
            }

            return CdkApps.Read(files.Keys, path => files.TryGetValue(path, out var file) ? file.GetText(cancellationToken)?.ToString() : null, cancellationToken);
        }

        /// <summary>A file that only its content can show to be a template or a Serverless service under another name.</summary>
        private static bool MayBeTemplate(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ||
            path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".template", StringComparison.OrdinalIgnoreCase);

        private static string Head(SourceText text) => text.ToString(new TextSpan(0, Math.Min(text.Length, 8192)));

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static string ParametersKey(ConfigReadContext context)
        {
            var keys = new List<string>(context.TemplateParameters.Keys);
            keys.Sort(StringComparer.Ordinal);
            var builder = new System.Text.StringBuilder();
            foreach (var key in keys)
            {
                builder.Append(key).Append('=').Append(context.TemplateParameters[key]).Append(';');
            }

            return builder.ToString();
        }

        private sealed record CachedRead(string Path, string? Stage, string Parameters, ConfigReadResult Result);
    }
}
