using System;
using System.IO;

namespace PlatformFit.Cli.Projects
{
    /// <summary>How project files spell paths (backslashes, relative to the project) turned into this machine's absolute paths.</summary>
    internal static class ProjectPaths
    {
        /// <summary>
        /// Linux file systems are case-sensitive and MSBuild matches globs there case-sensitively; Windows and macOS
        /// volumes are not, and a repo written on them spells paths loosely.
        /// </summary>
        public static readonly StringComparison Comparison =
            OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        public static readonly StringComparer Comparer =
            OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

        /// <summary>Project files are mostly written on Windows: <c>..\Shared\*.cs</c> means <c>../Shared/*.cs</c> here, as in MSBuild.</summary>
        public static string ToPlatformSeparators(string path) =>
            Path.DirectorySeparatorChar == '/' ? path.Replace('\\', '/') : path.Replace('/', '\\');

        public static string TrimTrailingSeparator(string path)
        {
            var root = Path.GetPathRoot(path);
            while (path.Length > (root?.Length ?? 0) && (path[^1] == '/' || path[^1] == Path.DirectorySeparatorChar))
            {
                path = path[..^1];
            }

            return path;
        }

        /// <summary>An absolute, normalized path with no trailing separator, or null when the text is no valid path.</summary>
        public static string? TryGetFullPath(string path, string relativeTo)
        {
            try
            {
                return TrimTrailingSeparator(Path.GetFullPath(Path.Combine(relativeTo, ToPlatformSeparators(path))));
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }
            catch (PathTooLongException)
            {
                return null;
            }
        }

        /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or below it; both absolute and normalized.</summary>
        public static bool IsWithin(string path, string directory)
        {
            directory = TrimTrailingSeparator(directory);
            if (!path.StartsWith(directory, Comparison))
            {
                return false;
            }

            return path.Length == directory.Length
                || path[directory.Length] == Path.DirectorySeparatorChar
                || path[directory.Length] == '/'
                || directory.Length == (Path.GetPathRoot(directory)?.Length ?? -1);
        }

        /// <summary>
        /// The real location of a path inside the repository, following every link on the way, or null when a link leads
        /// out of the repository (or nowhere). A path that merely does not exist is returned as it is.
        /// </summary>
        /// <remarks>
        /// A hostile repository can hold <c>x → /</c> and name <c>x/home/…/*.cs</c>: checking the path as written is not enough.
        /// </remarks>
        public static string? ResolveInsideRepository(string path, string repositoryRoot)
        {
            var root = TrimTrailingSeparator(repositoryRoot);
            if (!IsWithin(path, root))
            {
                return null;
            }

            var current = root;
            var remainder = path.Length <= root.Length ? string.Empty : path[(root.Length + 1)..];
            var parts = remainder.Split(new[] { '/', Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
            for (var index = 0; index < parts.Length; index++)
            {
                var next = Path.Combine(current, parts[index]);
                var entry = new FileInfo(next);
                var attributes = entry.Attributes;
                if ((int)attributes == -1)
                {
                    return Path.Combine(next, string.Join(Path.DirectorySeparatorChar, parts, index + 1, parts.Length - index - 1));
                }

                if ((attributes & FileAttributes.ReparsePoint) != 0)
                {
                    try
                    {
                        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                        if (target is null)
                        {
                            return null;
                        }

                        next = TrimTrailingSeparator(target.FullName);
                    }
                    catch (IOException)
                    {
                        return null; // a loop of links
                    }
                    catch (UnauthorizedAccessException)
                    {
                        return null;
                    }

                    if (!IsWithin(next, root))
                    {
                        return null;
                    }
                }

                current = next;
            }

            return current;
        }

        /// <summary>Relative to <paramref name="directory"/> with '/' separators, for messages that must not name machine paths.</summary>
        public static string ToDisplayPath(string path, string? directory)
        {
            var relative = directory is null || !IsWithin(path, directory) ? Path.GetFileName(path) : Path.GetRelativePath(directory, path);
            return relative.Replace('\\', '/');
        }
    }
}
