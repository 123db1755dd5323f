using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Projects;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// An AWS CDK app in C# deploys the functions: the scan reads them from the app's code (or from <c>cdk.out</c> when
    /// the app has been synthesized), ties each to the project it runs, and the rules judge them like any other unit.
    /// </summary>
    [Trait("Rule", "PF3001")]
    public class CdkFixtureTests
    {
        private const string Fixture = "cdk-orders-app";

        [Fact]
        public async Task The_CDK_timeout_runtime_and_asset_paths_reach_the_rules_and_the_CDK_app_itself_is_not_a_function()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath(Fixture));

            Assert.Equal(new[] { "PF3001", "PF4001", "PF4003" }, result.Findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
            var wait = result.Findings.Single(f => f.RuleId == "PF3001");
            Assert.Equal("src/Orders.Api/Function.cs", wait.Primary.Path);
            Assert.Equal("OrdersApi", wait.Unit);
            Assert.Equal("src/Infra/OrdersStack.cs", Assert.Single(wait.Related).Location.Path);
            Assert.Contains("10 s", wait.Message, StringComparison.Ordinal);
            Assert.All(result.Findings.Where(f => f.RuleId != "PF3001"), finding =>
            {
                Assert.Equal("src/Infra/OrdersStack.cs", finding.Primary.Path);
                Assert.Equal("ReportExport", finding.Unit);
            });
            Assert.DoesNotContain(result.Findings, f => f.Primary.Path.StartsWith("src/Orders.Thumbnails/", StringComparison.Ordinal) || f.Unit == "Thumbnails");
            Assert.Empty(result.Notifications);
            Assert.True(result.ExecutionSuccessful);
        }

        [Fact]
        public async Task A_synthesized_cdk_out_is_read_instead_of_the_CSharp_and_its_asset_copies_are_not_projects()
        {
            using var repository = new ScratchRepository();
            IdeParityTests.CopyDirectory(FixtureScan.FixturePath(Fixture), repository.Root);

            // After `cdk synth`: the template says dotnet10 for the export (the stack was changed and synthesized), and the
            // asset folder holds a copy of the export project's published output and sources.
            repository.Write("cdk.out/OrdersStack.template.json", """
                {
                  "Resources": {
                    "OrdersApi5D1A0F3E": {
                      "Type": "AWS::Lambda::Function",
                      "Properties": {
                        "Code": { "S3Bucket": { "Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}" }, "S3Key": "41b7d2.zip" },
                        "Handler": "Orders.Api::Orders.Api.Function::HandleAsync",
                        "MemorySize": 512,
                        "Runtime": "dotnet10",
                        "Architectures": [ "arm64" ],
                        "Timeout": 10
                      },
                      "Metadata": { "aws:cdk:path": "OrdersStack/OrdersApi/Resource", "aws:asset:path": "asset.41b7d2", "aws:asset:property": "Code" }
                    },
                    "ReportExport3F2B9A1C": {
                      "Type": "AWS::Lambda::Function",
                      "Properties": {
                        "Code": { "S3Bucket": { "Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}" }, "S3Key": "9c1e0a.zip" },
                        "Handler": "Orders.Reports::Orders.Reports.ExportFunction::Handle",
                        "MemorySize": 1024,
                        "Runtime": "dotnet10",
                        "Timeout": 300
                      },
                      "Metadata": { "aws:cdk:path": "OrdersStack/ReportExport/Resource", "aws:asset:path": "asset.9c1e0a", "aws:asset:property": "Code" }
                    }
                  }
                }
                """);
            repository.Write("cdk.out/asset.9c1e0a/Orders.Reports.csproj", File.ReadAllText(FixtureScan.FixturePath(Fixture) + "/src/Orders.Reports/Orders.Reports.csproj"));
            repository.Write("cdk.out/asset.9c1e0a/aws-lambda-tools-defaults.json", """{ "function-runtime": "dotnet8", "function-handler": "Orders.Reports::Orders.Reports.ExportFunction::Handle" }""");
            repository.Write("cdk.out/manifest.json", """{ "version": "36.0.0", "artifacts": {} }""");

            var result = await FixtureScan.ScanAsync(repository.Root);

            // The template's functions deploy: the API's wait is judged against the template's timeout, and nothing comes
            // from the C#'s dotnet8 or from the asset copy's tools defaults.
            var wait = Assert.Single(result.Findings);
            Assert.Equal("PF3001", wait.RuleId);
            Assert.Equal("OrdersApi5D1A0F3E", wait.Unit);
            Assert.Equal("cdk.out/OrdersStack.template.json", Assert.Single(wait.Related).Location.Path);
            Assert.Empty(result.Notifications);
        }

        [Fact]
        [Trait("Rule", "PF4005")]
        public async Task A_handler_that_names_no_project_while_its_asset_is_in_one_is_PF4005_with_that_project_suggested()
        {
            using var repository = new ScratchRepository();
            IdeParityTests.CopyDirectory(FixtureScan.FixturePath(Fixture), repository.Root);
            var stack = repository.PathOf("src/Infra/OrdersStack.cs");
            File.WriteAllText(stack, File.ReadAllText(stack).Replace("\"Orders.Api::Orders.Api.Function::HandleAsync\"", "\"Order.Api::Orders.Api.Function::HandleAsync\"", StringComparison.Ordinal));

            var result = await FixtureScan.ScanAsync(repository.Root);

            // The handler decides which project a zip function runs; one that names no project is reported on the
            // handler, with the assembly of the project that holds the asset among the suggestions.
            var handler = Assert.Single(result.Findings, f => f.RuleId == "PF4005");
            Assert.Equal("src/Infra/OrdersStack.cs", handler.Primary.Path);
            Assert.Equal(17, handler.Primary.StartLine);
            Assert.Contains("Orders.Api::Orders.Api.Function::HandleAsync", handler.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "PF3001");
        }

        [Fact]
        public async Task CDK_app_code_that_does_not_parse_is_a_notification_with_its_file_and_line()
        {
            using var repository = new ScratchRepository();
            IdeParityTests.CopyDirectory(FixtureScan.FixturePath(Fixture), repository.Root);
            var stack = repository.PathOf("src/Infra/OrdersStack.cs");
            File.WriteAllText(stack, File.ReadAllText(stack).Replace("MemorySize = 1024,", "MemorySize = ,", StringComparison.Ordinal));

            var result = await FixtureScan.ScanAsync(repository.Root);

            var notification = Assert.Single(result.Notifications);
            Assert.Equal(ScanEngine.UnreadableConfigId, notification.Id);
            Assert.Equal("src/Infra/OrdersStack.cs", notification.Location!.Path);
            Assert.Equal(38, notification.Location.StartLine);
            Assert.Contains("does not parse", notification.Message, StringComparison.Ordinal);

            // The rest of the app is still read.
            Assert.Contains(result.Findings, f => f.RuleId == "PF3001");
        }
    }
}
