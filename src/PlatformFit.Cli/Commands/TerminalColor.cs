namespace PlatformFit.Cli.Commands
{
    /// <summary>Whether the text report is coloured, decided from the user's choice and the environment, never inside a writer.</summary>
    internal static class TerminalColor
    {
        /// <summary>
        /// <see cref="ColorMode.Always"/> and <see cref="ColorMode.Never"/> are obeyed (the command line wins over the
        /// environment). <see cref="ColorMode.Auto"/> colours only a terminal, and not when <c>NO_COLOR</c> is set to a
        /// non-empty value (no-color.org: "present and not an empty string") or the terminal says it is <c>dumb</c>.
        /// </summary>
        public static bool ShouldUse(ColorMode mode, bool outputIsTerminal, string? noColor, string? term) => mode switch
        {
            ColorMode.Always => true,
            ColorMode.Never => false,
            _ => outputIsTerminal && string.IsNullOrEmpty(noColor) && term != "dumb",
        };
    }
}
