using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Cli.Commands
{
    /// <summary>What <c>platformfit scan</c> was asked to do, after parsing.</summary>
    internal sealed record ScanCommandOptions(
        DirectoryInfo Path,
        OutputFormat Format,
        FileInfo? Output,
        FailLevel FailOn,
        string? Stage,
        bool IncludeSuppressed,
        bool Timestamps,
        bool Verbose)
    {
        /// <summary>When the text report is coloured; <see cref="ColorMode.Auto"/> unless <c>--color</c> says otherwise.</summary>
        public ColorMode Color { get; init; } = ColorMode.Auto;

        /// <summary>The folder reported paths are relative to; null means the scanned folder.</summary>
        public DirectoryInfo? PathsRelativeTo { get; init; }

        /// <summary>The date runtime lifecycles are judged at; null means today's UTC date, read when the scan starts.</summary>
        public DateTime? AsOf { get; init; }
    }

    /// <summary><c>platformfit scan [path]</c>: scans a repository and reports its findings.</summary>
    internal static class ScanCommand
    {
        private static readonly Argument<DirectoryInfo> PathArgument = new("path")
        {
            Description = "The repository (or folder) to scan.",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };

        private static readonly Option<OutputFormat> FormatOption = new("--format", "-f")
        {
            Description = "The report format: text (compiler-style lines), sarif (SARIF 2.1.0 for GitHub code scanning), github (GitHub Actions annotations) or markdown (a summary for a pull request or chat).",
            DefaultValueFactory = _ => OutputFormat.Text,
        };

        private static readonly Option<FileInfo?> OutputOption = new("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output. With a format other than text, the text report still goes to standard output.",
        };

        private static readonly Option<FailLevel> FailOnOption = new("--fail-on")
        {
            Description = "Exit with 1 when a finding at or above this level is reported: error, warning, note or none.",
            DefaultValueFactory = _ => FailLevel.Error,
        };

        private static readonly Option<string?> StageOption = new("--stage")
        {
            Description = "The deployment stage to evaluate configs for (Serverless Framework --stage); default: the config's own default.",
        };

        private static readonly Option<DateTime?> AsOfOption = new("--as-of")
        {
            Description = "The date (yyyy-MM-dd) runtime deprecation and block dates are judged at; default: today's UTC date.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (ScanDate.TryParse(text, out var date))
                {
                    return date;
                }

                result.AddError($"'{text}' is not a date in the form yyyy-MM-dd.");
                return null;
            },
        };

        private static readonly Option<bool> IncludeSuppressedOption = new("--include-suppressed")
        {
            Description = "Also report findings suppressed in source or configuration (SARIF: with 'suppressions').",
        };

        private static readonly Option<bool> TimestampsOption = new("--timestamps")
        {
            Description = "Write the scan's start and end times into the SARIF invocation (off by default, for byte-identical output).",
        };

        private static readonly Option<bool> VerboseOption = new("--verbose", "-v")
        {
            Description = "Print progress and what the scan read to standard error.",
        };

        private static readonly Option<ColorMode> ColorOption = new("--color")
        {
            Description = "Colour the text report: auto (only on a terminal, and not when NO_COLOR is set), always or never.",
            DefaultValueFactory = _ => ColorMode.Auto,
        };

        private static readonly Option<DirectoryInfo?> PathsRelativeToOption = new("--paths-relative-to")
        {
            Description = "Report paths relative to this folder (it must contain the scanned one) instead of the scanned folder: for code scanning of a subfolder, pass the repository root.",
        };

        public static Command Create()
        {
            var command = new Command("scan", "Scan C# projects and their deployment configs for code the platform cannot run.")
            {
                PathArgument,
                FormatOption,
                OutputOption,
                FailOnOption,
                StageOption,
                AsOfOption,
                IncludeSuppressedOption,
                TimestampsOption,
                VerboseOption,
                ColorOption,
                PathsRelativeToOption,
            };
            command.SetAction((parseResult, cancellationToken) => RunAsync(Bind(parseResult), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
            return command;
        }

        internal static ScanCommandOptions Bind(ParseResult parseResult) => new(
            parseResult.GetValue(PathArgument)!,
            parseResult.GetValue(FormatOption),
            parseResult.GetValue(OutputOption),
            parseResult.GetValue(FailOnOption),
            parseResult.GetValue(StageOption),
            parseResult.GetValue(IncludeSuppressedOption),
            parseResult.GetValue(TimestampsOption),
            parseResult.GetValue(VerboseOption))
        {
            Color = parseResult.GetValue(ColorOption),
            PathsRelativeTo = parseResult.GetValue(PathsRelativeToOption),
            AsOf = parseResult.GetValue(AsOfOption),
        };

        internal static async Task<int> RunAsync(ScanCommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            if (!options.Path.Exists)
            {
                await stderr.WriteLineAsync($"platformfit: error: the folder '{options.Path}' does not exist.").ConfigureAwait(false);
                return ExitCodes.UsageOrFatal;
            }

            var reportRoot = options.PathsRelativeTo?.FullName ?? options.Path.FullName;
            var prefix = Path.GetRelativePath(reportRoot, options.Path.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (prefix == ".")
            {
                prefix = string.Empty;
            }
            else if (prefix.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(prefix))
            {
                await stderr.WriteLineAsync($"platformfit: error: the scanned folder '{options.Path}' is not inside --paths-relative-to '{options.PathsRelativeTo}'.").ConfigureAwait(false);
                return ExitCodes.UsageOrFatal;
            }
            else
            {
                prefix += "/";
            }

            var started = DateTimeOffset.UtcNow;
            ScanResult result;
            try
            {
                // The one place a scan reads the clock: the rules get the date as an input.
                var request = new ScanRequest(options.Path.FullName) { Stage = options.Stage, AsOf = options.AsOf ?? started.UtcDateTime.Date };
                result = ReportPaths.Prefix(await ScanEngine.ScanAsync(request, options.Verbose ? stderr : TextWriter.Null, cancellationToken).ConfigureAwait(false), prefix);
            }
            catch (OperationCanceledException)
            {
                await stderr.WriteLineAsync("platformfit: the scan was cancelled.").ConfigureAwait(false);
                return ExitCodes.UsageOrFatal;
            }

            // Only a text report bound for standard output may be coloured; one written as the --output file stays plain.
            var textGoesToStdout = options.Format != OutputFormat.Text || options.Output is null;
            var stdoutIsTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var text = new TextReportWriter(new TextReportOptions
            {
                IncludeSuppressed = options.IncludeSuppressed,
                UseColor = textGoesToStdout && TerminalColor.ShouldUse(
                    options.Color,
                    stdoutIsTerminal,
                    Environment.GetEnvironmentVariable("NO_COLOR"),
                    Environment.GetEnvironmentVariable("TERM")),
            });

            try
            {
                switch (options.Format)
                {
                    case OutputFormat.Sarif:
                        var sarif = new SarifReportWriter(
                            relative => ReadRepoFile(reportRoot, relative),
                            new SarifReportOptions
                            {
                                IncludeSuppressed = options.IncludeSuppressed,
                                Timestamps = options.Timestamps ? new ScanTimes(started, DateTimeOffset.UtcNow) : null,
                            });
                        if (options.Output is null)
                        {
                            using var console = Console.OpenStandardOutput();
                            sarif.Write(result, console);
                        }
                        else
                        {
                            await using (var file = Create(options.Output))
                            {
                                sarif.Write(result, file);
                            }

                            text.Write(result, stdout);
                        }

                        break;

                    case OutputFormat.Github:
                        var annotations = new GitHubAnnotationsReportWriter(new GitHubAnnotationsReportOptions { IncludeSuppressed = options.IncludeSuppressed });
                        await WriteReportAsync(options.Output, writer => annotations.Write(result, writer), stdout, () => text.Write(result, stdout)).ConfigureAwait(false);
                        break;

                    case OutputFormat.Markdown:
                        var markdown = new MarkdownReportWriter(new MarkdownReportOptions { IncludeSuppressed = options.IncludeSuppressed });
                        await WriteReportAsync(options.Output, writer => markdown.Write(result, writer), stdout, () => text.Write(result, stdout)).ConfigureAwait(false);
                        break;

                    default:
                        await WriteReportAsync(options.Output, writer => text.Write(result, writer), stdout, afterFile: null).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"platformfit: error: the report could not be written: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrFatal;
            }

            return FailsAt(result, options.FailOn) ? ExitCodes.Findings : ExitCodes.Clean;
        }

        /// <summary>Whether an unsuppressed finding is at or above the level the user fails on.</summary>
        internal static bool FailsAt(ScanResult result, FailLevel failOn)
        {
            if (failOn == FailLevel.None)
            {
                return false;
            }

            var threshold = failOn switch
            {
                FailLevel.Error => FindingLevel.Error,
                FailLevel.Warning => FindingLevel.Warning,
                _ => FindingLevel.Note,
            };
            foreach (var finding in result.Findings)
            {
                if (finding.Suppression is null && finding.Level >= threshold)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Writes a text-based report to standard output, or to <paramref name="output"/> followed by
        /// <paramref name="afterFile"/> (the text report, so that a log still shows the findings).
        /// </summary>
        private static async Task WriteReportAsync(FileInfo? output, Action<TextWriter> write, TextWriter stdout, Action? afterFile)
        {
            if (output is null)
            {
                write(stdout);
                return;
            }

            await using (var file = Create(output))
            {
                // UTF-8 without a byte-order mark, as every report this tool writes.
                await using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
                write(writer);
            }

            afterFile?.Invoke();
        }

        private static FileStream Create(FileInfo output)
        {
            output.Directory?.Create();
            return new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None);
        }

        private static string? ReadRepoFile(string root, string relative)
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relative));
            if (!path.StartsWith(System.IO.Path.GetFullPath(root), StringComparison.Ordinal) || !File.Exists(path))
            {
                return null;
            }

            // The line hash is computed on the text as upload-sarif reads it: raw UTF-8, byte order mark included.
            var bytes = File.ReadAllBytes(path);
            return new System.Text.UTF8Encoding(false).GetString(bytes);
        }
    }
}
