using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFit.Cli.Projects;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Projects;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// Lambda Annotations end to end, in repositories that were not restored (the package's attributes do not resolve):
    /// with a committed template that drifted on one function, and without a template, where the attributes are the
    /// deployment and the config rules judge them.
    /// </summary>
    [Trait("Rule", "PF4006")]
    public class LambdaAnnotationsFixtureTests
    {
        private const string LibraryProject = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """;

        [Fact]
        public async Task The_function_whose_template_drifted_is_reported_on_its_attribute_and_the_others_are_silent()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("annotations-template-drift"));

            Assert.True(result.ExecutionSuccessful);
            var finding = Assert.Single(result.Findings);
            Assert.Equal(("PF4006", FindingLevel.Warning, "CatalogFunctionsGetProductGenerated"), (finding.RuleId, finding.Level, finding.Unit));
            Assert.Equal(new SourceLocation("src/Catalog/Functions.cs", 20, 34, 20, 38), finding.Primary);
            var related = Assert.Single(finding.Related);
            Assert.Equal(new SourceLocation("src/Catalog/serverless.template", 17, 23, 17, 26), related.Location);
            Assert.Contains("is 1,024 MB at src/Catalog/Functions.cs(20,34), but the generated template has 512 MB at src/Catalog/serverless.template(17,23)", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        [Trait("Rule", "PF3101")]
        [Trait("Rule", "PF3102")]
        [Trait("Rule", "PF4001")]
        [Trait("Rule", "PF4003")]
        public async Task Without_a_template_the_attributes_are_the_deployment_and_the_config_rules_report_on_them()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("annotations-without-template"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(
                new[]
                {
                    "PF4001 src/Orders/Functions.cs(8,66)",
                    "PF4003 src/Orders/Functions.cs(8,66)",
                    "PF3102 src/Orders/Functions.cs(19,6) OrdersFunctionsGetOrderGenerated",
                    "PF3101 src/Orders/Functions.cs(36,34) OrdersFunctionsExportOrdersGenerated",
                },
                result.Findings.Select(f => f.RuleId is "PF4001" or "PF4003" ? $"{f.RuleId} {f.Primary}" : $"{f.RuleId} {f.Primary} {f.Unit}"));

            // The HTTP API function with a 20 s timeout: within the 30 s the HTTP API waits.
            Assert.DoesNotContain(result.Findings, f => f.Unit == "OrdersFunctionsCreateOrderGenerated" && f.RuleId == "PF3102");
        }

        [Fact]
        public async Task A_project_that_only_carries_the_attributes_is_analysed_and_one_that_does_not_is_not()
        {
            using var scratch = new ScratchRepository();
            scratch.Write("src/Jobs/Jobs.csproj", LibraryProject);
            scratch.Write("src/Jobs/Cleanup.cs", """
                namespace Jobs;

                public sealed class Cleanup
                {
                    [Amazon.Lambda.Annotations.LambdaFunction(MemorySize = 20480)]
                    public void Run() { }
                }
                """);
            scratch.Write("src/Tools/Tools.csproj", LibraryProject);
            scratch.Write("src/Tools/Names.cs", """
                namespace Tools;

                public static class Names
                {
                    public const string LambdaFunctionName = "cleanup";
                }
                """);

            using var log = new StringWriter();
            var result = await ScanEngine.ScanAsync(new ScanRequest(scratch.Root), log, CancellationToken.None);

            var finding = Assert.Single(result.Findings);
            Assert.Equal(("PF3101", "src/Jobs/Cleanup.cs", "JobsCleanupRunGenerated"), (finding.RuleId, finding.Primary.Path, finding.Unit));
            Assert.Contains("src/Jobs/Jobs.csproj: no deployment config runs it, but it uses Lambda Annotations", log.ToString(), StringComparison.Ordinal);
            Assert.Contains("src/Tools/Tools.csproj: no deployment config runs it; not analysed", log.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_package_reference_alone_marks_a_project_that_uses_Lambda_Annotations()
        {
            using var scratch = new ScratchRepository();
            var path = scratch.Write("src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="amazon.lambda.annotations" Version="1.7.0" />
                  </ItemGroup>
                </Project>
                """);

            Assert.True(LambdaAnnotationsUse.IsLikely(CsprojReader.Read(path, scratch.Root), scratch.Root));
        }
    }
}
