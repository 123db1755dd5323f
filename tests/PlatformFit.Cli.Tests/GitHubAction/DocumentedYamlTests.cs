using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PlatformFit.Cli.Tests.Tools;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Cli.Tests.GitHubAction
{
    /// <summary>The YAML examples in the docs are what users copy: each must parse, and use the action and the hook as they are.</summary>
    public sealed partial class DocumentedYamlTests
    {
        public static TheoryData<string, int> YamlBlocks()
        {
            var data = new TheoryData<string, int>();
            foreach (var doc in Docs())
            {
                foreach (var (line, _) in YamlFile.FencedBlocks(Path.Combine(RepositoryRoot.Path, doc)))
                {
                    data.Add(doc, line);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(YamlBlocks))]
        public void Every_yaml_example_parses(string doc, int line)
        {
            Load(doc, line);
        }

        [Fact]
        public void The_documented_workflow_grants_the_permissions_the_upload_needs_and_checks_out_first()
        {
            var workflow = Blocks("docs/github-code-scanning.md").Single(node => node["on"] is not null && node["jobs"] is not null);

            var job = YamlFile.Mapping(YamlFile.Mapping(workflow["jobs"], "jobs").Entries.Single().Value, "the job");
            var permissions = YamlFile.Mapping(job["permissions"], "job permissions");
            Assert.Equal("write", YamlFile.Scalar(permissions["security-events"], "security-events"));
            Assert.Equal("read", YamlFile.Scalar(permissions["contents"], "contents"));
            Assert.Equal("read", YamlFile.Scalar(permissions["actions"], "actions"));

            var steps = YamlFile.Sequence(job["steps"], "steps").Items;
            Assert.StartsWith("actions/checkout@", steps[0]["uses"]?.Value, StringComparison.Ordinal);
            Assert.Contains(steps, step => step["uses"]?.Value?.StartsWith("platformfit/platformfit@", StringComparison.Ordinal) == true);
        }

        [Fact]
        public void Every_documented_use_of_the_action_passes_only_inputs_it_declares()
        {
            var action = YamlFile.LoadFile(Path.Combine(RepositoryRoot.Path, "action.yml"));
            var inputs = YamlFile.Mapping(action["inputs"], "inputs").Entries.Select(entry => entry.Key.Value!).ToHashSet(StringComparer.Ordinal);
            var uses = Docs().SelectMany(Blocks).SelectMany(YamlFile.Mappings)
                .Where(step => step["uses"]?.Value?.StartsWith("platformfit/platformfit@", StringComparison.Ordinal) == true)
                .ToList();

            Assert.NotEmpty(uses);
            foreach (var step in uses)
            {
                foreach (var entry in step["with"]?.Entries ?? Array.Empty<YamlEntry>())
                {
                    Assert.Contains(entry.Key.Value!, inputs);
                }
            }
        }

        [Fact]
        public void Every_documented_third_party_action_is_pinned_by_major_tag()
        {
            var uses = Docs().SelectMany(Blocks).SelectMany(YamlFile.Mappings)
                .Select(step => step["uses"]?.Value)
                .Where(value => value is not null && !value.StartsWith("platformfit/platformfit@", StringComparison.Ordinal))
                .ToList();

            Assert.NotEmpty(uses);
            Assert.All(uses, value => Assert.Matches(MajorTag(), value));
        }

        [Fact]
        public void The_documented_pre_commit_configuration_uses_the_hook_the_repository_defines()
        {
            var hooks = YamlFile.LoadFile(Path.Combine(RepositoryRoot.Path, ".pre-commit-hooks.yaml")).Items.Select(hook => hook["id"]?.Value).ToHashSet(StringComparer.Ordinal);
            var remote = Blocks("docs/ci-recipes.md")
                .Where(node => node["repos"] is not null)
                .SelectMany(node => node["repos"]!.Items)
                .Single(repo => repo["repo"]?.Value == "https://github.com/platformfit/platformfit");

            Assert.All(YamlFile.Sequence(remote["hooks"], "hooks").Items, hook => Assert.Contains(hook["id"]?.Value, hooks));
        }

        [Fact]
        public void The_documented_CircleCI_job_runs_on_the_dotnet_10_SDK_and_keeps_the_SARIF_file()
        {
            var config = Blocks("docs/ci-recipes.md").Single(node => node["version"]?.Value == "2.1");
            var job = YamlFile.Mapping(YamlFile.Mapping(config["jobs"], "jobs")["platformfit"], "jobs.platformfit");

            Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.", YamlFile.Sequence(job["docker"], "docker").Items[0]["image"]?.Value, StringComparison.Ordinal);
            var steps = YamlFile.Sequence(job["steps"], "steps").Items;
            Assert.Contains(steps, step => step["store_artifacts"]?["path"]?.Value?.EndsWith(".sarif", StringComparison.Ordinal) == true);
            Assert.Contains(steps, step => step["run"]?["command"]?.Value?.Contains("--format sarif", StringComparison.Ordinal) == true);
        }

        private static string[] Docs() => new[] { "docs/github-code-scanning.md", "docs/ci-recipes.md" };

        private static IEnumerable<YamlNode> Blocks(string doc) =>
            YamlFile.FencedBlocks(Path.Combine(RepositoryRoot.Path, doc)).Select(block => YamlFile.Load($"{doc}, block at line {block.Line}", block.Text));

        private static YamlNode Load(string doc, int line)
        {
            var block = YamlFile.FencedBlocks(Path.Combine(RepositoryRoot.Path, doc)).Single(candidate => candidate.Line == line);
            return YamlFile.Load($"{doc}, block at line {line}", block.Text);
        }

        [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@v[0-9]+$")]
        private static partial Regex MajorTag();
    }
}
