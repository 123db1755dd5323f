using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PlatformFit.Cli.Tests.Tools;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Cli.Tests.GitHubAction
{
    /// <summary>
    /// <c>action.yml</c> is code that no build compiles: these tests parse it and check what GitHub requires of a
    /// composite action and what the docs promise of this one, so that a broken edit fails here and not in a user's job.
    /// </summary>
    public sealed partial class ActionDefinitionTests
    {
        private static readonly string s_actionPath = Path.Combine(RepositoryRoot.Path, "action.yml");

        private static readonly Dictionary<string, string> s_documentedDefaults = new(StringComparer.Ordinal)
        {
            ["path"] = ".",
            ["stage"] = string.Empty,
            ["fail-on"] = "error",
            ["category"] = "platformfit",
            ["sarif-file"] = "platformfit.sarif",
            ["upload"] = "true",
            ["version"] = string.Empty,
        };

        [Fact]
        public void The_action_is_a_composite_action_with_a_name_and_a_description()
        {
            var action = YamlFile.LoadFile(s_actionPath);

            Assert.NotEmpty(YamlFile.Scalar(action["name"], "name"));
            Assert.NotEmpty(YamlFile.Scalar(action["description"], "description"));
            Assert.Equal("composite", YamlFile.Scalar(YamlFile.Mapping(action["runs"], "runs")["using"], "runs.using"));
            Assert.NotEmpty(YamlFile.Sequence(action["runs"]!["steps"], "runs.steps").Items);
        }

        [Fact]
        public void Every_input_is_described_and_has_the_documented_default()
        {
            var inputs = YamlFile.Mapping(YamlFile.LoadFile(s_actionPath)["inputs"], "inputs");

            Assert.Equal(s_documentedDefaults.Keys.Order(StringComparer.Ordinal), inputs.Entries.Select(entry => entry.Key.Value!).Order(StringComparer.Ordinal));
            foreach (var entry in inputs.Entries)
            {
                var name = entry.Key.Value!;
                var input = YamlFile.Mapping(entry.Value, $"inputs.{name}");
                Assert.False(string.IsNullOrWhiteSpace(YamlFile.Scalar(input["description"], $"inputs.{name}.description")), $"inputs.{name} has no description");
                Assert.Equal(s_documentedDefaults[name], input["default"]?.Value ?? string.Empty);
            }
        }

        [Fact]
        public void Every_output_is_described_and_comes_from_a_step()
        {
            var action = YamlFile.LoadFile(s_actionPath);
            var stepIds = Steps(action).Select(step => step["id"]?.Value).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);

            foreach (var entry in YamlFile.Mapping(action["outputs"], "outputs").Entries)
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Value["description"]?.Value), $"outputs.{entry.Key.Value} has no description");
                var value = YamlFile.Scalar(entry.Value["value"], $"outputs.{entry.Key.Value}.value");
                var step = StepOutputReference().Match(value);
                Assert.True(step.Success && stepIds.Contains(step.Groups["id"].Value), $"outputs.{entry.Key.Value} does not come from a step of the action: {value}");
            }
        }

        [Fact]
        public void Every_expression_names_a_declared_input_and_an_existing_step()
        {
            var text = File.ReadAllText(s_actionPath);
            var action = YamlFile.Load("action.yml", text);
            var inputs = YamlFile.Mapping(action["inputs"], "inputs").Entries.Select(entry => entry.Key.Value!).ToHashSet(StringComparer.Ordinal);
            var stepIds = Steps(action).Select(step => step["id"]?.Value).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);

            foreach (Match reference in InputReference().Matches(text))
            {
                Assert.Contains(reference.Groups["name"].Value, inputs);
            }

            foreach (Match reference in StepOutputReference().Matches(text))
            {
                Assert.Contains(reference.Groups["id"].Value, stepIds);
            }
        }

        [Fact]
        public void Run_steps_name_their_shell_and_take_inputs_only_through_the_environment()
        {
            foreach (var step in Steps(YamlFile.LoadFile(s_actionPath)).Where(step => step["run"] is not null))
            {
                var name = step["name"]?.Value ?? "(unnamed)";

                // A composite action's run step must say which shell runs it.
                Assert.Equal("bash", YamlFile.Scalar(step["shell"], $"{name}: shell"));

                // An expression expanded into a script would let an input's text run as shell code.
                Assert.DoesNotContain("${{", step["run"]!.Value, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Actions_are_pinned_by_major_tag()
        {
            var uses = Steps(YamlFile.LoadFile(s_actionPath)).Select(step => step["uses"]?.Value).Where(value => value is not null).ToList();

            Assert.Contains(uses, value => value!.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));
            Assert.Contains(uses, value => value!.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal));
            Assert.All(uses, value => Assert.Matches(MajorTag(), value));
        }

        [Fact]
        public void The_SDK_is_dotnet_10()
        {
            var setup = Steps(YamlFile.LoadFile(s_actionPath)).Single(step => step["uses"]?.Value?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);

            Assert.Equal("10.0.x", YamlFile.Scalar(YamlFile.Mapping(setup["with"], "setup-dotnet with")["dotnet-version"], "dotnet-version"));
        }

        [Fact]
        public void The_scan_writes_SARIF_and_the_upload_runs_always_with_the_category_before_the_step_fails()
        {
            var steps = Steps(YamlFile.LoadFile(s_actionPath)).ToList();
            var scan = steps.FindIndex(step => step["id"]?.Value == "scan");
            var upload = steps.FindIndex(step => step["uses"]?.Value?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
            var fail = steps.FindIndex(step => step["run"]?.Value?.Contains("exit 1", StringComparison.Ordinal) == true && step["id"]?.Value != "scan");

            Assert.True(scan >= 0 && upload > scan && fail > upload, "the steps must scan, then upload, then fail");
            Assert.Contains("--format sarif --output", steps[scan]["run"]!.Value, StringComparison.Ordinal);
            Assert.Contains("always()", YamlFile.Scalar(steps[upload]["if"], "upload if"), StringComparison.Ordinal);
            Assert.Contains("inputs.upload", steps[upload]["if"]!.Value, StringComparison.Ordinal);
            var with = YamlFile.Mapping(steps[upload]["with"], "upload with");
            Assert.Equal("${{ inputs.category }}", YamlFile.Scalar(with["category"], "upload category"));
            Assert.Contains("steps.scan.outputs.sarif-file", YamlFile.Scalar(with["sarif_file"], "upload sarif_file"), StringComparison.Ordinal);
            Assert.Contains("steps.scan.outputs.exit-code == '1'", YamlFile.Scalar(steps[fail]["if"], "fail if"), StringComparison.Ordinal);
        }

        [Fact]
        public void The_pre_commit_hook_runs_the_scan_once_on_the_repository()
        {
            var hooks = YamlFile.Sequence(YamlFile.LoadFile(Path.Combine(RepositoryRoot.Path, ".pre-commit-hooks.yaml")), ".pre-commit-hooks.yaml");
            var hook = Assert.Single(hooks.Items);

            Assert.Equal("platformfit", YamlFile.Scalar(hook["id"], "id"));
            Assert.NotEmpty(YamlFile.Scalar(hook["name"], "name"));
            Assert.Equal("platformfit scan", YamlFile.Scalar(hook["entry"], "entry"));
            Assert.Equal("unsupported", YamlFile.Scalar(hook["language"], "language"));
            Assert.Equal("false", YamlFile.Scalar(hook["pass_filenames"], "pass_filenames"));
            Assert.Equal("4.4.0", YamlFile.Scalar(hook["minimum_pre_commit_version"], "minimum_pre_commit_version"));
            var files = new Regex(YamlFile.Scalar(hook["files"], "files"));
            Assert.Matches(files, "src/Api/Program.cs");
            Assert.Matches(files, "serverless.yml");
            Assert.Matches(files, "template.yaml");
            Assert.Matches(files, "aws-lambda-tools-defaults.json");
            Assert.DoesNotMatch(files, "README.md");
        }

        internal static IEnumerable<YamlNode> Steps(YamlNode action) =>
            YamlFile.Sequence(YamlFile.Mapping(action["runs"], "runs")["steps"], "runs.steps").Items;

        [GeneratedRegex(@"\$\{\{[^}]*\binputs\.(?<name>[A-Za-z0-9_-]+)")]
        private static partial Regex InputReference();

        [GeneratedRegex(@"\bsteps\.(?<id>[A-Za-z0-9_-]+)\.outputs\.")]
        private static partial Regex StepOutputReference();

        [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@v[0-9]+$")]
        private static partial Regex MajorTag();
    }
}
