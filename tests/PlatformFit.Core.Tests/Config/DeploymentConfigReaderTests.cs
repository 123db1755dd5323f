using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    public class DeploymentConfigReaderTests
    {
        [Theory]
        [InlineData("/repo/serverless.yml", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/src/Orders/aws-lambda-tools-defaults.json", ConfigFormat.LambdaToolsDefaults)]
        [InlineData("/repo/src/Orders/appsettings.json", ConfigFormat.Unknown)]
        public void Recognizes_configs_by_name(string path, ConfigFormat format) => Assert.Equal(format, DeploymentConfigReader.Recognize(path));

        [Fact]
        public void The_Lambda_tools_defaults_are_read_for_their_build_switches_and_declare_no_units_yet()
        {
            var result = DeploymentConfigReader.Read("/repo/src/Orders/aws-lambda-tools-defaults.json", """{ "msbuild-parameters": "--self-contained true" }""", ConfigReadContext.Default);

            Assert.Equal(ConfigFormat.LambdaToolsDefaults, result.Format);
            Assert.Empty(result.Units);
            Assert.Empty(result.Problems);
        }
    }
}
