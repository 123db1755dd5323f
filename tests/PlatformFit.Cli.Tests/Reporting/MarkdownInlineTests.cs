using PlatformFit.Cli.Reporting;

namespace PlatformFit.Cli.Tests.Reporting
{
    public sealed class MarkdownInlineTests
    {
        [Theory]
        [InlineData("plain text (with parentheses).", "plain text (with parentheses).")]
        [InlineData("a|b", "a\\|b")]
        [InlineData("List<string>", "List\\<string\\>")]
        [InlineData("${opt:stage}", "\\${opt:stage}")]
        [InlineData("C:\\path", "C:\\\\path")]
        [InlineData("one\r\ntwo\rthree\nfour", "one two three four")]
        public void Escape_leaves_plain_text_alone_and_escapes_what_would_be_markup(string text, string expected)
        {
            Assert.Equal(expected, MarkdownInline.Escape(text));
        }

        [Theory]
        [InlineData("src/a.cs", "`src/a.cs`")]
        [InlineData("a`b", "``a`b``")]
        [InlineData("a``b", "```a``b```")]
        [InlineData("`a", "`` `a ``")]
        public void Code_spans_are_fenced_longer_than_any_backtick_run_inside(string text, string expected)
        {
            Assert.Equal(expected, MarkdownInline.Code(text));
        }
    }
}
