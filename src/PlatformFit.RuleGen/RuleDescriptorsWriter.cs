using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// Writes <c>RuleDescriptors.g.cs</c>: one <c>DiagnosticDescriptor</c> per rule with every argument a literal,
    /// because Roslyn's release-tracking analyzers (RS2000–RS2008) only read constant arguments.
    /// </summary>
    internal static class RuleDescriptorsWriter
    {
        public const string OutputPath = "analyzers/PlatformFit.Analyzers/RuleDescriptors.g.cs";

        public static string Write(IReadOnlyList<RuleDefinition> rules)
        {
            var code = GeneratedHeader.Start()
                .Line("#nullable enable")
                .Line()
                .Line("using Microsoft.CodeAnalysis;")
                .Line()
                .Line("namespace PlatformFit.Analyzers")
                .Line("{")
                .Line("    /// <summary>The Roslyn descriptor of every rule, generated from <c>rules/PF*.yaml</c>.</summary>")
                .Line("    internal static class RuleDescriptors")
                .Line("    {");

            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (i > 0)
                {
                    code.Line();
                }

                code.Line($"        /// <summary>{rule.Id}: {XmlDocText.Escape(rule.Title)}</summary>")
                    .Line($"        public static readonly DiagnosticDescriptor {rule.Id} = new DiagnosticDescriptor(")
                    .Line($"            id: {CSharpStringLiteral.Quote(rule.Id)},")
                    .Line($"            title: {CSharpStringLiteral.Quote(rule.Title)},")
                    .Line($"            messageFormat: {CSharpStringLiteral.Quote(rule.MessageFormat)},")
                    .Line($"            category: {CSharpStringLiteral.Quote(rule.Category)},")
                    .Line($"            defaultSeverity: DiagnosticSeverity.{DiagnosticSeverityName(rule.Severity)},")
                    .Line($"            isEnabledByDefault: {(rule.IsEnabledByDefault ? "true" : "false")},")
                    .Line($"            description: {CSharpStringLiteral.Quote(rule.Description)},")
                    .Line($"            helpLinkUri: {CSharpStringLiteral.Quote(rule.HelpUri)},")
                    .Line($"            customTags: {CustomTags(rule.AnalyzerTags)});");
            }

            return code.Line("    }")
                .Line("}")
                .ToString();
        }

        /// <summary>Roslyn calls a note <c>Info</c>; release tracking files use the same word.</summary>
        public static string DiagnosticSeverityName(RuleLevel level) => level switch
        {
            RuleLevel.Error => "Error",
            RuleLevel.Warning => "Warning",
            _ => "Info",
        };

        /// <summary>Only the rule's analyzer tags: SARIF tags are for code scanning, not for the compiler.</summary>
        private static string CustomTags(IReadOnlyList<string> analyzerTags) => analyzerTags.Count == 0
            ? "System.Array.Empty<string>()"
            : $"new[] {{ {string.Join(", ", analyzerTags.Select(CSharpStringLiteral.Quote))} }}";
    }
}
