using System;
using System.IO;
using System.Linq;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Tests
{
    public class PlatformProfilesTests
    {
        [Fact]
        public void The_Lambda_profile_loads_with_every_number_sourced()
        {
            var profile = PlatformProfiles.AwsLambda;

            Assert.Equal("aws-lambda", profile.Id);
            Assert.Equal(900, profile.Limits["timeout-seconds"].Max);
            Assert.Equal(10240, profile.Limits["memory-mb"].Max);
            Assert.All(profile.Limits.Values, l => Assert.StartsWith("https://", profile.SourceUrl(l.Source)));
            Assert.All(profile.FrontDoors.Values, d => Assert.StartsWith("https://", profile.SourceUrl(d.Source)));
            Assert.Equal(WebSocketSupport.Managed, profile.FrontDoor("websocket-api")!.WebSocket);
            Assert.Equal(WebSocketSupport.None, profile.FrontDoor("alb")!.WebSocket);
            Assert.Equal(new DateTime(2026, 11, 10), profile.Runtimes.Single(r => r.Id == "dotnet8").Deprecated);
            Assert.Equal(1024, profile.ToolDefaultsFor("serverless-framework").MemoryMb);
        }

        [Fact]
        public void The_Lambda_profile_names_its_writable_paths_and_execution_model_with_sources()
        {
            var profile = PlatformProfiles.AwsLambda;

            var tmp = Assert.Single(profile.WritablePaths);
            Assert.Equal("/tmp", tmp.Path);
            Assert.Equal("A6", tmp.Source);
            Assert.True(tmp.IsTempDirectory);
            Assert.NotNull(profile.ExecutionTraitThatHolds(ExecutionTraits.IsolatedInstanceMemory));
            Assert.NotNull(profile.ExecutionTraitThatHolds(ExecutionTraits.RecycledInstances));
            Assert.Equal("A4", profile.ExecutionTraitThatHolds(ExecutionTraits.FrozenBetweenInvocations)!.Source);
            Assert.All(profile.Execution.Values, t => Assert.StartsWith("https://", profile.SourceUrl(t.Source)));
        }

        [Fact]
        public void An_execution_trait_that_does_not_hold_or_is_absent_is_not_returned()
        {
            var profile = PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                execution:
                  frozen-between-invocations: { value: false, source: A }
                """);

            Assert.Null(profile.ExecutionTraitThatHolds(ExecutionTraits.FrozenBetweenInvocations));
            Assert.Null(profile.ExecutionTraitThatHolds(ExecutionTraits.IsolatedInstanceMemory));
            Assert.Empty(profile.WritablePaths);
        }

        [Fact]
        public void An_execution_trait_that_is_not_a_boolean_is_refused()
        {
            var e = Assert.Throws<InvalidDataException>(() => PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                execution:
                  recycled-instances: { value: sometimes, source: A }
                """));
            Assert.Contains("recycled-instances", e.Message);
        }

        [Fact]
        public void A_writable_path_without_a_listed_source_is_refused()
        {
            var e = Assert.Throws<InvalidDataException>(() => PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                writable-paths:
                  - { path: /tmp, source: B }
                """));
            Assert.Contains("source 'B'", e.Message);
        }

        [Fact]
        public void A_number_without_a_listed_source_is_refused()
        {
            var e = Assert.Throws<InvalidDataException>(() => PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                limits:
                  memory-mb: { max: 10, source: B }
                """));
            Assert.Contains("source 'B'", e.Message);
        }

        [Fact]
        public void The_template_and_Lambda_tools_defaults_are_data_with_sources()
        {
            var profile = PlatformProfiles.AwsLambda;

            Assert.Equal((128, 3), (profile.ToolDefaultsFor("sam").MemoryMb, profile.ToolDefaultsFor("sam").TimeoutSeconds));
            Assert.Equal((128, 3), (profile.ToolDefaultsFor("cloudformation").MemoryMb, profile.ToolDefaultsFor("cloudformation").TimeoutSeconds));

            // deploy-function has no defaults of its own; the entry exists to say so, with its source.
            var tools = profile.ToolDefaultsFor("lambda-tools");
            Assert.Null(tools.MemoryMb);
            Assert.Null(tools.TimeoutSeconds);
            Assert.StartsWith("https://", profile.SourceUrl(tools.Source));
            Assert.All(profile.ToolDefaults.Values, d => Assert.StartsWith("https://", profile.SourceUrl(d.Source)));

            Assert.Equal(30, profile.Limits["sqs-visibility-timeout-seconds"].Default);
        }

        [Fact]
        public void The_Lambda_profile_says_that_execution_environments_are_reused_with_its_source()
        {
            var model = PlatformProfiles.AwsLambda.ExecutionModel;

            Assert.NotNull(model);
            Assert.True(model.ReusesEnvironment);
            Assert.Equal("https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html", PlatformProfiles.AwsLambda.SourceUrl(model.Source));
        }

        [Fact]
        public void A_profile_without_an_execution_model_says_nothing_about_reuse()
        {
            var profile = PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                """);

            Assert.Null(profile.ExecutionModel);
        }

        [Fact]
        public void The_Lambda_profile_names_architectures_runtime_successors_and_other_languages()
        {
            var profile = PlatformProfiles.AwsLambda;

            Assert.Equal("x86_64", profile.Architectures!.Default);
            Assert.Equal("arm64", profile.Architectures.RuntimeIdentifierSuffixes["arm64"]);
            Assert.Equal("x64", profile.Architectures.RuntimeIdentifierSuffixes["x86_64"]);
            Assert.StartsWith("https://", profile.SourceUrl(profile.Architectures.Source));
            Assert.True(profile.OtherLanguageRuntimes!.Contains("nodejs22.x"));
            Assert.False(profile.OtherLanguageRuntimes.Contains("dotnet10"));
            Assert.Equal("dotnet10", profile.Runtime("dotnet8")!.Successor);
            Assert.Equal("net8.0", profile.Runtime("dotnet8")!.Framework);
            Assert.True(profile.Runtime("dotnet9")!.ImageOnly);
            Assert.True(profile.Runtime("provided.al2023")!.OsOnly);
            Assert.Null(profile.Runtime("Dotnet8"));
            Assert.True(profile.FrontDoor("rest-api")!.IntegrationTimeoutRaisable);
            Assert.False(profile.FrontDoor("http-api")!.IntegrationTimeoutRaisable);
        }

        [Fact]
        public void A_default_architecture_without_a_runtime_identifier_suffix_is_refused()
        {
            var e = Assert.Throws<InvalidDataException>(() => PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                architectures: { default: sparc, source: A, runtime-identifier-suffixes: { x86_64: x64 } }
                """));
            Assert.Contains("sparc", e.Message);
        }

        [Fact]
        public void The_Lambda_profile_says_how_each_HTTP_door_delivers_a_response_and_that_nothing_connects_in()
        {
            var profile = PlatformProfiles.AwsLambda;

            Assert.Equal("RESPONSE_STREAM", profile.FrontDoor("function-url")!.Response!.StreamsWhen);
            Assert.Equal("STREAM", profile.FrontDoor("rest-api")!.Response!.StreamsWhen);
            Assert.Null(profile.FrontDoor("http-api")!.Response!.StreamsWhen);
            Assert.Equal(1048576, profile.FrontDoor("alb")!.Response!.MaxBytes);
            Assert.Null(profile.FrontDoor("websocket-api")!.Response);
            Assert.All(profile.FrontDoors.Values.Where(d => d.Response is not null), d => Assert.StartsWith("https://", profile.SourceUrl(d.Response!.Source)));
            Assert.Equal(6291456, profile.Limits["sync-payload-bytes"].Max);

            var inbound = profile.InboundNetwork!;
            Assert.False(inbound.Allowed);
            Assert.StartsWith("https://", profile.SourceUrl(inbound.Source));
        }

        [Fact]
        public void An_inbound_network_fact_must_be_true_or_false()
        {
            var e = Assert.Throws<InvalidDataException>(() => PlatformProfiles.Parse("p.yaml", """
                id: p
                name: P
                sources: { A: { url: https://example.com } }
                inbound-network: { allowed: sometimes, source: A }
                """));
            Assert.Contains("'allowed' is 'sometimes'", e.Message);
        }
    }
}
