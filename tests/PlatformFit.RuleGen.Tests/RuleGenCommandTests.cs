using System;
using System.IO;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>The command line on a small repository in a temporary folder.</summary>
    public sealed class RuleGenCommandTests : IDisposable
    {
        private readonly string _root = Path.Combine(Path.GetTempPath(), "platformfit-rulegen-" + Guid.NewGuid().ToString("N"));

        public RuleGenCommandTests()
        {
            WriteFile("rules/PF1001.yaml", SampleRule.Yaml);
            WriteFile("rules/PF1001.md", SampleRule.Doc);
            WriteFile("rules/platforms/aws-lambda.yaml", "id: aws-lambda\n");
            WriteFile("README.md", SampleRule.Readme);
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);

        [Fact]
        public void Check_writes_nothing_and_lists_every_file_that_would_change()
        {
            var (exitCode, output, error) = Run("--check");

            Assert.Equal(ExitCodes.OutOfDate, exitCode);
            Assert.Contains(RuleCatalogWriter.OutputPath, error, StringComparison.Ordinal);
            Assert.Contains(RuleDescriptorsWriter.OutputPath, error, StringComparison.Ordinal);
            Assert.Contains("  README.md", error, StringComparison.Ordinal);
            Assert.Contains("  rules/PF1001.md", error, StringComparison.Ordinal);
            Assert.Contains("dotnet run --project src/PlatformFit.RuleGen", error, StringComparison.Ordinal);
            Assert.Empty(output);
            Assert.False(File.Exists(Path.Combine(_root, RuleCatalogWriter.OutputPath)));
            Assert.Equal(SampleRule.Doc, ReadFile("rules/PF1001.md"));
            Assert.Equal(SampleRule.Readme, ReadFile("README.md"));
        }

        [Fact]
        public void A_run_writes_the_outputs_and_a_check_then_passes()
        {
            var (written, output, _) = Run();
            var (checkedAgain, checkOutput, checkError) = Run("--check");

            Assert.Equal(ExitCodes.Success, written);
            Assert.Contains("wrote " + RuleCatalogWriter.OutputPath, output, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, checkedAgain);
            Assert.Contains("up to date", checkOutput, StringComparison.Ordinal);
            Assert.Empty(checkError);
            Assert.Contains("public static RuleMetadata PF1001 { get; }", ReadFile(RuleCatalogWriter.OutputPath), StringComparison.Ordinal);
            Assert.DoesNotContain("\r", ReadFile(RuleDescriptorsWriter.OutputPath), StringComparison.Ordinal);
        }

        [Fact]
        public void A_hand_edit_inside_a_generated_block_is_drift()
        {
            Run();
            var doc = ReadFile("rules/PF1001.md");
            WriteFile("rules/PF1001.md", doc.Replace("| high |", "| low |", StringComparison.Ordinal));

            var (exitCode, _, error) = Run("--check");

            Assert.Equal(ExitCodes.OutOfDate, exitCode);
            Assert.Contains("rules/PF1001.md", error, StringComparison.Ordinal);
            Assert.DoesNotContain(RuleCatalogWriter.OutputPath, error, StringComparison.Ordinal);
        }

        [Fact]
        public void Prose_edits_outside_the_generated_block_reach_the_catalog()
        {
            Run();
            WriteFile("rules/PF1001.md", ReadFile("rules/PF1001.md").Replace("Hand-written prose.", "Better prose.", StringComparison.Ordinal));

            var (exitCode, _, error) = Run("--check");

            Assert.Equal(ExitCodes.OutOfDate, exitCode);
            Assert.Contains(RuleCatalogWriter.OutputPath, error, StringComparison.Ordinal);
            Assert.DoesNotContain("rules/PF1001.md", error, StringComparison.Ordinal);
        }

        [Fact]
        public void An_invalid_rule_stops_the_run_with_the_file_and_line()
        {
            WriteFile("rules/PF1001.yaml", SampleRule.YamlWith("severity", "severity: fatal"));

            var (exitCode, _, error) = Run();

            Assert.Equal(ExitCodes.InvalidInput, exitCode);
            Assert.Contains("rules/PF1001.yaml(5): error: severity 'fatal'", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_root, RuleCatalogWriter.OutputPath)));
        }

        [Theory]
        [InlineData("--bogus")]
        [InlineData("--root")]
        public void Bad_arguments_are_a_usage_error(string argument)
        {
            var (exitCode, _, error) = Run(argument);

            Assert.Equal(ExitCodes.InvalidInput, exitCode);
            Assert.Contains("usage:", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_root_without_rules_is_an_error()
        {
            var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
            var error = new StringWriter();

            var exitCode = RuleGenCommand.Run(new[] { "--check" }, empty, TextWriter.Null, error);

            Assert.Equal(ExitCodes.InvalidInput, exitCode);
            Assert.Contains("has no rules/ directory", error.ToString(), StringComparison.Ordinal);
        }

        private (int ExitCode, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = RuleGenCommand.Run(["--root", _root, .. args], Path.GetTempPath(), output, error);
            return (exitCode, output.ToString(), error.ToString());
        }

        private void WriteFile(string path, string text)
        {
            var full = Path.Combine(_root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        private string ReadFile(string path) => File.ReadAllText(Path.Combine(_root, path));
    }
}
