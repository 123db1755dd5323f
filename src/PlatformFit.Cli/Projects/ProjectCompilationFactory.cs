using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PlatformFit.Cli.Projects
{
    /// <summary>A project's compilation for one target framework, and what went into it.</summary>
    /// <param name="Project">What was read from the project file.</param>
    /// <param name="TargetFramework">The framework compiled for (the first listed); null when the project names none.</param>
    /// <param name="Compilation">Sources, generated global usings and every reference found.</param>
    /// <param name="SourceFiles">Absolute paths, sorted ordinal; the generated global usings file is not among them.</param>
    /// <param name="Framework">Which reference packs were bound, for verbose output.</param>
    /// <param name="Packages">The restored package assemblies, if the repo was restored.</param>
    /// <param name="GlobalAnalyzerOptions">
    /// <c>build_property.&lt;name&gt;</c> (lower case) → value, sorted: what the analyzer package's build props make
    /// visible to analyzers in the IDE, so the CLI's analyzers see the same.
    /// </param>
    /// <param name="Problems">The reader's, the collector's, the binding's and the factory's, in that order.</param>
    internal sealed record ProjectCompilation(
        ProjectInfo Project,
        string? TargetFramework,
        CSharpCompilation Compilation,
        IReadOnlyList<string> SourceFiles,
        FrameworkBinding Framework,
        PackageAssets Packages,
        IReadOnlyDictionary<string, string> GlobalAnalyzerOptions,
        IReadOnlyList<ProjectProblem> Problems);

    /// <summary>
    /// Builds the <see cref="CSharpCompilation"/> the SDK would build for a project's first target framework, in Release,
    /// from what <see cref="CsprojReader"/> read: sources by the SDK's globs, the SDK's implicit symbols and global usings,
    /// framework reference packs, restored package assemblies and already-built referenced projects.
    /// </summary>
    internal sealed class ProjectCompilationFactory
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private static readonly Encoding LegacyCodePage = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

        private readonly ReferenceAssemblyResolver _referenceAssemblies;
        private readonly long _maxSourceFileBytes;

        public ProjectCompilationFactory(ReferenceAssemblyResolver referenceAssemblies, long maxSourceFileBytes = SourceFileCollector.DefaultMaxFileBytes)
        {
            _referenceAssemblies = referenceAssemblies;
            _maxSourceFileBytes = maxSourceFileBytes;
        }

        /// <param name="project">What <see cref="CsprojReader"/> read.</param>
        /// <param name="repositoryRoot">Nothing outside it is read from the repo's say-so; messages name paths relative to it.</param>
        /// <param name="builtProjects">
        /// Compilations of projects already built, by absolute project file path (see <see cref="ProjectGraph.BuildOrder"/>);
        /// a ProjectReference missing from it is noted and its types resolve by name only.
        /// </param>
        /// <param name="cancellationToken">Stops reading and parsing sources.</param>
        public ProjectCompilation Create(
            ProjectInfo project,
            string repositoryRoot,
            IReadOnlyDictionary<string, Compilation>? builtProjects = null,
            CancellationToken cancellationToken = default)
        {
            var problems = new List<ProjectProblem>(project.Problems);
            var targetFramework = project.TargetFrameworks.Count > 0 ? project.TargetFrameworks[0] : null;
            var framework = TargetFrameworkMoniker.TryParse(targetFramework);
            if (project.TargetFrameworks.Count > 1)
            {
                problems.Add(ProjectProblem.Note(project.ProjectFilePath, $"The project targets {string.Join(", ", project.TargetFrameworks)}; it is analysed for {targetFramework}, the first."));
            }

            var sources = SourceFileCollector.Collect(project, repositoryRoot, _maxSourceFileBytes);
            problems.AddRange(sources.Problems);

            var parseOptions = CreateParseOptions(project, framework, problems);
            var trees = ParseSources(sources.Files, parseOptions, problems, cancellationToken);

            var usings = ImplicitGlobalUsings.For(project, framework, problems);
            if (usings.Count > 0)
            {
                // Where the SDK writes it; the path only has to be stable and inside the project.
                var path = Path.Combine(project.IntermediateDirectory, "Release", targetFramework ?? string.Empty, project.ProjectName + ".GlobalUsings.g.cs");
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(ImplicitGlobalUsings.ToSource(usings), Encoding.UTF8), parseOptions, path, cancellationToken));
            }

            var binding = _referenceAssemblies.Resolve(project, targetFramework);
            problems.AddRange(binding.Problems);
            var references = new List<MetadataReference>(binding.References);

            var packages = AssetsFileReader.Read(project.AssetsFilePath, targetFramework, project.RuntimeIdentifier);
            problems.AddRange(packages.Problems);
            foreach (var assembly in packages.CompileAssemblies)
            {
                var reference = ReferenceAssemblyResolver.GetOrCreateReference(assembly, out var error);
                if (reference is null)
                {
                    problems.Add(ProjectProblem.Warning(project.AssetsFilePath, $"The package assembly '{Path.GetFileName(assembly)}' is {error}; its types resolve by name only."));
                }
                else
                {
                    references.Add(reference);
                }
            }

            foreach (var referencedProject in project.ProjectReferences)
            {
                if (builtProjects is not null && builtProjects.TryGetValue(referencedProject, out var built))
                {
                    references.Add(built.ToMetadataReference());
                }
                else
                {
                    problems.Add(ProjectProblem.Note(project.ProjectFilePath, $"The referenced project '{ProjectPaths.ToDisplayPath(referencedProject, repositoryRoot)}' is not loaded; its types resolve by name only."));
                }
            }

            var compilation = CreateCompilation(project, trees, references, problems);
            return new ProjectCompilation(
                project,
                targetFramework,
                compilation,
                sources.Files,
                binding,
                packages,
                CreateGlobalAnalyzerOptions(project, targetFramework),
                problems);
        }

        public static CSharpParseOptions CreateParseOptions(ProjectInfo project, TargetFrameworkMoniker? framework, ICollection<ProjectProblem> problems)
        {
            var languageVersion = LanguageVersion.Latest;
            var requested = project.LangVersion;
            if (requested is not null && !requested.Equals("preview", StringComparison.OrdinalIgnoreCase))
            {
                // An unset LangVersion would mean the framework's default (C# 7.3 for netstandard2.0); parsing with the
                // latest version instead keeps newer syntax analysable, which is what a scan needs.
                if (!LanguageVersionFacts.TryParse(requested, out languageVersion))
                {
                    problems.Add(ProjectProblem.Warning(project.ProjectFilePath, $"LangVersion '{requested}' is not a C# version this tool knows; sources are parsed as the latest C#."));
                    languageVersion = LanguageVersion.Latest;
                }
            }
            else if (requested is not null)
            {
                languageVersion = LanguageVersion.Preview;
            }

            var documentationMode = CsprojReader.ParseBool(project.GetProperty("GenerateDocumentationFile")) == true || project.GetProperty("DocumentationFile") is not null
                ? DocumentationMode.Diagnose
                : DocumentationMode.None; // as csc without /doc: doc comments stay trivia, which is cheaper to parse

            return new CSharpParseOptions(languageVersion, documentationMode, SourceCodeKind.Regular, PreprocessorSymbols(project, framework));
        }

        /// <summary>The symbols the SDK defines for a Release build of this framework, then the project's DefineConstants.</summary>
        public static IReadOnlyList<string> PreprocessorSymbols(ProjectInfo project, TargetFrameworkMoniker? framework)
        {
            var symbols = new List<string>();
            if (framework is not null && CsprojReader.ParseBool(project.GetProperty("DisableImplicitFrameworkDefines")) != true)
            {
                symbols.AddRange(framework.ImplicitPreprocessorSymbols());
            }

            if (CsprojReader.ParseBool(project.GetProperty("DisableImplicitConfigurationDefines")) != true)
            {
                symbols.Add("RELEASE");
            }

            if (CsprojReader.ParseBool(project.GetProperty("DisableDiagnosticTracing")) != true)
            {
                symbols.Add("TRACE");
            }

            symbols.AddRange(project.DefineConstants.Where(SyntaxFacts.IsValidIdentifier));
            return symbols.Distinct(StringComparer.Ordinal).ToArray();
        }

        public static CSharpCompilationOptions CreateCompilationOptions(ProjectInfo project)
        {
            var outputKind = project.OutputType.ToUpperInvariant() switch
            {
                "EXE" => OutputKind.ConsoleApplication,
                "WINEXE" => OutputKind.WindowsApplication,
                "APPCONTAINEREXE" => OutputKind.WindowsRuntimeApplication,
                "MODULE" => OutputKind.NetModule,
                "WINMDOBJ" => OutputKind.WindowsRuntimeMetadata,
                _ => OutputKind.DynamicallyLinkedLibrary,
            };

            var nullable = project.Nullable?.ToUpperInvariant() switch
            {
                "ENABLE" => NullableContextOptions.Enable,
                "WARNINGS" => NullableContextOptions.Warnings,
                "ANNOTATIONS" => NullableContextOptions.Annotations,
                _ => NullableContextOptions.Disable,
            };

            return new CSharpCompilationOptions(
                outputKind,
                mainTypeName: project.GetProperty("StartupObject"),
                optimizationLevel: OptimizationLevel.Release,
                checkOverflow: CsprojReader.ParseBool(project.GetProperty("CheckForOverflowUnderflow")) == true,
                allowUnsafe: project.AllowUnsafeBlocks,
                deterministic: true,
                concurrentBuild: true,
                nullableContextOptions: nullable,
                // csc's comparer: a netstandard package compiled against older framework versions unifies with the pack's.
                assemblyIdentityComparer: DesktopAssemblyIdentityComparer.Default,
                // The SDK's default NoWarn: unification notices, not problems.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                });
        }

        /// <summary><c>build_property.*</c> options: every property read, then the ones the SDK computes (which win).</summary>
        public static IReadOnlyDictionary<string, string> CreateGlobalAnalyzerOptions(ProjectInfo project, string? targetFramework)
        {
            const string Prefix = "build_property.";
            var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in project.Properties)
            {
                options[Prefix + name.ToLowerInvariant()] = value;
            }

            var framework = TargetFrameworkMoniker.TryParse(targetFramework);
            var computed = new Dictionary<string, string>
            {
                ["targetframework"] = targetFramework ?? string.Empty,
                ["targetframeworkidentifier"] = framework?.Identifier ?? string.Empty,
                ["targetframeworkversion"] = framework is null ? string.Empty : "v" + framework.Version.ToString(framework.Version.Build > 0 ? 3 : 2),
                ["assemblyname"] = project.AssemblyName,
                ["rootnamespace"] = project.RootNamespace,
                ["outputtype"] = project.OutputType,
                ["msbuildprojectname"] = project.ProjectName,
                ["msbuildprojectfullpath"] = project.ProjectFilePath,
                ["msbuildprojectdirectory"] = project.ProjectDirectory,
                ["projectdir"] = project.ProjectDirectory + Path.DirectorySeparatorChar,
                ["runtimeidentifier"] = project.RuntimeIdentifier ?? string.Empty,
                ["publishaot"] = FormatBool(project.PublishAot),
                ["selfcontained"] = FormatBool(project.SelfContained),
                ["usingmicrosoftnetsdkweb"] = project.UsesWebSdk ? "true" : string.Empty,
            };

            foreach (var (name, value) in computed)
            {
                options[Prefix + name] = value;
            }

            return options;
        }

        /// <summary>Reads and parses the sources on all cores; results keep the files' order, so the compilation is deterministic.</summary>
        private static List<SyntaxTree> ParseSources(IReadOnlyList<string> files, CSharpParseOptions parseOptions, List<ProjectProblem> problems, CancellationToken cancellationToken)
        {
            var trees = new SyntaxTree?[files.Count];
            var failures = new ProjectProblem?[files.Count];
            Parallel.For(
                0,
                files.Count,
                new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                index =>
                {
                    var path = files[index];
                    try
                    {
                        SourceText text;
                        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan))
                        {
                            text = ReadSource(stream);
                        }

                        trees[index] = CSharpSyntaxTree.ParseText(text, parseOptions, path, cancellationToken);
                    }
                    catch (InvalidDataException)
                    {
                        failures[index] = ProjectProblem.Warning(path, "The file is binary, not C# text; it was not analysed.");
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                    {
                        failures[index] = ProjectProblem.Warning(path, $"The file could not be read ({exception.GetType().Name}); it was not analysed.");
                    }
                });

            problems.AddRange(failures.OfType<ProjectProblem>());
            return trees.OfType<SyntaxTree>().ToList();
        }

        /// <summary>
        /// As csc decodes: a byte order mark decides; without one, UTF-8 if the bytes are valid UTF-8, else Windows-1252
        /// (old Windows-edited sources), so string literals keep their characters.
        /// </summary>
        private static SourceText ReadSource(FileStream stream)
        {
            try
            {
                return SourceText.From(stream, StrictUtf8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
            }
            catch (DecoderFallbackException)
            {
                stream.Position = 0;
                return SourceText.From(stream, LegacyCodePage, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true);
            }
        }

        private static CSharpCompilation CreateCompilation(ProjectInfo project, List<SyntaxTree> trees, List<MetadataReference> references, List<ProjectProblem> problems)
        {
            var options = CreateCompilationOptions(project);
            try
            {
                return CSharpCompilation.Create(project.AssemblyName, trees, references, options);
            }
            catch (ArgumentException)
            {
                // Roslyn rejects some names MSBuild passes through (leading spaces, NUL); the name matters to no rule.
                problems.Add(ProjectProblem.Warning(project.ProjectFilePath, $"AssemblyName '{project.AssemblyName}' is not a valid assembly name; the project name is used."));
                var fallback = new string(project.ProjectName.Where(character => char.IsLetterOrDigit(character) || character is '.' or '_' or '-').ToArray());
                return CSharpCompilation.Create(fallback.Length > 0 ? fallback : "Project", trees, references, options);
            }
        }

        private static string FormatBool(bool? value) => value switch
        {
            true => "true",
            false => "false",
            null => string.Empty,
        };
    }
}
