using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PlatformFit.Core.Rules;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>
    /// Text that is hard to put in a C# literal goes through YAML, the generator and the compiler, and comes out equal.
    /// </summary>
    public sealed class GeneratedCodeRoundTripTests
    {
        // YAML double-quoted escapes: \" quote, \\ backslash, \n newline, \t tab, \u2028 line separator, \U0001F600 an emoji.
        private const string TrickyYaml = """
            id: PF2001
            title: "Say \"hi\" to C:\\temp\\{x} — naïve <T> & more"
            message: "Quote \"{0}\" in C:\\dir\\{1}\\ with {{literal}} braces, */ and // and \U0001F600"
            category: State
            severity: note
            precision: very-high
            problem-severity: recommendation
            description: "Line one\nline two\twith \"quotes\", a back\\slash, {braces}, {{doubled}}, */ /* and \u2028 and \u0085 and \uFEFF end"
            tags: [security, "quote\"d", "back\\slash"]
            security-severity: "8.5"
            enabled-by-default: false
            analyzer-tags: [CompilationEnd, NotConfigurable]
            platforms: []
            references:
              - title: "A \"quoted\" [title] | with a pipe \\ and a backslash"
                url: https://example.com/a_b(c)?q="x"
            """;

        private const string TrickyDoc = """
            # PF2001: anything

            <!-- generated: begin -->
            <!-- generated: end -->

            ## Why

            Paths like `C:\temp\new` and strings like "\n" stay as written; so do {braces} and ""triple"" quotes.

            ```csharp
            var s = "a \"quoted\" {0}\\n";
            ```

            """;

        private const string ExpectedTitle = "Say \"hi\" to C:\\temp\\{x} — naïve <T> & more";
        private const string ExpectedMessage = "Quote \"{0}\" in C:\\dir\\{1}\\ with {{literal}} braces, */ and // and \U0001F600";
        private const string ExpectedDescription = "Line one\nline two\twith \"quotes\", a back\\slash, {braces}, {{doubled}}, */ /* and \u2028 and \u0085 and \uFEFF end";

        [Fact]
        public void Every_catalog_value_survives_escaping_and_compilation()
        {
            var result = Generate();
            var doc = result.Files.Single(file => file.Path == "rules/PF2001.md").Content;
            var catalog = InMemoryCompiler.CompileAndLoad(Source(result, RuleCatalogWriter.OutputPath), "RuleCatalogRoundTrip");

            var rule = (RuleMetadata)catalog.GetType("PlatformFit.Core.Rules.RuleCatalog")!.GetProperty("PF2001")!.GetValue(null)!;

            Assert.Equal("PF2001", rule.Id);
            Assert.Equal(ExpectedTitle, rule.Title);
            Assert.Equal(ExpectedMessage, rule.MessageFormat);
            Assert.Equal("State", rule.Category);
            Assert.Equal(RuleSeverity.Note, rule.DefaultSeverity);
            Assert.Equal(ExpectedDescription, rule.Description);
            Assert.Equal(new[] { "security", "quote\"d", "back\\slash" }, rule.Tags);
            Assert.Equal("very-high", rule.Precision);
            Assert.Equal("recommendation", rule.ProblemSeverity);
            Assert.Equal("8.5", rule.SecuritySeverity);
            Assert.Empty(rule.Platforms);
            Assert.Equal(new[] { new RuleReference("A \"quoted\" [title] | with a pipe \\ and a backslash", "https://example.com/a_b(c)?q=\"x\"") }, rule.References);
            Assert.Equal("https://github.com/platformfit/platformfit/blob/main/rules/PF2001.md", rule.HelpUri);
            Assert.Equal(doc, rule.HelpMarkdown);
            Assert.Contains("| PF2001 | State | note (off by default) | very-high | any |\n", doc, System.StringComparison.Ordinal);
            Assert.Contains("- [A \"quoted\" \\[title\\] \\| with a pipe \\\\ and a backslash](https://example.com/a_b%28c%29?q=%22x%22)\n", doc, System.StringComparison.Ordinal);
            Assert.Contains("Paths like `C:\\temp\\new` and strings like \"\\n\" stay as written; so do {braces} and \"\"triple\"\" quotes.", rule.HelpMarkdown, System.StringComparison.Ordinal);
            Assert.Equal(MarkdownPlainTextRenderer.Render(doc), rule.HelpText);
            Assert.Contains("    var s = \"a \\\"quoted\\\" {0}\\\\n\";", rule.HelpText, System.StringComparison.Ordinal);
            Assert.False(rule.IsEnabledByDefault);
            Assert.Equal(
                "Quote \"a\" in C:\\dir\\b\\ with {literal} braces, */ and // and \U0001F600",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, System.Text.CompositeFormat.Parse(rule.MessageFormat), "a", "b"));
        }

        [Fact]
        public void Every_descriptor_value_survives_escaping_and_compilation()
        {
            var result = Generate();
            var descriptors = InMemoryCompiler.CompileAndLoad(Source(result, RuleDescriptorsWriter.OutputPath), "RuleDescriptorsRoundTrip");

            var descriptor = (DiagnosticDescriptor)descriptors.GetType("PlatformFit.Analyzers.RuleDescriptors")!
                .GetField("PF2001", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            Assert.Equal("PF2001", descriptor.Id);
            Assert.Equal(ExpectedTitle, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(ExpectedMessage, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(ExpectedDescription, descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("State", descriptor.Category);
            Assert.Equal(DiagnosticSeverity.Info, descriptor.DefaultSeverity);
            Assert.False(descriptor.IsEnabledByDefault);
            Assert.Equal("https://github.com/platformfit/platformfit/blob/main/rules/PF2001.md", descriptor.HelpLinkUri);
            Assert.Equal(new[] { "CompilationEnd", "NotConfigurable" }, descriptor.CustomTags);
        }

        [Fact]
        public void Descriptors_carry_only_the_analyzer_tags_never_the_sarif_tags()
        {
            var result = RuleGenerator.Generate(SampleRule.Inputs(SampleRule.Yaml));
            var descriptors = InMemoryCompiler.CompileAndLoad(Source(result, RuleDescriptorsWriter.OutputPath), "RuleDescriptorsWithoutTags");

            var descriptor = (DiagnosticDescriptor)descriptors.GetType("PlatformFit.Analyzers.RuleDescriptors")!
                .GetField("PF1001", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            Assert.Empty(descriptor.CustomTags);
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
        }

        [Theory]
        [InlineData("plain", "\"plain\"")]
        [InlineData("a \"q\" b", "\"a \\\"q\\\" b\"")]
        [InlineData("C:\\dir\\{0}", "\"C:\\\\dir\\\\{0}\"")]
        [InlineData("two\r\nlines\t\0", "\"two\\r\\nlines\\t\\0\"")]
        [InlineData("sep\u2028\u2029\u0085\uFEFF", "\"sep\\u2028\\u2029\\u0085\\uFEFF\"")]
        [InlineData("naïve — ok", "\"naïve — ok\"")]
        public void String_literals_escape_what_would_break_or_hide_in_source(string value, string expected)
        {
            Assert.Equal(expected, CSharpStringLiteral.Quote(value));
        }

        private static GenerationResult Generate()
        {
            var inputs = SampleRule.Inputs(new[] { ("rules/PF2001.yaml", TrickyYaml) }, new[] { ("rules/PF2001.md", TrickyDoc) });
            var result = RuleGenerator.Generate(inputs);
            Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
            return result;
        }

        private static string Source(GenerationResult result, string path) => result.Files.Single(file => file.Path == path).Content;
    }
}
