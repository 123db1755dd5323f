namespace PlatformFit.RuleGen.Tests
{
    public sealed class MarkdownPlainTextRendererTests
    {
        [Theory]
        [InlineData("# PF1001: A title", "PF1001: A title")]
        [InlineData("## Why ##", "Why")]
        [InlineData("an **Application Load Balancer** and a __function URL__", "an Application Load Balancer and a function URL")]
        [InlineData("*one* and _two_ and ~~three~~", "one and two and three")]
        [InlineData("snake_case_name and 5 * 3 * 2", "snake_case_name and 5 * 3 * 2")]
        [InlineData("call `app.UseWebSockets()` and ``a `tick` inside``", "call app.UseWebSockets() and a `tick` inside")]
        [InlineData("code keeps `**stars**` and `[x](y)`", "code keeps **stars** and [x](y)")]
        [InlineData("see [the docs](https://example.com/a_b_c) now", "see the docs (https://example.com/a_b_c) now")]
        [InlineData("see [**bold** `code`](https://example.com)", "see bold code (https://example.com)")]
        [InlineData("<https://example.com/x_y_z>", "https://example.com/x_y_z")]
        [InlineData("[https://example.com](https://example.com)", "https://example.com")]
        [InlineData("\\*not emphasis\\* and a \\| pipe", "*not emphasis* and a | pipe")]
        [InlineData("* a bullet with *emphasis*", "- a bullet with emphasis")]
        [InlineData("> quoted **text**", "quoted text")]
        [InlineData("text <!-- a comment --> more", "text  more")]
        public void Markup_goes_and_the_words_stay(string markdown, string expected)
        {
            Assert.Equal(expected, MarkdownPlainTextRenderer.Render(markdown));
        }

        [Fact]
        public void Code_blocks_become_indented_text_without_fences_or_markup_changes()
        {
            const string Markdown = "Before:\n\n```csharp\nvar x = \"**not bold**\";\n\n// [not](a link)\n```\n\nAfter.\n";

            Assert.Equal("Before:\n\n    var x = \"**not bold**\";\n\n    // [not](a link)\n\nAfter.", MarkdownPlainTextRenderer.Render(Markdown));
        }

        [Fact]
        public void A_table_becomes_header_value_lines()
        {
            const string Markdown = "| Id | Category |\n|---|---|\n| PF1001 | Connections |\n| PF2001 | State \\| more |\n";

            Assert.Equal("Id: PF1001\nCategory: Connections\n\nId: PF2001\nCategory: State | more", MarkdownPlainTextRenderer.Render(Markdown));
        }

        [Fact]
        public void Comment_lines_vanish_and_blank_lines_collapse()
        {
            const string Markdown = "# T\n\n<!-- generated: begin -->\n\n\nText\n<!-- a comment\nover lines -->\n\n<!-- generated: end -->\n\n";

            Assert.Equal("T\n\nText", MarkdownPlainTextRenderer.Render(Markdown));
        }
    }
}
