using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// An MSBuild item spec such as <c>..\Shared\**\*.cs</c>: a fixed base directory and, when the spec has wildcards, the
    /// glob below it (<c>**</c> any number of directories, <c>*</c> and <c>?</c> within one name).
    /// </summary>
    internal sealed class ItemPattern
    {
        private static readonly RegexOptions MatchOptions =
            RegexOptions.CultureInvariant
            // Specs come from the scanned repo: a linear-time engine means no spec can make matching hang.
            | RegexOptions.NonBacktracking
            | (ProjectPaths.Comparison == StringComparison.OrdinalIgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);

        private readonly Regex? _wildcard;

        private ItemPattern(string text, string baseDirectory, string? wildcardPart)
        {
            Text = text;
            BaseDirectory = baseDirectory;
            WildcardPart = wildcardPart;
            _wildcard = wildcardPart is null ? null : new Regex(ToRegex(wildcardPart), MatchOptions);
        }

        /// <summary>The spec as written.</summary>
        public string Text { get; }

        /// <summary>Absolute, no trailing separator; for a spec without wildcards, the file itself.</summary>
        public string BaseDirectory { get; }

        /// <summary>The part below <see cref="BaseDirectory"/> with '/' separators, e.g. <c>**/*.cs</c>; null for a plain path.</summary>
        public string? WildcardPart { get; }

        public bool HasWildcards => WildcardPart is not null;

        /// <summary>True when the spec ends in <c>/**</c>, so a directory can be pruned as a whole.</summary>
        public bool MatchesWholeDirectory => WildcardPart == "**";

        /// <summary>Null when the spec is no valid path on this machine.</summary>
        public static ItemPattern? Create(string spec, string relativeTo)
        {
            var segments = spec.Replace('\\', '/').Split('/');
            var firstWildcard = Array.FindIndex(segments, segment => segment.AsSpan().IndexOfAny('*', '?') >= 0);
            if (firstWildcard < 0)
            {
                var path = ProjectPaths.TryGetFullPath(spec, relativeTo);
                return path is null ? null : new ItemPattern(spec, path, null);
            }

            var fixedPart = string.Join('/', segments, 0, firstWildcard);
            var baseDirectory = fixedPart.Length == 0 && firstWildcard > 0
                ? Path.GetPathRoot(relativeTo) // "/**/*.cs": rooted
                : ProjectPaths.TryGetFullPath(fixedPart, relativeTo);
            if (baseDirectory is null)
            {
                return null;
            }

            var wildcardPart = string.Join('/', segments, firstWildcard, segments.Length - firstWildcard);
            return new ItemPattern(spec, ProjectPaths.TrimTrailingSeparator(baseDirectory), wildcardPart);
        }

        /// <summary>Whether an absolute path is matched by the spec.</summary>
        public bool Matches(string fullPath)
        {
            if (_wildcard is null)
            {
                return string.Equals(fullPath, BaseDirectory, ProjectPaths.Comparison);
            }

            if (!ProjectPaths.IsWithin(fullPath, BaseDirectory) || fullPath.Length == BaseDirectory.Length)
            {
                return false;
            }

            var relative = fullPath[(BaseDirectory.Length + 1)..];
            return MatchesRelative(Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/'));
        }

        /// <summary>Whether a path relative to <see cref="BaseDirectory"/>, with '/' separators, is matched by the wildcard part.</summary>
        public bool MatchesRelative(string relativePath) => _wildcard?.IsMatch(relativePath) ?? false;

        private static string ToRegex(string glob)
        {
            var segments = glob.Split('/');
            var pattern = new StringBuilder("^");
            for (var index = 0; index < segments.Length; index++)
            {
                var segment = segments[index];
                var isLast = index == segments.Length - 1;
                if (segment == "**")
                {
                    // "a/**/b" matches "a/b" too: zero or more whole directories.
                    pattern.Append(isLast ? ".*" : "(?:[^/]+/)*");
                    continue;
                }

                foreach (var character in segment)
                {
                    pattern.Append(character switch
                    {
                        '*' => "[^/]*",
                        '?' => "[^/]",
                        _ => Regex.Escape(character.ToString()),
                    });
                }

                if (!isLast)
                {
                    pattern.Append('/');
                }
            }

            return pattern.Append('$').ToString();
        }
    }
}
