using System.Collections.Generic;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// A rule file as written, field by field, each value with its line; <c>null</c> where the key is absent.
    /// Nothing here has been checked beyond its YAML shape: that is <see cref="RuleValidator"/>'s job.
    /// </summary>
    internal sealed class RuleDocument
    {
        public RuleDocument(string path)
        {
            Path = path;
        }

        /// <summary>The repository-relative path of the YAML file.</summary>
        public string Path { get; }

        public Located<string>? Id { get; set; }

        public Located<string>? Title { get; set; }

        public Located<string>? Message { get; set; }

        public Located<string>? Category { get; set; }

        public Located<string>? Severity { get; set; }

        public Located<string>? Precision { get; set; }

        public Located<string>? ProblemSeverity { get; set; }

        public Located<string>? SecuritySeverity { get; set; }

        public Located<string>? Description { get; set; }

        public Located<string>? EnabledByDefault { get; set; }

        public Located<IReadOnlyList<Located<string>>>? Tags { get; set; }

        public Located<IReadOnlyList<Located<string>>>? Platforms { get; set; }

        public Located<IReadOnlyList<Located<string>>>? AnalyzerTags { get; set; }

        public Located<IReadOnlyList<RuleReferenceDocument>>? References { get; set; }
    }

    /// <summary>One entry of a rule file's <c>references</c> list, as written.</summary>
    internal sealed record RuleReferenceDocument(int Line, Located<string>? Title, Located<string>? Url);
}
