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
    }
}
