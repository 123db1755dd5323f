using System;
using PlatformFit.Cli.Commands;

namespace PlatformFit.Cli.Tests.Commands
{
    public sealed class TerminalColorTests
    {
        [Theory]
        [InlineData(nameof(ColorMode.Auto), true, null, "xterm-256color", true)]
        [InlineData(nameof(ColorMode.Auto), false, null, "xterm-256color", false)]
        [InlineData(nameof(ColorMode.Auto), true, "1", "xterm-256color", false)]
        [InlineData(nameof(ColorMode.Auto), true, "", "xterm-256color", true)]
        [InlineData(nameof(ColorMode.Auto), true, null, "dumb", false)]
        [InlineData(nameof(ColorMode.Auto), true, null, null, true)]
        [InlineData(nameof(ColorMode.Always), false, "1", "dumb", true)]
        [InlineData(nameof(ColorMode.Never), true, null, "xterm-256color", false)]
        public void Colour_follows_the_option_then_the_terminal_and_NO_COLOR(string mode, bool terminal, string? noColor, string? term, bool expected)
        {
            Assert.Equal(expected, TerminalColor.ShouldUse(Enum.Parse<ColorMode>(mode), terminal, noColor, term));
        }
    }
}
