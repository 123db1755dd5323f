using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// An analyzer test of one project, named and placed the way the hosts name it: the assembly name a
    /// handler string refers to, the project folder the package's build props pass as
    /// <c>build_property.MSBuildProjectDirectory</c>, the repository root, and config files as AdditionalFiles.
    /// Every finding must also sit in a tree that holds a trigger of its analyzer (<see cref="TriggerNamesAttribute"/>):
    /// the CLI skips the others, so every test source doubles as a check that the triggers are wide enough.
    /// </summary>
    internal sealed class ProjectAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public const string RepositoryRoot = "/repo";

        /// <summary>The triggers of the analyzers, per tree of the compilations this test analysed.</summary>
        private readonly ConcurrentDictionary<SyntaxTree, TreeTriggers?> triggersByTree = new();

        public ProjectAnalyzerTest(string assemblyName = "ChatApi", string projectDirectory = "/repo/src/ChatApi", bool aspNetCore = true)
        {
            AssemblyName = assemblyName;
            ProjectDirectory = projectDirectory;
            ReferenceAssemblies = LocalReferenceAssemblies.None;
            TestState.AdditionalReferences.AddRange(LocalReferenceAssemblies.NetCore);
            if (aspNetCore)
            {
                TestState.AdditionalReferences.AddRange(LocalReferenceAssemblies.AspNetCore);
            }

            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"""
                is_global = true
                build_property.MSBuildProjectDirectory = {projectDirectory}
                build_property.PlatformFitRoot = {RepositoryRoot}
                """));
            SolutionTransforms.Add((solution, projectId) =>
            {
                return solution.WithProjectAssemblyName(projectId, AssemblyName)
                    .WithProjectFilePath(projectId, $"{ProjectDirectory}/{AssemblyName}.csproj");
            });
        }

        public string AssemblyName { get; }

        public string ProjectDirectory { get; }

        /// <summary>Adds a config file at a repository path (e.g. <c>serverless.yml</c> → <c>/repo/serverless.yml</c>).</summary>
        public ProjectAnalyzerTest<TAnalyzer> WithConfig(string repoRelativePath, string text)
        {
            TestState.AdditionalFiles.Add(($"{RepositoryRoot}/{repoRelativePath}", text));
            return this;
        }

        /// <summary>Adds a C# source at a path inside the project folder.</summary>
        public ProjectAnalyzerTest<TAnalyzer> WithSource(string fileName, string text)
        {
            TestState.Sources.Add(($"{ProjectDirectory}/{fileName}", text));
            return this;
        }

        /// <summary>
        /// Sets an MSBuild property the way the package's build props make it visible (<c>build_property.*</c>), e.g.
        /// <c>PlatformFitAsOf</c>, <c>TargetFramework</c>, <c>RuntimeIdentifier</c>.
        /// </summary>
        public ProjectAnalyzerTest<TAnalyzer> WithBuildProperty(string name, string value)
        {
            TestState.AnalyzerConfigFiles.Add(($"/build_property.{name}.globalconfig", $"is_global = true\nbuild_property.{name} = {value}\n"));
            return this;
        }

        /// <summary>Adds a file in the project folder as an AdditionalFile (an <c>aws-lambda-tools-defaults.json</c>).</summary>
        public ProjectAnalyzerTest<TAnalyzer> WithProjectFile(string fileName, string text)
        {
            TestState.AdditionalFiles.Add(($"{ProjectDirectory}/{fileName}", text));
            return this;
        }

        protected override CompilationWithAnalyzers CreateCompilationWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var triggers = TreeTriggers.For(compilation, options, analyzers, cancellationToken);
            foreach (var tree in compilation.SyntaxTrees)
            {
                triggersByTree[tree] = triggers;
            }

            return base.CreateCompilationWithAnalyzers(compilation, analyzers, options, cancellationToken);
        }

        protected override ImmutableArray<(Project project, Diagnostic diagnostic)> FilterDiagnostics(ImmutableArray<(Project project, Diagnostic diagnostic)> diagnostics)
        {
            // An analyzer that looks at no tree (a config rule at compilation end) is asked for by the CLI on its own,
            // wherever it reports — a source file too, for units the code declares (Lambda Annotations).
            var looksAtNoTree = TreeTriggers.LooksAtNoTree(new TAnalyzer());
            foreach (var (_, diagnostic) in diagnostics.Where(d => !looksAtNoTree && d.diagnostic.Id.StartsWith("PF", System.StringComparison.Ordinal) && d.diagnostic.Location.IsInSource))
            {
                var tree = diagnostic.Location.SourceTree!;
                Assert.True(
                    triggersByTree.TryGetValue(tree, out var triggers) && (triggers is null || triggers.Matches(tree, CancellationToken.None)),
                    $"{diagnostic.Id} is reported in {tree.FilePath}, which holds none of the analyzer's triggers: the CLI would not see it");
            }

            return base.FilterDiagnostics(diagnostics);
        }

        public ProjectAnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] expected)
        {
            ExpectedDiagnostics.AddRange(expected);
            return this;
        }
    }
}
