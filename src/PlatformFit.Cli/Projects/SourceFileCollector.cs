using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PlatformFit.Cli.Projects
{
    /// <summary>The C# files a project compiles, sorted ordinal, absolute.</summary>
    internal sealed record SourceFileCollection(IReadOnlyList<string> Files, IReadOnlyList<ProjectProblem> Problems);

    /// <summary>
    /// Finds the files the SDK would compile: its default glob (<c>**/*.cs</c> minus <c>bin</c>, <c>obj</c>, hidden folders
    /// and <c>node_modules</c>), then the project's <c>Compile</c> Include and Remove items in order. The scanned repo is
    /// untrusted: links are followed only inside the repository, each real directory is walked once (no loops), nothing
    /// outside the repository is read, and oversized files are skipped.
    /// </summary>
    internal static class SourceFileCollector
    {
        /// <summary>Larger "source" files are generated blobs or hostile; parsing them would dominate the scan.</summary>
        public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

        /// <summary>Deeper trees are generated or hostile; the real SDK fails on path length long before this.</summary>
        private const int MaxDirectoryDepth = 100;

        public static SourceFileCollection Collect(ProjectInfo project, string repositoryRoot, long maxFileBytes = DefaultMaxFileBytes)
        {
            var root = ProjectPaths.TryGetFullPath(repositoryRoot, Directory.GetCurrentDirectory()) ?? project.ProjectDirectory;
            var walk = new FileWalk(project, root, maxFileBytes);
            return walk.Run();
        }

        private sealed class FileWalk
        {
            private readonly ProjectInfo _project;
            private readonly string _repositoryRoot;
            private readonly long _maxFileBytes;
            private readonly List<ProjectProblem> _problems = new();
            private readonly HashSet<string> _files = new(ProjectPaths.Comparer);
            private readonly HashSet<string> _reported = new(ProjectPaths.Comparer);

            public FileWalk(ProjectInfo project, string repositoryRoot, long maxFileBytes)
            {
                _project = project;
                _repositoryRoot = repositoryRoot;
                _maxFileBytes = maxFileBytes;
            }

            public SourceFileCollection Run()
            {
                if (_project.EnableDefaultCompileItems)
                {
                    Guarded(_project.ProjectFilePath, AddDefaultItems);
                }

                foreach (var item in _project.CompileItems)
                {
                    var pattern = ItemPattern.Create(item.Pattern, _project.ProjectDirectory);
                    if (pattern is null)
                    {
                        _problems.Add(ProjectProblem.Warning(_project.ProjectFilePath, $"The Compile item '{item.Pattern}' is not a valid path."));
                        continue;
                    }

                    if (item.Kind == CompileItemKind.Remove)
                    {
                        _files.RemoveWhere(pattern.Matches);
                    }
                    else
                    {
                        Guarded(_project.ProjectFilePath, () => AddIncludedItems(item, pattern));
                    }
                }

                var files = _files.ToArray();
                Array.Sort(files, StringComparer.Ordinal);
                return new SourceFileCollection(files, _problems.ToArray());
            }

            private void AddDefaultItems()
            {
                var projectDirectory = _project.ProjectDirectory;
                var excludedDirectories = new HashSet<string>(ProjectPaths.Comparer)
                {
                    Path.Combine(projectDirectory, "bin"),
                    Path.Combine(projectDirectory, "obj"),
                    _project.OutputDirectory,
                    _project.IntermediateDirectory,
                };

                var excludes = new List<ItemPattern>();
                foreach (var name in new[] { "DefaultItemExcludes", "DefaultItemExcludesInProjectFolder", "DefaultExcludesInProjectFolder" })
                {
                    foreach (var spec in CsprojReader.SplitList(_project.GetProperty(name)))
                    {
                        var pattern = ItemPattern.Create(spec, projectDirectory);
                        if (pattern is null)
                        {
                            continue;
                        }

                        if (pattern.MatchesWholeDirectory)
                        {
                            excludedDirectories.Add(pattern.BaseDirectory);
                        }
                        else
                        {
                            excludes.Add(pattern);
                        }
                    }
                }

                bool SkipDirectory(string fullPath, string name) =>
                    name.StartsWith('.')
                    || name.Equals("node_modules", StringComparison.OrdinalIgnoreCase)
                    || excludedDirectories.Contains(fullPath);

                foreach (var file in EnumerateFiles(projectDirectory, MaxDirectoryDepth, SkipDirectory, IsCSharpFile))
                {
                    if (!excludes.Any(pattern => pattern.Matches(file)))
                    {
                        _files.Add(file);
                    }
                }
            }

            private void AddIncludedItems(CompileItem item, ItemPattern pattern)
            {
                var excludes = item.Excludes
                    .Select(spec => ItemPattern.Create(spec, _project.ProjectDirectory))
                    .OfType<ItemPattern>()
                    .ToArray();

                if (ProjectPaths.ResolveInsideRepository(pattern.BaseDirectory, _repositoryRoot) is null)
                {
                    // A hostile project could name any file on the scanning machine; its text would end up in findings.
                    _problems.Add(ProjectProblem.Warning(_project.ProjectFilePath, $"The Compile item '{item.Pattern}' points outside the repository; it is not read."));
                    return;
                }

                if (!pattern.HasWildcards)
                {
                    var file = new FileInfo(pattern.BaseDirectory);
                    if (!file.Exists)
                    {
                        _problems.Add(ProjectProblem.Note(_project.ProjectFilePath, $"The Compile item '{item.Pattern}' does not exist."));
                    }
                    else if (IsAcceptableFile(file) && !excludes.Any(exclude => exclude.Matches(file.FullName)))
                    {
                        _files.Add(file.FullName);
                    }

                    return;
                }

                if (!Directory.Exists(pattern.BaseDirectory))
                {
                    return; // MSBuild expands a glob over a missing folder to nothing, silently.
                }

                // "*.cs" looks in one folder, "Models/*/*.cs" two deep; only "**" needs the whole tree.
                var wildcardPart = pattern.WildcardPart!;
                var maxDepth = wildcardPart.Contains("**", StringComparison.Ordinal)
                    ? MaxDirectoryDepth
                    : wildcardPart.Count(character => character == '/');

                foreach (var file in EnumerateFiles(pattern.BaseDirectory, maxDepth, static (_, _) => false, pattern.MatchesRelative))
                {
                    if (!excludes.Any(exclude => exclude.Matches(file)))
                    {
                        _files.Add(file);
                    }
                }
            }

            /// <summary>
            /// Walks below <paramref name="baseDirectory"/> depth-first. A directory reached through a link is entered only
            /// when the link's final target is inside the repository and that real directory was not walked yet.
            /// </summary>
            private IEnumerable<string> EnumerateFiles(string baseDirectory, int maxDepth, Func<string, string, bool> skipDirectory, Func<string, bool> matchRelativePath)
            {
                var walked = new HashSet<string>(ProjectPaths.Comparer);
                var baseReal = ResolveDirectory(new DirectoryInfo(baseDirectory));
                if (baseReal is null)
                {
                    yield break;
                }

                walked.Add(baseReal);
                var pending = new Stack<(string Path, string Relative, string Real, int Depth)>();
                pending.Push((baseDirectory, string.Empty, baseReal, 0));
                while (pending.Count > 0)
                {
                    var (directory, relative, real, depth) = pending.Pop();
                    FileSystemInfo[] entries;
                    try
                    {
                        entries = new DirectoryInfo(directory).GetFileSystemInfos();
                    }
                    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                    {
                        _problems.Add(ProjectProblem.Warning(_project.ProjectFilePath, $"The folder '{Display(directory)}' could not be listed: {exception.GetType().Name}."));
                        continue;
                    }

                    // Listing order is the file system's; which of two aliases of a folder is walked, and the order of
                    // problems, must not depend on it.
                    Array.Sort(entries, static (left, right) => string.CompareOrdinal(left.Name, right.Name));

                    foreach (var entry in entries)
                    {
                        var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                        if (entry is DirectoryInfo subdirectory)
                        {
                            if (depth >= maxDepth || skipDirectory(subdirectory.FullName, subdirectory.Name))
                            {
                                continue;
                            }

                            var subdirectoryReal = IsLink(subdirectory)
                                ? ResolveDirectory(subdirectory)
                                : Path.Combine(real, subdirectory.Name);

                            // A second way into a folder already walked is a link cycle or an alias: its files are already in.
                            if (subdirectoryReal is not null && walked.Add(subdirectoryReal))
                            {
                                pending.Push((subdirectory.FullName, entryRelative, subdirectoryReal, depth + 1));
                            }
                        }
                        else if (entry is FileInfo file && matchRelativePath(entryRelative) && IsAcceptableFile(file))
                        {
                            yield return file.FullName;
                        }
                    }
                }
            }

            /// <summary>The real path to walk for a directory, or null when it is a link leading outside the repository or nowhere.</summary>
            private string? ResolveDirectory(DirectoryInfo directory)
            {
                if (!IsLink(directory))
                {
                    return directory.Exists ? ProjectPaths.TrimTrailingSeparator(directory.FullName) : null;
                }

                var target = ResolveLink(directory);
                if (target is null || !Directory.Exists(target))
                {
                    return null;
                }

                if (!ProjectPaths.IsWithin(target, _repositoryRoot))
                {
                    Report(directory.FullName, ProjectProblem.Note(_project.ProjectFilePath, $"The folder link '{Display(directory.FullName)}' points outside the repository; it is not followed."));
                    return null;
                }

                return target;
            }

            private bool IsAcceptableFile(FileInfo file)
            {
                long length;
                if (IsLink(file))
                {
                    var target = ResolveLink(file);
                    if (target is null || !File.Exists(target))
                    {
                        return false;
                    }

                    if (!ProjectPaths.IsWithin(target, _repositoryRoot))
                    {
                        Report(file.FullName, ProjectProblem.Note(_project.ProjectFilePath, $"The file link '{Display(file.FullName)}' points outside the repository; it is not read."));
                        return false;
                    }

                    length = new FileInfo(target).Length;
                }
                else
                {
                    length = file.Length;
                }

                if (length > _maxFileBytes)
                {
                    Report(file.FullName, ProjectProblem.Warning(file.FullName, $"The file is {length / (1024 * 1024)} MB, above the {_maxFileBytes / (1024 * 1024)} MB limit for source files; it was not analysed."));
                    return false;
                }

                return true;
            }

            private string? ResolveLink(FileSystemInfo link)
            {
                try
                {
                    var target = link.ResolveLinkTarget(returnFinalTarget: true);
                    return target is null ? null : ProjectPaths.TrimTrailingSeparator(target.FullName);
                }
                catch (IOException)
                {
                    // ELOOP: a chain of links that never reaches a real file.
                    Report(link.FullName, ProjectProblem.Note(_project.ProjectFilePath, $"The link '{Display(link.FullName)}' loops or cannot be resolved; it is not followed."));
                    return null;
                }
                catch (UnauthorizedAccessException)
                {
                    return null;
                }
            }

            private static bool IsLink(FileSystemInfo entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

            private static bool IsCSharpFile(string relativePath) => relativePath.EndsWith(".cs", ProjectPaths.Comparison);

            /// <summary>A folder deleted or re-permissioned mid-walk costs its files, not the scan.</summary>
            private void Guarded(string path, Action collect)
            {
                try
                {
                    collect();
                }
                catch (Exception exception) when (CsprojReader.IsInputFailure(exception))
                {
                    _problems.Add(ProjectProblem.Warning(path, $"Some source files could not be listed ({exception.GetType().Name}); the project is analysed without them."));
                }
            }

            /// <summary>A link met from several include items is reported once.</summary>
            private void Report(string key, ProjectProblem problem)
            {
                if (_reported.Add(key))
                {
                    _problems.Add(problem);
                }
            }

            private string Display(string path) => ProjectPaths.ToDisplayPath(path, _repositoryRoot);
        }
    }
}
