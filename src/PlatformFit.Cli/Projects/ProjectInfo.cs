using System;
using System.Collections.Generic;

namespace PlatformFit.Cli.Projects
{
    /// <summary>What a <c>.csproj</c> (with the <c>Directory.Build.props</c> and imports it picks up) declares, read as XML.</summary>
    internal sealed record ProjectInfo
    {
        /// <summary>Absolute, normalized.</summary>
        public required string ProjectFilePath { get; init; }

        /// <summary>Absolute, no trailing separator.</summary>
        public required string ProjectDirectory { get; init; }

        /// <summary>The file name without extension: what MSBuild calls <c>MSBuildProjectName</c>.</summary>
        public required string ProjectName { get; init; }

        /// <summary>
        /// False for the pre-SDK format (<c>ToolsVersion</c>, explicit <c>&lt;Compile Include&gt;</c> lists). True, with
        /// the SDK's defaults, when the project file could not be read at all.
        /// </summary>
        public bool IsSdkStyle { get; init; }

        /// <summary>The project SDK without its version, e.g. <c>Microsoft.NET.Sdk.Web</c>; null for legacy projects.</summary>
        public string? Sdk { get; init; }

        public required string AssemblyName { get; init; }

        public required string RootNamespace { get; init; }

        /// <summary>In the order written; the first is the one the loader compiles.</summary>
        public IReadOnlyList<string> TargetFrameworks { get; init; } = Array.Empty<string>();

        /// <summary>As written, or the SDK's default (<c>Exe</c> for the Web and Worker SDKs, else <c>Library</c>).</summary>
        public required string OutputType { get; init; }

        public string? ImplicitUsings { get; init; }

        public string? Nullable { get; init; }

        public string? LangVersion { get; init; }

        /// <summary>The project's own <c>DefineConstants</c>, split; the SDK's implicit symbols are added by the compilation factory.</summary>
        public IReadOnlyList<string> DefineConstants { get; init; } = Array.Empty<string>();

        public bool AllowUnsafeBlocks { get; init; }

        public string? RuntimeIdentifier { get; init; }

        public IReadOnlyList<string> RuntimeIdentifiers { get; init; } = Array.Empty<string>();

        public bool? PublishAot { get; init; }

        public bool? SelfContained { get; init; }

        public string? RollForward { get; init; }

        /// <summary>False when <c>EnableDefaultCompileItems</c> or <c>EnableDefaultItems</c> is false, and for legacy projects.</summary>
        public bool EnableDefaultCompileItems { get; init; } = true;

        /// <summary><c>Compile</c> Include and Remove items in evaluation order: a Remove only removes what was included before it.</summary>
        public IReadOnlyList<CompileItem> CompileItems { get; init; } = Array.Empty<CompileItem>();

        public IReadOnlyList<PackageReferenceItem> PackageReferences { get; init; } = Array.Empty<PackageReferenceItem>();

        public IReadOnlyList<string> FrameworkReferences { get; init; } = Array.Empty<string>();

        /// <summary>Absolute, normalized paths of the referenced project files.</summary>
        public IReadOnlyList<string> ProjectReferences { get; init; } = Array.Empty<string>();

        /// <summary><c>Using</c> Include and Remove items in evaluation order; the SDK's implicit ones come before them.</summary>
        public IReadOnlyList<UsingItem> Usings { get; init; } = Array.Empty<UsingItem>();

        /// <summary>Every simple property read (case-insensitive names), after <c>$(…)</c> substitution; last write wins.</summary>
        public IReadOnlyDictionary<string, string> Properties { get; init; } =
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The props and import files read besides the project file, each before the files it imports (so the nearest <c>Directory.Build.props</c> first).</summary>
        public IReadOnlyList<string> ImportedFiles { get; init; } = Array.Empty<string>();

        public IReadOnlyList<ProjectProblem> Problems { get; init; } = Array.Empty<ProjectProblem>();

        public bool UsesWebSdk => IsSdk("Microsoft.NET.Sdk.Web");

        public bool UsesRazorSdk => IsSdk("Microsoft.NET.Sdk.Razor");

        public bool UsesWorkerSdk => IsSdk("Microsoft.NET.Sdk.Worker");

        /// <summary>The absolute <c>BaseIntermediateOutputPath</c> (default <c>obj</c>), no trailing separator.</summary>
        public string IntermediateDirectory => ResolveDirectoryProperty("BaseIntermediateOutputPath", "obj");

        /// <summary>The absolute <c>BaseOutputPath</c> (default <c>bin</c>), no trailing separator.</summary>
        public string OutputDirectory => ResolveDirectoryProperty("BaseOutputPath", "bin");

        /// <summary>Where NuGet writes <c>project.assets.json</c>: <c>MSBuildProjectExtensionsPath</c>, else the intermediate directory.</summary>
        public string AssetsFilePath =>
            System.IO.Path.Combine(ResolveDirectoryProperty("MSBuildProjectExtensionsPath", IntermediateDirectory), "project.assets.json");

        public string? GetProperty(string name) =>
            Properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        private bool IsSdk(string name) => string.Equals(Sdk, name, StringComparison.OrdinalIgnoreCase);

        private string ResolveDirectoryProperty(string name, string fallback)
        {
            var value = GetProperty(name) ?? fallback;
            if (value.Contains("$(", StringComparison.Ordinal))
            {
                value = fallback;
            }

            return ProjectPaths.TryGetFullPath(value, ProjectDirectory)
                ?? ProjectPaths.TryGetFullPath(fallback, ProjectDirectory)
                ?? ProjectDirectory;
        }
    }

    /// <summary>One <c>&lt;Compile Include&gt;</c> or <c>&lt;Compile Remove&gt;</c> pattern, relative to the project directory or absolute.</summary>
    internal sealed record CompileItem(CompileItemKind Kind, string Pattern)
    {
        /// <summary>The item's <c>Exclude</c> patterns (Include only).</summary>
        public IReadOnlyList<string> Excludes { get; init; } = Array.Empty<string>();
    }

    internal enum CompileItemKind
    {
        Include,
        Remove,
    }

    /// <summary>A <c>PackageReference</c>; <see cref="Version"/> is null when the project leaves it to central package management.</summary>
    internal sealed record PackageReferenceItem(string Id, string? Version);

    /// <summary>A <c>&lt;Using Include="…" Alias="…" Static="true"/&gt;</c> or <c>&lt;Using Remove="…"/&gt;</c> item.</summary>
    internal sealed record UsingItem(string Name, string? Alias, bool IsStatic, bool IsRemove);
}
