using System;
using System.Collections.Generic;

namespace PlatformFit.Core.Config
{
    /// <summary>
    /// Path arithmetic on the paths hosts hand to Core, without touching a file system: a config's relative
    /// reference (<c>./env.yml</c>, <c>src/Api/</c>, <c>bin/release/net8.0/api.zip</c>) made absolute against
    /// the config's folder, and folder containment for tying units to projects.
    /// </summary>
    public static class ConfigPaths
    {
        private static readonly char[] Separators = { '/', '\\' };

        /// <summary>The folder of a file path, with '/' separators and no trailing separator.</summary>
        public static string DirectoryOf(string filePath)
        {
            var normalized = Normalize(filePath);
            var slash = normalized.LastIndexOf('/');
            return slash <= 0 ? (slash == 0 ? "/" : string.Empty) : normalized.Substring(0, slash);
        }

        /// <summary>Resolves <paramref name="relative"/> against the folder of <paramref name="configPath"/>.</summary>
        public static string Resolve(string configPath, string relative)
        {
            var normalizedRelative = Normalize(relative);
            if (IsRooted(normalizedRelative))
            {
                return Collapse(normalizedRelative);
            }

            return Collapse(DirectoryOf(configPath) + "/" + normalizedRelative);
        }

        /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
        public static bool IsUnder(string path, string directory)
        {
            var p = Collapse(Normalize(path));
            var d = Collapse(Normalize(directory)).TrimEnd('/');
            return p.Equals(d, StringComparison.Ordinal) || p.StartsWith(d + "/", StringComparison.Ordinal);
        }

        /// <summary>'/' separators throughout.</summary>
        public static string Normalize(string path) => path.Replace('\\', '/');

        private static bool IsRooted(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');

        /// <summary>Removes <c>.</c> and <c>..</c> segments and doubled separators.</summary>
        private static string Collapse(string path)
        {
            var rooted = path.StartsWith("/", StringComparison.Ordinal);
            var segments = new List<string>();
            foreach (var segment in path.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == ".")
                {
                    continue;
                }

                if (segment == ".." && segments.Count > 0 && segments[segments.Count - 1] != "..")
                {
                    segments.RemoveAt(segments.Count - 1);
                    continue;
                }

                segments.Add(segment);
            }

            var joined = string.Join("/", segments);
            return rooted ? "/" + joined : joined;
        }
    }
}
