using System.Collections.Generic;

namespace PlatformFit.Core.Rules
{
    /// <summary>
    /// Everything PlatformFit says about a rule, as written in <c>rules/PF*.yaml</c> and <c>rules/PF*.md</c>.
    /// The Roslyn descriptors, SARIF <c>reportingDescriptor</c>s and the README's rules table are generated from it.
    /// </summary>
    public sealed class RuleMetadata
    {
        public RuleMetadata(string id, string title, string messageFormat, string category, RuleSeverity defaultSeverity, string description)
        {
            Id = id;
            Title = title;
            MessageFormat = messageFormat;
            Category = category;
            DefaultSeverity = defaultSeverity;
            Description = description;
        }

        /// <summary><c>PF</c> and four digits; the first digit is the area (rules/README.md).</summary>
        public string Id { get; }

        /// <summary>A short name, sentence case, no full stop: SARIF <c>shortDescription</c>, Roslyn title.</summary>
        public string Title { get; }

        /// <summary>The message with <c>{0}</c> placeholders, filled per finding.</summary>
        public string MessageFormat { get; }

        /// <summary>The area: Connections, State, Limits, Wiring, Efficiency, Tool.</summary>
        public string Category { get; }

        public RuleSeverity DefaultSeverity { get; }

        /// <summary>What the rule finds and why it matters: SARIF <c>fullDescription</c>, Roslyn description.</summary>
        public string Description { get; }

        /// <summary>SARIF <c>properties.tags</c>: at most ten, unique.</summary>
        public IReadOnlyList<string> Tags { get; init; } = System.Array.Empty<string>();

        /// <summary>SARIF <c>properties.precision</c>: very-high, high, medium or low.</summary>
        public string Precision { get; init; } = "high";

        /// <summary>GitHub's <c>properties.problem.severity</c>: error, warning or recommendation.</summary>
        public string ProblemSeverity { get; init; } = "warning";

        /// <summary>GitHub's <c>security-severity</c> (0.0–10.0); only for rules tagged <c>security</c>.</summary>
        public string? SecuritySeverity { get; init; }

        /// <summary>The platform profile ids the rule applies to, e.g. <c>aws-lambda</c>.</summary>
        public IReadOnlyList<string> Platforms { get; init; } = System.Array.Empty<string>();

        /// <summary>The vendor documentation the rule rests on.</summary>
        public IReadOnlyList<RuleReference> References { get; init; } = System.Array.Empty<RuleReference>();

        /// <summary>The rule's page: <c>rules/PF1001.md</c> in the repository.</summary>
        public string HelpUri { get; init; } = string.Empty;

        /// <summary>The rule's doc, as markdown: SARIF <c>help.markdown</c>.</summary>
        public string HelpMarkdown { get; init; } = string.Empty;

        /// <summary>The rule's doc as plain text: SARIF <c>help.text</c>.</summary>
        public string HelpText { get; init; } = string.Empty;

        public bool IsEnabledByDefault { get; init; } = true;
    }

    /// <summary>The level a rule reports at unless the user's configuration changes it.</summary>
    public enum RuleSeverity
    {
        Note,
        Warning,
        Error,
    }

    /// <summary>A public page a rule's facts come from.</summary>
    public sealed record RuleReference(string Title, string Url);
}
