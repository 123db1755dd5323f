using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using PlatformFit.Cli.Tests.EndToEnd;
using PlatformFit.Cli.Tests.Projects;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.GitHubAction
{
    /// <summary>
    /// Runs the action's scan step the way the runner does — its script under
    /// <c>bash --noprofile --norc -eo pipefail</c> (actions/runner, docs/adrs/0277-run-action-shell-options.md), with the
    /// step's <c>env</c> and a <c>GITHUB_OUTPUT</c> file — against the sample, using the tool these tests were built with.
    /// </summary>
    public sealed class ActionScanStepTests
    {
        [Fact]
        public void Findings_at_or_above_fail_on_are_an_output_not_a_failed_step_so_the_upload_still_runs()
        {
            using var scratch = new ScratchRepository();
            var run = RunScanStep(scratch, failOn: "error", stage: "prod");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("1", run.Outputs["exit-code"]);
            var sarif = run.Outputs["sarif-file"];
            Assert.Equal(Path.Combine(scratch.Root, "reports/platformfit.sarif"), sarif);
            using var document = JsonDocument.Parse(File.ReadAllText(sarif));
            Assert.Equal(2, document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
            Assert.Contains("error PF1001", run.Stdout, StringComparison.Ordinal);
        }

        [Fact]
        public void Fail_on_none_gives_exit_code_0()
        {
            using var scratch = new ScratchRepository();
            var run = RunScanStep(scratch, failOn: "none");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("0", run.Outputs["exit-code"]);
            Assert.True(File.Exists(run.Outputs["sarif-file"]));
        }

        [Fact]
        public void A_scan_that_cannot_run_fails_the_step_and_leaves_nothing_to_upload_not_even_an_old_file()
        {
            using var scratch = new ScratchRepository();
            var stale = scratch.Write("reports/platformfit.sarif", "{}");

            var run = RunScanStep(scratch, failOn: "sometimes");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("2", run.Outputs["exit-code"]);
            Assert.False(run.Outputs.ContainsKey("sarif-file"));
            Assert.False(File.Exists(stale));
            Assert.Contains("::error title=PlatformFit::The scan could not run (exit code 2)", run.Stdout, StringComparison.Ordinal);
        }

        private sealed record StepRun(int ExitCode, IReadOnlyDictionary<string, string> Outputs, string Stdout);

        private static StepRun RunScanStep(ScratchRepository scratch, string failOn, string stage = "")
        {
            var action = YamlFile.LoadFile(Path.Combine(RepositoryRoot.Path, "action.yml"));
            var step = ActionDefinitionTests.Steps(action).Single(candidate => candidate["id"]?.Value == "scan");
            var script = scratch.Write("step.sh", step["run"]!.Value!);
            var outputFile = scratch.Write("github_output", string.Empty);

            var start = new ProcessStartInfo("bash", new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };

            // The step's env, with the values GitHub would give its expressions here.
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PLATFORMFIT_DLL"] = Path.Combine(AppContext.BaseDirectory, "platformfit.dll"),
                ["PLATFORMFIT_EXECUTABLE"] = string.Empty,
                ["SCAN_PATH"] = ".",
                ["STAGE"] = stage,
                ["FAIL_ON"] = failOn,
                ["SARIF_FILE"] = Path.Combine(scratch.Root, "reports/platformfit.sarif"),
                ["GITHUB_WORKSPACE"] = FixtureScan.SamplePath("websocket-on-lambda"),
                ["GITHUB_OUTPUT"] = outputFile,
                ["RUNNER_TEMP"] = scratch.MachineRoot,
            };
            Assert.Equal(
                YamlFile.Mapping(step["env"], "scan env").Entries.Select(entry => entry.Key.Value!).Where(name => !name.StartsWith("DOTNET_", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
                environment.Keys.Where(name => !name.StartsWith("GITHUB_", StringComparison.Ordinal) && name != "RUNNER_TEMP").Order(StringComparer.Ordinal));
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            Directory.CreateDirectory(Path.Combine(scratch.Root, "reports"));
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the scan step did not finish");
            process.WaitForExit();

            var outputs = File.ReadAllLines(outputFile)
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            return new StepRun(process.ExitCode, outputs, stdout.Result + stderr.Result);
        }
    }
}
