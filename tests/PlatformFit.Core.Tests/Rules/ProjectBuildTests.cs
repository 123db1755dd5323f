using System.Collections.Generic;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    public class ProjectBuildTests
    {
        private static ProjectBuild Read(Dictionary<string, string> properties, string? toolsDefaults = null) =>
            ProjectBuild.Read(name => properties.TryGetValue(name, out var value) ? value : null, toolsDefaults, PlatformProfiles.AwsLambda.Architectures);

        [Fact]
        public void Reads_the_project_properties()
        {
            var build = Read(new()
            {
                ["targetframework"] = "net8.0",
                ["targetframeworks"] = "net8.0; net10.0",
                ["rollforward"] = "Major",
                ["runtimeidentifier"] = "linux-arm64",
                ["publishaot"] = "True",
            });

            Assert.Equal("net8.0", build.TargetFramework);
            Assert.Equal(new[] { "net8.0", "net10.0" }, build.TargetFrameworks);
            Assert.Equal("Major", build.RollForward);
            Assert.True(build.PublishAot);
            Assert.True(build.SelfContained);
            Assert.Equal("linux-arm64", build.RuntimeIdentifier);
            Assert.Equal("RuntimeIdentifier in the project", build.RuntimeIdentifierSource);
        }

        [Theory]
        [InlineData("--self-contained true", true)]
        [InlineData("--self-contained", true)]
        [InlineData("--self-contained false", false)]
        [InlineData("--sc true", true)]
        [InlineData("/p:SelfContained=true", true)]
        [InlineData("-p:PublishAot=true", true)]
        [InlineData("--property:SelfContained=True", true)]
        [InlineData("/p:PreserveCompilationContext=false", false)]
        public void Reads_the_self_contained_switches_of_the_Lambda_tools(string parameters, bool selfContained)
        {
            var build = Read(new(), $$"""{ "msbuild-parameters": "{{parameters}}" }""");
            Assert.Equal(selfContained, build.SelfContained);
        }

        [Theory]
        [InlineData("-r linux-arm64", "linux-arm64")]
        [InlineData("--runtime linux-x64 --self-contained true", "linux-x64")]
        [InlineData("/p:RuntimeIdentifier=linux-arm64", "linux-arm64")]
        public void Reads_the_runtime_identifier_of_the_Lambda_tools(string parameters, string rid)
        {
            var build = Read(new() { ["runtimeidentifier"] = "linux-musl-x64" }, $$"""{ "msbuild-parameters": "{{parameters}}" }""");
            Assert.Equal(rid, build.RuntimeIdentifier);
        }

        [Fact]
        public void Comments_in_the_tools_file_are_read_past_as_the_Lambda_tools_do()
        {
            var build = Read(new(), """
                {
                  // Native AOT needs a self-contained publish.
                  "function-runtime": "provided.al2023",
                  "msbuild-parameters": "--self-contained true" /* see the blueprint */
                }
                """);
            Assert.True(build.SelfContained);
        }

        [Fact]
        public void A_malformed_tools_file_is_ignored()
        {
            var build = Read(new() { ["runtimeidentifier"] = "linux-x64" }, "{ \"msbuild-parameters\": ");
            Assert.Equal("linux-x64", build.RuntimeIdentifier);
            Assert.False(build.SelfContained);
        }
    }
}
