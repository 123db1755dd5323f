using System;
using System.IO;
using System.Linq;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// Whether a project may declare its Lambda functions in code with Lambda Annotations: it references the package,
    /// or one of its sources names the <c>LambdaFunction</c> attribute. Such a project is deployed even when no config
    /// file names it (the attributes are its deployment), so the scan compiles it and lets the analyzers decide; a
    /// project that merely mentions the name costs a compilation and reports nothing.
    /// </summary>
    internal static class LambdaAnnotationsUse
    {
        public const string PackageId = "Amazon.Lambda.Annotations";

        private const string AttributeName = "LambdaFunction";

        public static bool IsLikely(ProjectInfo project, string repositoryRoot)
        {
            if (project.PackageReferences.Any(p => string.Equals(p.Id, PackageId, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            return SourceFileCollector.Collect(project, repositoryRoot).Files.Any(MentionsAttribute);
        }

        private static bool MentionsAttribute(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            for (var at = text.IndexOf(AttributeName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(AttributeName, at + 1, StringComparison.Ordinal))
            {
                var after = at + AttributeName.Length;
                var next = after < text.Length ? text[after] : ' ';
                var before = at > 0 ? text[at - 1] : ' ';
                if (!IsIdentifierPart(before) && (!IsIdentifierPart(next) || string.CompareOrdinal(text, after, "Attribute", 0, "Attribute".Length) == 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
