using PlatformFit.Core.Config;

namespace PlatformFit.Core.Tests.Config
{
    public class ConfigPathsTests
    {
        [Theory]
        [InlineData("/repo/serverless.yml", "./env.yml", "/repo/env.yml")]
        [InlineData("/repo/deploy/serverless.yml", "../src/Api/bin/Release/api.zip", "/repo/src/Api/bin/Release/api.zip")]
        [InlineData("/repo/serverless.yml", "/abs/file.yml", "/abs/file.yml")]
        [InlineData(@"C:\repo\serverless.yml", @".\src\Api\", "C:/repo/src/Api")]
        public void Resolves_relative_references_against_the_config_folder(string config, string relative, string expected) =>
            Assert.Equal(expected, ConfigPaths.Resolve(config, relative));

        [Theory]
        [InlineData("/repo/src/Api/bin/x.zip", "/repo/src/Api", true)]
        [InlineData("/repo/src/Api", "/repo/src/Api/", true)]
        [InlineData("/repo/src/ApiTests/x.zip", "/repo/src/Api", false)]
        [InlineData("/repo/x.zip", "/repo/src/Api", false)]
        public void Knows_whether_a_path_lies_in_a_folder(string path, string folder, bool expected) =>
            Assert.Equal(expected, ConfigPaths.IsUnder(path, folder));
    }
}
