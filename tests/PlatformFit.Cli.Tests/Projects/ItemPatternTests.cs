using PlatformFit.Cli.Projects;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class ItemPatternTests
    {
        [Theory]
        [InlineData("**/*.cs", "Program.cs", true)]
        [InlineData("**/*.cs", "a/b/c/Deep.cs", true)]
        [InlineData("**\\*.cs", "a/Deep.cs", true)]
        [InlineData("*.cs", "a/Deep.cs", false)]
        [InlineData("Models/**/*.cs", "Models/Order.cs", true)]
        [InlineData("Models/**/*.cs", "Models/Sales/Order.cs", true)]
        [InlineData("Models/**/*.cs", "ModelsX/Order.cs", false)]
        [InlineData("Generated/**", "Generated/a/b.cs", true)]
        [InlineData("**/*.Designer.cs", "Forms/Main.Designer.cs", true)]
        [InlineData("**/*.Designer.cs", "Forms/Designer.cs", false)]
        [InlineData("File?.cs", "File1.cs", true)]
        [InlineData("File?.cs", "File10.cs", false)]
        [InlineData("a+b(c).cs", "a+b(c).cs", true)]
        public void Globs_match_like_msbuild(string spec, string relativeFile, bool expected)
        {
            var pattern = ItemPattern.Create(spec, "/repo/App")!;

            Assert.Equal(expected, pattern.Matches("/repo/App/" + relativeFile));
        }

        [Fact]
        public void The_fixed_part_becomes_the_base_directory()
        {
            var pattern = ItemPattern.Create("..\\Shared\\**\\*.cs", "/repo/src/App")!;

            Assert.Equal("/repo/src/Shared", pattern.BaseDirectory);
            Assert.Equal("**/*.cs", pattern.WildcardPart);
            Assert.True(pattern.Matches("/repo/src/Shared/Clock.cs"));
            Assert.False(pattern.Matches("/repo/src/App/Clock.cs"));
        }

        [Fact]
        public void A_plain_path_matches_only_itself()
        {
            var pattern = ItemPattern.Create("Sub\\..\\Program.cs", "/repo/App")!;

            Assert.False(pattern.HasWildcards);
            Assert.True(pattern.Matches("/repo/App/Program.cs"));
            Assert.False(pattern.Matches("/repo/App/Other/Program.cs"));
        }

        [Fact]
        public void Pathological_specs_match_in_linear_time()
        {
            var spec = string.Concat(System.Linq.Enumerable.Repeat("**/*a*", 30)) + "/x.cs";
            var pattern = ItemPattern.Create(spec, "/repo")!;
            var path = "/repo/" + string.Join('/', System.Linq.Enumerable.Repeat(new string('a', 40), 40)) + "/y.cs";

            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.False(pattern.Matches(path));
            Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(5));
        }
    }
}
