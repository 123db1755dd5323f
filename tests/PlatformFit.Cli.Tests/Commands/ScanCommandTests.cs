using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PlatformFit.Cli.Commands;
using PlatformFit.Cli.Tests.EndToEnd;

namespace PlatformFit.Cli.Tests.Commands
{
    public class ScanCommandTests
    {
        private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
        {
            // Scans judge runtime lifecycles at a pinned date unless a test passes its own: a test must not change
            // its outcome on the day a runtime is deprecated.
            if (args.Length > 0 && args[0] == "scan" && !args.Contains("--as-of"))
            {
                args = [.. args, "--as-of", FixtureScan.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
            }

            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var exitCode = await RootCommandFactory.Create().InvokeAsync(args, new InvocationConfiguration { Output = stdout, Error = stderr });
            return (exitCode, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void Parses_every_option_into_the_options_record()
        {
            var parse = RootCommandFactory.Create().Parse(["scan", "repo", "--format", "sarif", "-o", "out.sarif", "--fail-on", "warning", "--stage", "prod", "--as-of", "2027-02-01", "--include-suppressed", "--timestamps", "-v"]);

            Assert.Empty(parse.Errors);
            var options = ScanCommand.Bind(parse);
            Assert.Equal("repo", options.Path.Name);
            Assert.Equal(OutputFormat.Sarif, options.Format);
            Assert.Equal("out.sarif", options.Output!.Name);
            Assert.Equal(FailLevel.Warning, options.FailOn);
            Assert.Equal("prod", options.Stage);
            Assert.Equal(new DateTime(2027, 2, 1), options.AsOf!.Value.Date);
            Assert.True(options.IncludeSuppressed && options.Timestamps && options.Verbose);
        }

        [Fact]
        public void Defaults_are_the_current_folder_text_and_fail_on_error()
        {
            var options = ScanCommand.Bind(RootCommandFactory.Create().Parse(["scan"]));

            Assert.Equal(Path.GetFullPath("."), options.Path.FullName);
            Assert.Equal(OutputFormat.Text, options.Format);
            Assert.Equal(FailLevel.Error, options.FailOn);
            Assert.Null(options.Output);
            Assert.Equal(ColorMode.Auto, options.Color);

            // No --as-of: the command fills in today's UTC date when it runs (RunAsync), not the parser.
            Assert.Null(options.AsOf);
        }

        [Theory]
        [InlineData("text", nameof(OutputFormat.Text))]
        [InlineData("sarif", nameof(OutputFormat.Sarif))]
        [InlineData("github", nameof(OutputFormat.Github))]
        [InlineData("markdown", nameof(OutputFormat.Markdown))]
        [InlineData("GitHub", nameof(OutputFormat.Github))]
        public void Every_format_parses(string value, string expected)
        {
            var parse = RootCommandFactory.Create().Parse(["scan", "-f", value]);

            Assert.Empty(parse.Errors);
            Assert.Equal(expected, ScanCommand.Bind(parse).Format.ToString());
        }

        [Theory]
        [InlineData("auto", nameof(ColorMode.Auto))]
        [InlineData("always", nameof(ColorMode.Always))]
        [InlineData("never", nameof(ColorMode.Never))]
        public void Color_parses(string value, string expected)
        {
            var parse = RootCommandFactory.Create().Parse(["scan", "--color", value]);

            Assert.Empty(parse.Errors);
            Assert.Equal(expected, ScanCommand.Bind(parse).Color.ToString());
        }

        [Theory]
        [InlineData("scan", "--format", "xml")]
        [InlineData("scan", "--no-such-option")]
        [InlineData("scan", "--fail-on", "sometimes")]
        [InlineData("scan", "--as-of", "26/11/2026")]
        [InlineData("scan", "--as-of", "2026-02-30")]
        [InlineData("scan", "--as-of")]
        [InlineData("scan", "--color", "sometimes")]
        [InlineData("scan", "--format", "gitlab")]
        [InlineData("frobnicate")]
        public async Task A_command_line_that_does_not_parse_exits_with_2(params string[] args)
        {
            var (exitCode, _, stderr) = await RunAsync(args);

            Assert.Equal(ExitCodes.UsageOrFatal, exitCode);
            Assert.NotEqual(string.Empty, stderr);
        }

        [Fact]
        public async Task A_missing_folder_exits_with_2_and_names_it()
        {
            var (exitCode, _, stderr) = await RunAsync("scan", "/no/such/folder/anywhere");

            Assert.Equal(ExitCodes.UsageOrFatal, exitCode);
            Assert.Contains("/no/such/folder/anywhere", stderr, StringComparison.Ordinal);
        }

        [Trait("Rule", "PF4001")]
        [Trait("Rule", "PF4002")]
        [Fact]
        public async Task The_scan_date_decides_whether_a_runtime_is_deprecated_or_blocked()
        {
            var folder = FixtureScan.FixturePath("retired-runtimes");

            var (_, before, _) = await RunAsync("scan", folder, "--as-of", "2026-11-09");
            var (_, deprecated, _) = await RunAsync("scan", folder, "--as-of", "2026-11-10");
            var (blockedExit, blocked, _) = await RunAsync("scan", folder, "--as-of", "2027-02-01", "--fail-on", "error");

            Assert.DoesNotContain("'dotnet8'", before, StringComparison.Ordinal);
            Assert.Contains("serverless.yml(6,12): warning PF4001: Runtime 'dotnet8' is deprecated since 2026-11-10 (scan date 2026-11-10)", deprecated, StringComparison.Ordinal);
            Assert.Contains("serverless.yml(6,12): error PF4002: Runtime 'dotnet8' is blocked as of 2027-02-01", blocked, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Findings, blockedExit);
        }

        [Fact]
        public async Task A_clean_repository_exits_with_0()
        {
            var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.FixturePath("websocket-api-supported"));

            Assert.Equal(ExitCodes.Clean, exitCode);
            Assert.Contains("No findings.", stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Fail_on_none_exits_with_0_even_with_errors()
        {
            var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--fail-on", "none");

            Assert.Equal(ExitCodes.Clean, exitCode);
            Assert.Contains("error PF1001", stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Sarif_to_a_file_keeps_the_text_summary_on_standard_output()
        {
            var output = Path.Combine(Path.GetTempPath(), $"platformfit-{Guid.NewGuid():N}", "scan.sarif");
            try
            {
                var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--format", "sarif", "--output", output);

                Assert.Equal(ExitCodes.Findings, exitCode);
                using var sarif = JsonDocument.Parse(File.ReadAllText(output));
                Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
                Assert.Equal(2, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
                Assert.Contains("error PF1001", stdout, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }

        [Fact]
        public async Task Github_format_writes_one_annotation_per_finding_then_the_summary_and_keeps_the_exit_code()
        {
            var (exitCode, stdout, stderr) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--format", "github");

            Assert.Equal(ExitCodes.Findings, exitCode);
            Assert.Equal(string.Empty, stderr);
            var lines = stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("::error file=src/ChatApi/Program.cs,line=18,col=5,endLine=18,", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("::error file=src/ChatApi/Program.cs,line=29,col=49,endLine=29,", lines[1], StringComparison.Ordinal);
            Assert.Equal("PlatformFit: 2 errors in 1 file", lines[2]);
        }

        [Fact]
        public async Task Markdown_to_a_file_keeps_the_text_report_on_standard_output()
        {
            var output = Path.Combine(Path.GetTempPath(), $"platformfit-{Guid.NewGuid():N}", "summary.md");
            try
            {
                var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--format", "markdown", "--output", output);

                Assert.Equal(ExitCodes.Findings, exitCode);
                var markdown = File.ReadAllText(output);
                Assert.StartsWith("## PlatformFit: 2 errors in 1 file\n\n| Rule | Title | Findings |\n", markdown, StringComparison.Ordinal);
                Assert.Contains("- `src/ChatApi/Program.cs:29` **error** PF1001: ", markdown, StringComparison.Ordinal);
                Assert.DoesNotContain('\r', markdown);
                Assert.NotEqual(0xEF, File.ReadAllBytes(output)[0]);
                Assert.Contains("src/ChatApi/Program.cs(18,5): error PF1001", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain('\u001b', stdout);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }

        [Fact]
        public async Task Color_always_colours_the_text_report_even_when_it_is_not_a_terminal()
        {
            var (_, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--color", "always");

            Assert.StartsWith("src/ChatApi/Program.cs(18,5): \u001b[31merror\u001b[0m PF1001: ", stdout, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_text_report_written_to_a_file_is_never_coloured()
        {
            var output = Path.Combine(Path.GetTempPath(), $"platformfit-{Guid.NewGuid():N}", "scan.txt");
            try
            {
                var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--color", "always", "--output", output);

                Assert.Equal(ExitCodes.Findings, exitCode);
                Assert.Equal(string.Empty, stdout);
                Assert.DoesNotContain('\u001b', File.ReadAllText(output));
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }

        [Fact]
        public async Task Paths_relative_to_an_enclosing_folder_prefix_every_reported_path()
        {
            var repository = Path.GetFullPath(Path.Combine(FixtureScan.SamplePath("websocket-on-lambda"), "..", ".."));
            var output = Path.Combine(Path.GetTempPath(), $"platformfit-{Guid.NewGuid():N}.sarif");
            try
            {
                var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--paths-relative-to", repository, "--format", "sarif", "--output", output);

                Assert.Equal(ExitCodes.Findings, exitCode);
                Assert.Contains("samples/websocket-on-lambda/src/ChatApi/Program.cs(18,5): error PF1001", stdout, StringComparison.Ordinal);
                Assert.Contains("at samples/websocket-on-lambda/serverless.yml(29,9)", stdout, StringComparison.Ordinal);
                using var sarif = JsonDocument.Parse(File.ReadAllText(output));
                var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
                Assert.Equal("samples/websocket-on-lambda/src/ChatApi/Program.cs", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
                Assert.Contains("[samples/websocket-on-lambda/serverless.yml(29,9)](1)", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.NotEqual(string.Empty, result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
            }
            finally
            {
                File.Delete(output);
            }
        }

        [Fact]
        public async Task Paths_relative_to_a_folder_that_does_not_contain_the_scan_exit_with_2()
        {
            var (exitCode, _, stderr) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--paths-relative-to", FixtureScan.FixturePath("suppressed"));

            Assert.Equal(ExitCodes.UsageOrFatal, exitCode);
            Assert.Contains("--paths-relative-to", stderr, StringComparison.Ordinal);
        }
    }
}
