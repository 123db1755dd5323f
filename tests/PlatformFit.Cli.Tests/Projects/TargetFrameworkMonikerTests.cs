using PlatformFit.Cli.Projects;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class TargetFrameworkMonikerTests
    {
        [Theory]
        [InlineData("net8.0", ".NETCoreApp", "8.0", null, ".NETCoreApp,Version=v8.0")]
        [InlineData("NET10.0", ".NETCoreApp", "10.0", null, ".NETCoreApp,Version=v10.0")]
        [InlineData("netcoreapp3.1", ".NETCoreApp", "3.1", null, ".NETCoreApp,Version=v3.1")]
        [InlineData("netstandard2.0", ".NETStandard", "2.0", null, ".NETStandard,Version=v2.0")]
        [InlineData("net472", ".NETFramework", "4.7.2", null, ".NETFramework,Version=v4.7.2")]
        [InlineData("net48", ".NETFramework", "4.8", null, ".NETFramework,Version=v4.8")]
        [InlineData("net8.0-windows10.0.19041.0", ".NETCoreApp", "8.0", "windows", ".NETCoreApp,Version=v8.0")]
        [InlineData(".NETCoreApp,Version=v8.0", ".NETCoreApp", "8.0", null, ".NETCoreApp,Version=v8.0")]
        public void Parses_the_monikers_projects_use(string text, string identifier, string version, string? platform, string frameworkName)
        {
            var moniker = TargetFrameworkMoniker.TryParse(text);

            Assert.NotNull(moniker);
            Assert.Equal(identifier, moniker.Identifier);
            Assert.Equal(System.Version.Parse(version), moniker.Version);
            Assert.Equal(platform, moniker.Platform);
            Assert.Equal(frameworkName, moniker.FrameworkName);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("uap10.0")]
        [InlineData("net4.8")]
        [InlineData("net")]
        [InlineData("$(TargetFramework)")]
        [InlineData("net8.0-")]
        public void Rejects_what_it_does_not_know(string? text)
        {
            Assert.Null(TargetFrameworkMoniker.TryParse(text));
        }

        [Fact]
        public void Older_framework_names_map_back_to_monikers()
        {
            Assert.Equal("net8.0", TargetFrameworkMoniker.TryParse(".NETCoreApp,Version=v8.0")!.Moniker);
            Assert.Equal("netstandard2.1", TargetFrameworkMoniker.TryParse(".NETStandard,Version=v2.1")!.Moniker);
            Assert.Equal("net472", TargetFrameworkMoniker.TryParse(".NETFramework,Version=v4.7.2")!.Moniker);
        }

        [Fact]
        public void Net8_symbols_stop_at_net8()
        {
            var symbols = TargetFrameworkMoniker.TryParse("net8.0")!.ImplicitPreprocessorSymbols();

            Assert.Contains("NET8_0_OR_GREATER", symbols);
            Assert.Contains("NET5_0_OR_GREATER", symbols);
            Assert.Contains("NETCOREAPP1_0_OR_GREATER", symbols);
            Assert.DoesNotContain("NET9_0_OR_GREATER", symbols);
            Assert.DoesNotContain("NET4_0_OR_GREATER", symbols);
        }
    }
}
