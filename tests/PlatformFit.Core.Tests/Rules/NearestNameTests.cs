using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    public class NearestNameTests
    {
        [Theory]
        [InlineData("handle", "Handle")]
        [InlineData("Hnadle", "Handle")]
        [InlineData("Process", null)]
        public void Suggests_a_case_variant_or_a_close_name(string wanted, string? expected) =>
            Assert.Equal(expected, NearestName.Find(wanted, new[] { "Handle", "HandleAsync", "Dispose" }));

        [Fact]
        public void Never_suggests_the_name_itself() => Assert.Null(NearestName.Find("Handle", new[] { "Handle" }));

        [Fact]
        public void Ties_are_broken_in_ordinal_order() => Assert.Equal("Ab", NearestName.Find("Ax", new[] { "Ac", "Ab" }));
    }
}
