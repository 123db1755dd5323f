using System.Collections.Generic;

namespace PlatformFit.RuleGen
{
    /// <summary>A rule that passed validation: every value present and from its allowed set.</summary>
    internal sealed record RuleDefinition(
        string Id,
        string Title,
        string MessageFormat,
        string Category,
        RuleLevel Severity,
        string Precision,
        string ProblemSeverity,
        string? SecuritySeverity,
        string Description,
        bool IsEnabledByDefault,
        IReadOnlyList<string> Tags,
        IReadOnlyList<string> Platforms,
        IReadOnlyList<string> AnalyzerTags,
        IReadOnlyList<RuleReferenceDefinition> References)
    {
        /// <summary>Where rule docs are published; the help link of every descriptor and SARIF rule.</summary>
        public const string HelpUriBase = "https://github.com/platformfit/platformfit/blob/main/";

        /// <summary>The rule's doc, repository-relative.</summary>
        public string DocPath => $"{RuleInputs.RulesDirectory}/{Id}.md";

        public string HelpUri => HelpUriBase + DocPath;
    }

    /// <summary>A public page a rule's facts come from.</summary>
    internal sealed record RuleReferenceDefinition(string Title, string Url);

    /// <summary>A rule's default severity, as the YAML spells it (<c>error</c>, <c>warning</c>, <c>note</c>).</summary>
    internal enum RuleLevel
    {
        Note,
        Warning,
        Error,
    }
}
