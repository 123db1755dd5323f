using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF4004")]
    public class ArchitectureMismatchTests
    {
        private static string Service(string architecture) => $"""
            provider:
              name: aws
              runtime: provided.al2023
            functions:
              resize:
                handler: bootstrap
                {architecture}
            """;

        private static ConfigFinding[] Check(string yaml, string? rid, string? toolsDefaults = null)
        {
            var properties = new Dictionary<string, string> { ["targetframework"] = "net10.0" };
            if (rid is not null)
            {
                properties["runtimeidentifier"] = rid;
            }

            var build = RuntimeFrameworkMismatchTests.Build("net10.0", properties, toolsDefaults);
            return ArchitectureMismatch.Check(ConfigUnits.ReadAll(yaml), build, ConfigUnits.Display).ToArray();
        }

        [Fact]
        public void An_arm64_build_for_a_function_that_names_no_architecture_runs_on_the_x86_64_default()
        {
            var yaml = Service(string.Empty);
            var finding = Assert.Single(Check(yaml, "linux-arm64"));

            Assert.Equal("PF4004", finding.Rule.Id);
            Assert.Equal("resize", finding.Primary.Text(yaml));
            Assert.Equal(
                "Function 'resize': the architecture is x86_64 (the default when a function names none), but the project builds for arm64 " +
                "(linux-arm64, RuntimeIdentifier in the project): native code built for one architecture fails on the other with an exec format error; " +
                "set the architecture to arm64, or build for linux-x64",
                finding.Message);
        }

        [Fact]
        public void An_x64_build_for_an_arm64_function_is_reported_on_the_architecture()
        {
            var yaml = Service("architecture: arm64");
            var finding = Assert.Single(Check(yaml, "linux-x64"));

            Assert.Equal("arm64", finding.Primary.Text(yaml));
            Assert.Contains("the architecture is arm64 (serverless.yml(7,19)), but the project builds for x86_64 (linux-x64,", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_musl_runtime_identifier_has_the_same_architecture() => Assert.Single(Check(Service("architecture: x86_64"), "linux-musl-arm64"));

        [Theory]
        [InlineData("architecture: arm64", "linux-arm64")]
        [InlineData("architecture: x86_64", "linux-x64")]
        [InlineData("", "linux-x64")]
        [InlineData("architecture: arm64", null)]
        [InlineData("", "win-x64")]
        [InlineData("", "linux-x86")]
        [InlineData("architecture: ${param:arch}", "linux-arm64")]
        public void Matching_absent_foreign_and_unknown_values_are_silent(string architecture, string? rid) =>
            Assert.Empty(Check(Service(architecture), rid));

        [Fact]
        public void A_container_image_is_silent() =>
            Assert.Empty(Check(Service("image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/resize:latest"), "linux-arm64"));

        [Fact]
        public void The_runtime_identifier_dotnet_lambda_package_publishes_with_wins_over_the_project_file()
        {
            Assert.Empty(Check(Service("architecture: x86_64"), "linux-arm64", """{ "msbuild-parameters": "--self-contained true -r linux-x64" }"""));
            Assert.Empty(Check(Service("architecture: arm64"), "linux-x64", """{ "function-architecture": "arm64" }"""));

            var finding = Assert.Single(Check(Service("architecture: arm64"), null, """{ "msbuild-parameters": "-p:RuntimeIdentifier=linux-x64" }"""));
            Assert.Contains("(linux-x64, msbuild-parameters in aws-lambda-tools-defaults.json)", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_shared_architecture_is_reported_once_naming_every_function()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: provided.al2023
                  architecture: arm64
                functions:
                  resize:
                    handler: bootstrap
                  crop:
                    handler: bootstrap
                """;
            var finding = Assert.Single(Check(yaml, "linux-x64"));
            Assert.StartsWith("Functions 'resize' and 'crop': the architecture is arm64 (serverless.yml(4,17), inherited)", finding.Message, StringComparison.Ordinal);
        }
    }
}
