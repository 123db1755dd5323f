using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF4003")]
    public class RuntimeFrameworkMismatchTests
    {
        private static string Service(string runtime, string function = "handler: Orders") => $"""
            provider:
              name: aws
              runtime: {runtime}
            functions:
              api:
                {function}
            """;

        internal static ProjectBuild Build(string targetFramework, Dictionary<string, string>? properties = null, string? toolsDefaults = null)
        {
            var all = new Dictionary<string, string>(properties ?? new Dictionary<string, string>()) { ["targetframework"] = targetFramework };
            return ProjectBuild.Read(name => all.TryGetValue(name, out var value) ? value : null, toolsDefaults, PlatformProfiles.AwsLambda.Architectures);
        }

        private static ConfigFinding[] Check(string yaml, ProjectBuild build) =>
            RuntimeFrameworkMismatch.Check(ConfigUnits.ReadAll(yaml), "Orders", build).ToArray();

        [Fact]
        public void A_net10_project_does_not_start_on_dotnet8()
        {
            var yaml = Service("dotnet8");
            var finding = Assert.Single(Check(yaml, Build("net10.0")));

            Assert.Equal("PF4003", finding.Rule.Id);
            Assert.Equal("dotnet8", finding.Primary.Text(yaml));
            Assert.Equal("Function 'api' cannot start on runtime 'dotnet8': 'Orders' targets net10.0, and the runtime has only .NET 8; use runtime 'dotnet10'", finding.Message);
        }

        [Fact]
        public void A_net8_project_does_not_roll_forward_to_dotnet10_by_default()
        {
            var finding = Assert.Single(Check(Service("dotnet10"), Build("net8.0")));

            Assert.Equal(
                "Function 'api' cannot start on runtime 'dotnet10': 'Orders' targets net8.0, the runtime has only .NET 10, and with the default RollForward, Minor, " +
                "a .NET 8 app does not start on another major version; target net10.0, or set <RollForward>Major</RollForward> in the project",
                finding.Message);
        }

        [Fact]
        public void An_explicit_minor_roll_forward_is_named()
        {
            var finding = Assert.Single(Check(Service("dotnet10"), Build("net8.0", new() { ["rollforward"] = "Minor" })));
            Assert.Contains("with RollForward Minor a .NET 8 app", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("rollforward", "Major")]
        [InlineData("rollforward", "latestmajor")]
        [InlineData("selfcontained", "true")]
        public void A_net8_project_that_rolls_forward_or_carries_its_runtime_runs_on_dotnet10(string property, string value) =>
            Assert.Empty(Check(Service("dotnet10"), Build("net8.0", new() { [property] = value })));

        [Fact]
        public void Net9_has_no_managed_zip_runtime()
        {
            var onDotnet9 = Assert.Single(Check(Service("dotnet9"), Build("net9.0")));
            Assert.Equal(
                "Function 'api' cannot start on runtime 'dotnet9': it exists only as a container base image, not as a managed runtime for a zip package; " +
                "use runtime 'dotnet10' with <RollForward>Major</RollForward>, or target net10.0, or deploy a container image",
                onDotnet9.Message);

            var onDotnet8 = Assert.Single(Check(Service("dotnet8"), Build("net9.0")));
            Assert.EndsWith("use runtime 'dotnet10' with <RollForward>Major</RollForward>, or target net10.0", onDotnet8.Message, StringComparison.Ordinal);

            Assert.Single(Check(Service("dotnet10"), Build("net9.0")));
            Assert.Empty(Check(Service("dotnet10"), Build("net9.0", new() { ["rollforward"] = "Major" })));
        }

        [Fact]
        public void A_container_image_that_shares_the_runtime_line_does_not_hide_the_zip_functions()
        {
            var finding = Assert.Single(Check("""
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  renderer:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/renderer:latest
                  api:
                    handler: Orders
                """, Build("net10.0")));
            Assert.StartsWith("Function 'api' cannot start", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_container_image_is_silent() =>
            Assert.Empty(Check(Service("dotnet9", "image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest"), Build("net9.0")));

        [Fact]
        public void An_OS_only_runtime_needs_a_self_contained_or_native_AOT_build()
        {
            var finding = Assert.Single(Check(Service("provided.al2023"), Build("net10.0")));
            Assert.Equal(
                "Function 'api' cannot start on runtime 'provided.al2023': it is an OS-only runtime with no .NET installed, and 'Orders' is neither self-contained nor native AOT; " +
                "set <SelfContained>true</SelfContained> or <PublishAot>true</PublishAot> in the project, or pass --self-contained true in the msbuild-parameters of aws-lambda-tools-defaults.json",
                finding.Message);
            Assert.Single(Check(Service("provided.al2"), Build("net8.0")));
        }

        [Theory]
        [InlineData("selfcontained", "true", null)]
        [InlineData("publishaot", "true", null)]
        [InlineData("publishtrimmed", "true", null)]
        [InlineData(null, null, """{ "function-runtime": "provided.al2023", "msbuild-parameters": "--self-contained true" }""")]
        [InlineData(null, null, """{ "msbuild-parameters": "/p:PublishAot=true -r linux-x64" }""")]
        public void A_self_contained_build_on_an_OS_only_runtime_is_silent(string? property, string? value, string? toolsDefaults)
        {
            var properties = property is null ? null : new Dictionary<string, string> { [property] = value! };
            Assert.Empty(Check(Service("provided.al2023"), Build("net10.0", properties, toolsDefaults)));
        }

        [Theory]
        [InlineData("nodejs20.x")]
        [InlineData("python3.13")]
        [InlineData("java21")]
        public void A_runtime_of_another_language_cannot_run_the_project(string runtime)
        {
            var finding = Assert.Single(Check(Service(runtime), Build("net10.0")));
            Assert.Equal($"Function 'api' cannot start on runtime '{runtime}': it is a runtime for another language, with no .NET to run 'Orders'; use runtime 'dotnet10'", finding.Message);
        }

        [Theory]
        [InlineData("dotnet8", "net8.0")]
        [InlineData("dotnet10", "net10.0")]
        [InlineData("dotnet8", "netstandard2.0")]
        [InlineData("dotnet8", "")]
        [InlineData("dotnet12", "net10.0")]
        [InlineData("${param:runtime}", "net10.0")]
        [InlineData("dotnet10", "net10.0-windows")]
        public void Matching_unknown_and_unlisted_runtimes_and_non_dotnet_core_frameworks_are_silent(string runtime, string framework) =>
            Assert.Empty(Check(Service(runtime), Build(framework)));

        [Fact]
        public void An_absent_runtime_is_silent() =>
            Assert.Empty(Check("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                """, Build("net10.0")));

        [Fact]
        public void A_multi_targeted_project_that_builds_the_runtime_s_framework_is_silent() =>
            Assert.Empty(Check(Service("dotnet10"), Build("net8.0", new() { ["targetframeworks"] = "net8.0;net10.0" })));

        [Fact]
        public void A_shared_runtime_is_reported_once_naming_every_function()
        {
            var findings = Check("""
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  api:
                    handler: Orders
                  jobs:
                    handler: Orders::Orders.Jobs::Run
                  nightly:
                    handler: Orders::Orders.Nightly::Run
                  legacy:
                    handler: Orders::Orders.Legacy::Run
                    runtime: dotnet10
                """, Build("net10.0"));

            var finding = Assert.Single(findings);
            Assert.StartsWith("Functions 'api', 'jobs' and 'nightly' cannot start on runtime 'dotnet8'", finding.Message, StringComparison.Ordinal);
        }
    }
}
