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

            // No --as-of: the command fills in today's UTC date when it runs (RunAsync), not the parser.
            Assert.Null(options.AsOf);
        }

        [Theory]
        [InlineData("scan", "--format", "xml")]
        [InlineData("scan", "--no-such-option")]
        [InlineData("scan", "--fail-on", "sometimes")]
        [InlineData("scan", "--as-of", "26/11/2026")]
        [InlineData("scan", "--as-of", "2026-02-30")]
        [InlineData("scan", "--as-of")]
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
            var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.FixturePath("websocket-api-supported"), "--as-of", "2026-11-26");

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
                var (exitCode, stdout, _) = await RunAsync("scan", FixtureScan.SamplePath("websocket-on-lambda"), "--format", "sarif", "--output", output, "--as-of", "2026-11-26");

                Assert.Equal(ExitCodes.Findings, exitCode);
                using var sarif = JsonDocument.Parse(File.ReadAllText(output));
                Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
                var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
                Assert.Equal(new[] { "PF1001", "PF1001", "PF4001" }, rules.Order(StringComparer.Ordinal));
                Assert.Contains("error PF1001", stdout, StringComparison.Ordinal);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
            }
        }
    }
}
