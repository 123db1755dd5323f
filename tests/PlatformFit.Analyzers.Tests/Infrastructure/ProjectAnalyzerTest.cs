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
    /// </summary>
    internal sealed class ProjectAnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public const string RepositoryRoot = "/repo";

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

        public ProjectAnalyzerTest<TAnalyzer> Expect(params DiagnosticResult[] expected)
        {
            ExpectedDiagnostics.AddRange(expected);
            return this;
        }
    }
}
