using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Tests.Reporting
{
    public sealed class MessageLinksTests
    {
        private static readonly SourceLocation s_anywhere = new("serverless.yml", 1, 1, 1, 2);

        [Fact]
        public void Each_related_location_label_becomes_a_link_to_its_id()
        {
            var related = new[]
            {
                new RelatedLocation(1, s_anywhere, "serverless.yml(14,9)"),
                new RelatedLocation(2, s_anywhere, "serverless.yml(8,12)"),
            };

            var text = MessageLinks.Link("behind an HTTP API (serverless.yml(14,9)) with a timeout of 30 s (serverless.yml(8,12))", related);

            Assert.Equal("behind an HTTP API ([serverless.yml(14,9)](1)) with a timeout of 30 s ([serverless.yml(8,12)](2))", text);
        }

        [Fact]
        public void The_longest_label_wins_where_one_label_contains_another()
        {
            var related = new[]
            {
                new RelatedLocation(1, s_anywhere, "serverless.yml(1,1)"),
                new RelatedLocation(2, s_anywhere, "serverless.yml(1,10)"),
            };

            Assert.Equal("see [serverless.yml(1,10)](2)", MessageLinks.Link("see serverless.yml(1,10)", related));
        }

        [Fact]
        public void Literal_brackets_are_escaped_so_they_are_not_read_as_links()
        {
            Assert.Equal(@"args\[0\] is read", MessageLinks.Link("args[0] is read", System.Array.Empty<RelatedLocation>()));
        }
    }
}
