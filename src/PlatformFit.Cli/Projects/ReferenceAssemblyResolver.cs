using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Cli.Projects
{
    /// <summary>One reference pack a project was bound against, e.g. <c>Microsoft.NETCore.App.Ref 10.0.12 (net10.0)</c>.</summary>
    internal sealed record ReferencePack(string Name, string Version, string ReferenceFramework)
    {
        public override string ToString() => $"{Name} {Version} ({ReferenceFramework})";
    }

    /// <summary>The framework reference assemblies for one project and target framework.</summary>
    internal sealed record FrameworkBinding(
        string? TargetFramework,
        IReadOnlyList<ReferencePack> Packs,
        IReadOnlyList<MetadataReference> References,
        IReadOnlyList<ProjectProblem> Problems)
    {
        /// <summary>For verbose output: <c>net8.0 bound against Microsoft.NETCore.App.Ref 10.0.12 (net10.0)</c>.</summary>
        public string Description =>
            $"{TargetFramework ?? "(no target framework)"} bound against "
            + (Packs.Count == 0 ? "no reference pack" : string.Join(", ", Packs));
    }

    /// <summary>
    /// Finds the framework's reference assemblies in the installed SDK's <c>packs</c> folder. Only the running SDK's packs
    /// are there as a rule, so a project that targets an older framework is bound against the newest pack (and the binding
    /// says so); a pack of the project's own version is preferred when one is installed.
    /// </summary>
    internal sealed class ReferenceAssemblyResolver
    {
        public const string NetCoreAppFramework = "Microsoft.NETCore.App";
        public const string AspNetCoreAppFramework = "Microsoft.AspNetCore.App";

        // Reading a reference assembly's metadata is the expensive part of a small scan; every project binds the same
        // ~200 framework assemblies and often the same packages, so one reference per file serves the whole process.
        private static readonly ConcurrentDictionary<string, Lazy<MetadataReference?>> References = new(ProjectPaths.Comparer);
        private static readonly ConcurrentDictionary<string, Lazy<string[]>> PackAssemblies = new(ProjectPaths.Comparer);

        private readonly ConcurrentDictionary<string, IReadOnlyList<InstalledPack>> _installedPacks = new(StringComparer.OrdinalIgnoreCase);

        /// <param name="dotnetRoot">The folder holding <c>packs/</c>; null when none was found (every framework type then resolves by name only).</param>
        public ReferenceAssemblyResolver(string? dotnetRoot)
        {
            DotnetRoot = dotnetRoot is null ? null : ProjectPaths.TrimTrailingSeparator(Path.GetFullPath(dotnetRoot));
        }

        public string? DotnetRoot { get; }

        /// <summary>The resolver for the SDK this process runs on.</summary>
        public static ReferenceAssemblyResolver CreateDefault() => new(FindDotnetRoot());

        /// <summary><c>DOTNET_ROOT</c> when it holds packs, else the installation the running runtime came from.</summary>
        public static string? FindDotnetRoot()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrWhiteSpace(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
            {
                return fromEnvironment;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
            var coreLibrary = typeof(object).Assembly.Location;
            var runtimeDirectory = string.IsNullOrEmpty(coreLibrary) ? null : Path.GetDirectoryName(coreLibrary);
            var root = runtimeDirectory is null ? null : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            return root is not null && Directory.Exists(Path.Combine(root, "packs")) ? root : null;
        }

        /// <summary>
        /// A metadata reference for an assembly file, created once per process. Null (with <paramref name="error"/> set)
        /// when the file is not a readable .NET assembly.
        /// </summary>
        public static MetadataReference? GetOrCreateReference(string path, out string? error)
        {
            var lazy = References.GetOrAdd(path, static key => new Lazy<MetadataReference?>(() => TryCreateReference(key)));
            var reference = lazy.Value;
            error = reference is null ? "not a readable .NET assembly" : null;
            return reference;
        }

        public FrameworkBinding Resolve(ProjectInfo project, string? targetFramework)
        {
            var problems = new List<ProjectProblem>();
            var packs = new List<ReferencePack>();
            var references = new List<MetadataReference>();
            var moniker = TargetFrameworkMoniker.TryParse(targetFramework);
            if (targetFramework is not null && moniker is null)
            {
                problems.Add(ProjectProblem.Warning(project.ProjectFilePath, $"The target framework '{targetFramework}' is not one this tool knows; the project is bound against the newest installed framework."));
            }

            if (DotnetRoot is null)
            {
                problems.Add(ProjectProblem.Warning(project.ProjectFilePath, "No .NET SDK reference packs were found (set DOTNET_ROOT); framework types resolve by name only."));
                return new FrameworkBinding(targetFramework, packs, references, problems);
            }

            foreach (var framework in FrameworksOf(project))
            {
                var pack = SelectPack(framework + ".Ref", moniker);
                if (pack is null)
                {
                    problems.Add(ProjectProblem.Warning(project.ProjectFilePath, $"The {framework} reference pack is not installed; its types resolve by name only."));
                    continue;
                }

                packs.Add(new ReferencePack(framework + ".Ref", pack.Version, pack.ReferenceFramework.Moniker));
                foreach (var assembly in AssembliesIn(pack.ReferenceDirectory))
                {
                    var reference = GetOrCreateReference(assembly, out _);
                    if (reference is not null)
                    {
                        references.Add(reference);
                    }
                }

                if (moniker is not null && !moniker.IsSameFramework(pack.ReferenceFramework))
                {
                    problems.Add(ProjectProblem.Note(project.ProjectFilePath, $"{moniker} is bound against {framework}.Ref {pack.Version} ({pack.ReferenceFramework}), the nearest installed pack."));
                }
            }

            return new FrameworkBinding(targetFramework, packs, references, problems);
        }

        /// <summary>The shared frameworks a project compiles against: always .NET, ASP.NET Core for web projects, plus its FrameworkReferences.</summary>
        private static List<string> FrameworksOf(ProjectInfo project)
        {
            var frameworks = new List<string> { NetCoreAppFramework };
            if (project.UsesWebSdk || project.UsesRazorSdk)
            {
                frameworks.Add(AspNetCoreAppFramework);
            }

            foreach (var reference in project.FrameworkReferences)
            {
                if (!frameworks.Contains(reference, StringComparer.OrdinalIgnoreCase))
                {
                    frameworks.Add(reference);
                }
            }

            return frameworks;
        }

        private InstalledPack? SelectPack(string packName, TargetFrameworkMoniker? target)
        {
            var installed = _installedPacks.GetOrAdd(packName, FindInstalledPacks);
            if (installed.Count == 0)
            {
                return null;
            }

            // The list is sorted newest first; a pack built for the project's own framework wins over a newer one.
            if (target is not null)
            {
                var exact = installed.FirstOrDefault(pack => target.IsSameFramework(pack.ReferenceFramework));
                if (exact is not null)
                {
                    return exact;
                }
            }

            return installed[0];
        }

        private List<InstalledPack> FindInstalledPacks(string packName)
        {
            var packs = new List<InstalledPack>();
            var packDirectory = Path.Combine(DotnetRoot!, "packs", packName);
            if (!Directory.Exists(packDirectory))
            {
                return packs;
            }

            try
            {
                foreach (var versionDirectory in Directory.EnumerateDirectories(packDirectory))
                {
                    var version = Path.GetFileName(versionDirectory);
                    var refDirectory = Path.Combine(versionDirectory, "ref");
                    if (!PackVersion.TryParse(version, out var packVersion) || !Directory.Exists(refDirectory))
                    {
                        continue;
                    }

                    foreach (var frameworkDirectory in Directory.EnumerateDirectories(refDirectory))
                    {
                        var framework = TargetFrameworkMoniker.TryParse(Path.GetFileName(frameworkDirectory));
                        if (framework is not null)
                        {
                            packs.Add(new InstalledPack(version, packVersion, framework, frameworkDirectory));
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return packs;
            }

            packs.Sort((left, right) =>
            {
                var byVersion = right.PackVersion.CompareTo(left.PackVersion);
                return byVersion != 0 ? byVersion : right.ReferenceFramework.Version.CompareTo(left.ReferenceFramework.Version);
            });
            return packs;
        }

        private static string[] AssembliesIn(string directory) =>
            PackAssemblies.GetOrAdd(directory, static key => new Lazy<string[]>(() =>
            {
                try
                {
                    var files = Directory.GetFiles(key, "*.dll");
                    Array.Sort(files, StringComparer.Ordinal);
                    return files;
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return Array.Empty<string>();
                }
            })).Value;

        private static PortableExecutableReference? TryCreateReference(string path)
        {
            try
            {
                return MetadataReference.CreateFromFile(path);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException or ArgumentException)
            {
                return null;
            }
        }

        private sealed record InstalledPack(string Version, PackVersion PackVersion, TargetFrameworkMoniker ReferenceFramework, string ReferenceDirectory);

        /// <summary>A pack folder name such as <c>10.0.12</c> or <c>11.0.0-preview.1.25080.5</c>; a release sorts above its previews.</summary>
        private readonly record struct PackVersion(Version Number, string? Prerelease) : IComparable<PackVersion>
        {
            public static bool TryParse(string text, out PackVersion version)
            {
                var dash = text.IndexOf('-', StringComparison.Ordinal);
                var numberText = dash < 0 ? text : text[..dash];
                if (Version.TryParse(numberText, out var number))
                {
                    version = new PackVersion(number, dash < 0 ? null : text[(dash + 1)..]);
                    return true;
                }

                version = default;
                return false;
            }

            public int CompareTo(PackVersion other)
            {
                var byNumber = Number.CompareTo(other.Number);
                if (byNumber != 0)
                {
                    return byNumber;
                }

                if (Prerelease is null || other.Prerelease is null)
                {
                    return (Prerelease is null ? 1 : 0) - (other.Prerelease is null ? 1 : 0);
                }

                return string.CompareOrdinal(Prerelease, other.Prerelease);
            }
        }
    }
}
