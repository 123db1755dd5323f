using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PlatformFit.Cli.Projects
{
    /// <summary>The package assemblies a restored project compiles against, from its <c>project.assets.json</c>.</summary>
    /// <param name="IsRestored">False when there is no assets file or it could not be read: package types resolve by name only.</param>
    /// <param name="CompileAssemblies">Absolute paths of existing files, sorted ordinal.</param>
    /// <param name="MissingPackages">Packages the file lists but this machine's package folders lack, as <c>Id/Version</c>, sorted.</param>
    /// <param name="Problems">What could not be read or found.</param>
    internal sealed record PackageAssets(
        bool IsRestored,
        IReadOnlyList<string> CompileAssemblies,
        IReadOnlyList<string> MissingPackages,
        IReadOnlyList<ProjectProblem> Problems);

    /// <summary>
    /// Reads NuGet's restore output instead of restoring: no network, nothing of the repo runs. The file is the repo's, so
    /// it is treated as untrusted input — size-capped, depth-capped, and every path it yields is kept inside its package folder.
    /// </summary>
    internal static class AssetsFileReader
    {
        /// <summary>Assets files of large solutions reach tens of MB; beyond this one is generated or hostile.</summary>
        public const long MaxAssetsFileBytes = 256L * 1024 * 1024;

        private const int MaxMissingPackagesNamed = 5;

        public static PackageAssets Read(string assetsFilePath, string? targetFramework, string? runtimeIdentifier = null)
        {
            var problems = new List<ProjectProblem>();
            if (!File.Exists(assetsFilePath))
            {
                problems.Add(ProjectProblem.Note(assetsFilePath, "The project is not restored (no project.assets.json); types from its packages resolve by name only."));
                return NotRestored(problems);
            }

            JsonDocument document;
            try
            {
                var length = new FileInfo(assetsFilePath).Length;
                if (length > MaxAssetsFileBytes)
                {
                    problems.Add(ProjectProblem.Warning(assetsFilePath, $"The file is {length / (1024 * 1024)} MB, above the {MaxAssetsFileBytes / (1024 * 1024)} MB limit; package types resolve by name only."));
                    return NotRestored(problems);
                }

                using var stream = new FileStream(assetsFilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65536, FileOptions.SequentialScan);
                document = JsonDocument.Parse(stream, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                    MaxDepth = 64,
                });
            }
            catch (JsonException exception)
            {
                var line = exception.LineNumber is { } zeroBased ? (int)Math.Min(zeroBased + 1, int.MaxValue) : 0;
                var column = exception.BytePositionInLine is { } position ? (int)Math.Min(position + 1, int.MaxValue) : 0;
                problems.Add(ProjectProblem.Warning(assetsFilePath, "The file is not valid JSON; package types resolve by name only.", line, column));
                return NotRestored(problems);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                problems.Add(ProjectProblem.Warning(assetsFilePath, $"The file could not be read ({exception.GetType().Name}); package types resolve by name only."));
                return NotRestored(problems);
            }

            using (document)
            {
                return ReadDocument(document.RootElement, assetsFilePath, targetFramework, runtimeIdentifier, problems);
            }
        }

        private static PackageAssets ReadDocument(JsonElement root, string assetsFilePath, string? targetFramework, string? runtimeIdentifier, List<ProjectProblem> problems)
        {
            if (root.ValueKind != JsonValueKind.Object
                || !TryGetObject(root, "targets", out var targets)
                || !TryGetObject(root, "libraries", out var libraries))
            {
                problems.Add(ProjectProblem.Warning(assetsFilePath, "The file has no 'targets' and 'libraries'; it is not a NuGet assets file. Package types resolve by name only."));
                return NotRestored(problems);
            }

            var target = FindTarget(targets, targetFramework, runtimeIdentifier);
            if (target is null)
            {
                problems.Add(ProjectProblem.Warning(assetsFilePath, $"The file has no restore for '{targetFramework}'; package types resolve by name only."));
                return NotRestored(problems);
            }

            var packageFolders = new List<string>();
            if (TryGetObject(root, "packageFolders", out var folders))
            {
                foreach (var folder in folders.EnumerateObject())
                {
                    var path = ProjectPaths.TryGetFullPath(folder.Name, Path.GetDirectoryName(assetsFilePath) ?? ".");
                    if (path is not null && Directory.Exists(path))
                    {
                        packageFolders.Add(path);
                    }
                }
            }

            var assemblies = new SortedSet<string>(StringComparer.Ordinal);
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var library in target.Value.Value.EnumerateObject())
            {
                if (library.Value.ValueKind != JsonValueKind.Object
                    || !IsString(library.Value, "type", "package")
                    || !TryGetObject(library.Value, "compile", out var compile))
                {
                    continue; // "project" libraries are the ProjectReferences, bound from their own compilations.
                }

                var items = compile.EnumerateObject()
                    .Select(item => item.Name)
                    .Where(item => item.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) // "_._" marks "nothing to compile" for this framework
                    .ToArray();
                if (items.Length == 0)
                {
                    continue;
                }

                var libraryPath = libraries.TryGetProperty(library.Name, out var libraryEntry)
                    && libraryEntry.ValueKind == JsonValueKind.Object
                    && libraryEntry.TryGetProperty("path", out var pathElement)
                    && pathElement.ValueKind == JsonValueKind.String
                        ? pathElement.GetString()
                        : null;
                libraryPath ??= library.Name.ToLowerInvariant(); // NuGet's layout: id/version, lower-cased

                var found = false;
                foreach (var packageFolder in packageFolders)
                {
                    var packageDirectory = ProjectPaths.TryGetFullPath(libraryPath, packageFolder);
                    if (packageDirectory is null || !ProjectPaths.IsWithin(packageDirectory, packageFolder) || !Directory.Exists(packageDirectory))
                    {
                        continue;
                    }

                    found = true;
                    foreach (var item in items)
                    {
                        var assembly = ProjectPaths.TryGetFullPath(item, packageDirectory);
                        if (assembly is not null && ProjectPaths.IsWithin(assembly, packageDirectory) && File.Exists(assembly))
                        {
                            assemblies.Add(assembly);
                        }
                    }

                    break;
                }

                if (!found)
                {
                    missing.Add(library.Name);
                }
            }

            if (missing.Count > 0)
            {
                var named = string.Join(", ", missing.Take(MaxMissingPackagesNamed)) + (missing.Count > MaxMissingPackagesNamed ? ", …" : string.Empty);
                problems.Add(ProjectProblem.Note(assetsFilePath, $"{missing.Count} restored package(s) are not in this machine's package folders ({named}); their types resolve by name only."));
            }

            return new PackageAssets(true, assemblies.ToArray(), missing.ToArray(), problems);
        }

        /// <summary>
        /// The <c>targets</c> entry for a framework: keyed by the moniker (<c>net8.0</c>) in current files or by the framework
        /// name (<c>.NETCoreApp,Version=v8.0</c>) in older ones, each possibly with a <c>/rid</c> twin. Compile assets are
        /// the same in both, so the RID-less entry is preferred.
        /// </summary>
        private static JsonProperty? FindTarget(JsonElement targets, string? targetFramework, string? runtimeIdentifier)
        {
            var entries = targets.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.Object).ToArray();
            var wanted = TargetFrameworkMoniker.TryParse(targetFramework);

            bool IsFramework(string key)
            {
                if (targetFramework is not null && key.Equals(targetFramework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                var parsed = TargetFrameworkMoniker.TryParse(key);
                return wanted is not null && parsed is not null && wanted.IsSameFramework(parsed)
                    && string.Equals(wanted.Platform, parsed.Platform, StringComparison.OrdinalIgnoreCase);
            }

            static (string Framework, string? Rid) Split(string key)
            {
                var slash = key.IndexOf('/', StringComparison.Ordinal);
                return slash < 0 ? (key, null) : (key[..slash], key[(slash + 1)..]);
            }

            var matching = entries.Where(entry => IsFramework(Split(entry.Name).Framework)).ToArray();
            if (matching.Length == 0 && targetFramework is null)
            {
                matching = entries; // No framework asked for: whatever was restored.
            }

            var withoutRid = matching.Where(entry => Split(entry.Name).Rid is null).ToArray();
            if (withoutRid.Length > 0)
            {
                return withoutRid[0];
            }

            var sameRid = matching.Where(entry => string.Equals(Split(entry.Name).Rid, runtimeIdentifier, StringComparison.OrdinalIgnoreCase)).ToArray();
            return sameRid.Length > 0 ? sameRid[0] : matching.Length > 0 ? matching[0] : null;
        }

        private static PackageAssets NotRestored(List<ProjectProblem> problems) =>
            new(false, Array.Empty<string>(), Array.Empty<string>(), problems);

        private static bool TryGetObject(JsonElement element, string name, out JsonElement value) =>
            element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

        private static bool IsString(JsonElement element, string name, string expected) =>
            element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            && string.Equals(value.GetString(), expected, StringComparison.OrdinalIgnoreCase);
    }
}
