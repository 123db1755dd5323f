using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>Writes <c>RuleCatalog.g.cs</c>: one fully populated <c>RuleMetadata</c> per rule, <c>All</c> and <c>TryGet</c>.</summary>
    internal static class RuleCatalogWriter
    {
        public const string OutputPath = "src/PlatformFit.Core/Rules/RuleCatalog.g.cs";

        private const string ValueIndent = "                ";

        /// <param name="rules">Sorted by id.</param>
        /// <param name="helpMarkdownById">Each rule's doc as the generator writes it.</param>
        public static string Write(IReadOnlyList<RuleDefinition> rules, IReadOnlyDictionary<string, string> helpMarkdownById)
        {
            var code = GeneratedHeader.Start()
                .Line("#nullable enable")
                .Line()
                .Line("using System;")
                .Line("using System.Collections.Generic;")
                .Line()
                .Line("namespace PlatformFit.Core.Rules")
                .Line("{")
                .Line("    /// <summary>Every rule's metadata, generated from <c>rules/PF*.yaml</c> and <c>rules/PF*.md</c>.</summary>")
                .Line("    public static partial class RuleCatalog")
                .Line("    {");

            foreach (var rule in rules)
            {
                var markdown = helpMarkdownById[rule.Id];
                code.Line($"        /// <summary>{rule.Id}: {XmlDocText.Escape(rule.Title)}</summary>")
                    .Line($"        public static RuleMetadata {rule.Id} {{ get; }} = new RuleMetadata(")
                    .Line($"            id: {CSharpStringLiteral.Quote(rule.Id)},")
                    .Line($"            title: {CSharpStringLiteral.Quote(rule.Title)},")
                    .Line($"            messageFormat: {CSharpStringLiteral.Quote(rule.MessageFormat)},")
                    .Line($"            category: {CSharpStringLiteral.Quote(rule.Category)},")
                    .Line($"            defaultSeverity: RuleSeverity.{rule.Severity},")
                    .Line($"            description: {CSharpStringLiteral.Quote(rule.Description)})")
                    .Line("        {")
                    .Line($"            Tags = {StringList(rule.Tags)},")
                    .Line($"            Precision = {CSharpStringLiteral.Quote(rule.Precision)},")
                    .Line($"            ProblemSeverity = {CSharpStringLiteral.Quote(rule.ProblemSeverity)},")
                    .Line($"            SecuritySeverity = {(rule.SecuritySeverity is null ? "null" : CSharpStringLiteral.Quote(rule.SecuritySeverity))},")
                    .Line($"            Platforms = {StringList(rule.Platforms)},")
                    .Line($"            References = {ReferenceList(rule.References)},")
                    .Line($"            HelpUri = {CSharpStringLiteral.Quote(rule.HelpUri)},")
                    .Line("            HelpMarkdown =")
                    .Line($"{ValueIndent}{CSharpStringLiteral.QuoteLines(markdown, ValueIndent)},")
                    .Line("            HelpText =")
                    .Line($"{ValueIndent}{CSharpStringLiteral.QuoteLines(MarkdownPlainTextRenderer.Render(markdown), ValueIndent)},")
                    .Line($"            IsEnabledByDefault = {(rule.IsEnabledByDefault ? "true" : "false")},")
                    .Line("        };")
                    .Line();
            }

            code.Line("        /// <summary>Every rule, sorted by id.</summary>")
                .Line("        public static IReadOnlyList<RuleMetadata> All { get; } = Array.AsReadOnly(new RuleMetadata[]")
                .Line("        {");
            foreach (var rule in rules)
            {
                code.Line($"            {rule.Id},");
            }

            code.Line("        });")
                .Line()
                .Line("        private static readonly Dictionary<string, RuleMetadata> ById = new Dictionary<string, RuleMetadata>(StringComparer.Ordinal)")
                .Line("        {");
            foreach (var rule in rules)
            {
                code.Line($"            [{CSharpStringLiteral.Quote(rule.Id)}] = {rule.Id},");
            }

            return code.Line("        };")
                .Line()
                .Line("        /// <summary>")
                .Line("        /// Finds a rule by its id, e.g. <c>PF1001</c>; ids are case-sensitive, as Roslyn's are.")
                .Line("        /// When it returns <c>false</c>, <paramref name=\"metadata\"/> is <c>null</c>.")
                .Line("        /// </summary>")
                .Line("        public static bool TryGet(string id, out RuleMetadata metadata)")
                .Line("        {")
                .Line("            if (ById.TryGetValue(id, out var found))")
                .Line("            {")
                .Line("                metadata = found;")
                .Line("                return true;")
                .Line("            }")
                .Line()
                .Line("            // netstandard2.0 has no [MaybeNullWhen(false)] to say so in the signature.")
                .Line("            metadata = null!;")
                .Line("            return false;")
                .Line("        }")
                .Line("    }")
                .Line("}")
                .ToString();
        }

        /// <summary>Read-only wrappers, because the catalog is shared by every caller in the process.</summary>
        private static string StringList(IReadOnlyList<string> values) => values.Count == 0
            ? "Array.Empty<string>()"
            : $"Array.AsReadOnly(new string[] {{ {string.Join(", ", values.Select(CSharpStringLiteral.Quote))} }})";

        private static string ReferenceList(IReadOnlyList<RuleReferenceDefinition> references)
        {
            if (references.Count == 0)
            {
                return "Array.Empty<RuleReference>()";
            }

            var items = references.Select(reference =>
                $"                new RuleReference({CSharpStringLiteral.Quote(reference.Title)}, {CSharpStringLiteral.Quote(reference.Url)}),");
            return "Array.AsReadOnly(new RuleReference[]\n            {\n" + string.Join("\n", items) + "\n            })";
        }
    }
}
