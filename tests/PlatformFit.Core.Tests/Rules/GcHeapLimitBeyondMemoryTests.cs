using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF3002")]
    public class GcHeapLimitBeyondMemoryTests
    {
        private static ConfigFinding? Check(DeploymentUnit unit) => GcHeapLimitBeyondMemory.Check(unit, PlatformProfiles.AwsLambda, ConfigUnits.Display);

        [Fact]
        public void A_provider_heap_limit_above_a_function_s_memory_is_reported_on_the_value_with_both_numbers()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: dotnet10
                  environment:
                    DOTNET_GCHeapHardLimit: 0x80000000
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    memorySize: 1024
                  report:
                    handler: Exports::Exports.Report::Handle
                    memorySize: 3008
                """;
            var units = ConfigUnits.ReadAll(yaml);

            var finding = Check(units.Single(u => u.Name == "export"));
            Assert.NotNull(finding);
            Assert.Equal("PF3002", finding!.Rule.Id);
            Assert.Equal("0x80000000", finding.Primary.Text(yaml));
            Assert.Equal(9, Assert.Single(finding.Related).StartLine);
            Assert.Equal(
                "DOTNET_GCHeapHardLimit lets the GC heap grow to 2,048 MB (serverless.yml(5,29), inherited), more than the memory of function 'export': " +
                "1,024 MB (serverless.yml(9,17)); the environment runs out of memory before the GC collects, so set the limit below the memory size or remove it",
                finding.Message);

            Assert.Null(Check(units.Single(u => u.Name == "report")));
        }

        [Fact]
        public void A_function_s_own_environment_wins_over_the_provider_s()
        {
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                  environment:
                    DOTNET_GCHeapHardLimit: 0x80000000
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    memorySize: 1024
                    environment:
                      COMPlus_GCHeapHardLimit: 0x30000000
                """);

            Assert.Equal(new EnvironmentVariable("COMPlus_GCHeapHardLimit", "0x30000000"), unit.GcHeapHardLimit.Value);
            Assert.Null(Check(unit));
        }

        [Fact]
        public void A_sam_globals_heap_limit_is_compared_with_the_cloudformation_default_memory()
        {
            const string template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: dotnet10
                    Environment:
                      Variables:
                        TABLE: orders
                        DOTNET_GCHeapHardLimit: C800000
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Orders::Orders.Function::Handle
                      CodeUri: src/Orders/
                      Environment:
                        Variables:
                          STAGE: prod
                """;
            var result = DeploymentConfigReader.Read(ConfigUnits.TemplatePath, template, ConfigReadContext.Default);
            var unit = Assert.Single(result.Units);
            Assert.Equal(ValueOrigin.Inherited, unit.GcHeapHardLimit.Origin);

            var finding = Check(unit);
            Assert.NotNull(finding);
            Assert.StartsWith("DOTNET_GCHeapHardLimit lets the GC heap grow to 200 MB (template.yaml(9,33), inherited), more than the memory of function 'Orders': the deploy tool's default of 128 MB", finding!.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("DOTNET_GCHeapHardLimit: ${ssm:/exports/heap-limit}", "memorySize: 1024")]
        [InlineData("DOTNET_GCHeapHardLimit: 2GB", "memorySize: 1024")]
        [InlineData("DOTNET_GCHeapHardLimit: 0x20000000", "memorySize: 1024")]
        [InlineData("DOTNET_GCHeapHardLimit: 0x80000000", "memorySize: ${ssm:/exports/memory}")]
        [InlineData("DOTNET_gcServer: 1", "memorySize: 512")]
        public void Silent_for_unknown_unparsable_or_fitting_values(string variable, string memory)
        {
            var unit = ConfigUnits.Read($"""
                provider:
                  name: aws
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    {memory}
                    environment:
                      {variable}
                """);

            Assert.Null(Check(unit));
        }

        [Fact]
        public void Silent_on_managed_instances_whose_memory_follows_the_capacity_provider()
        {
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    capacityProvider: exports-fleet
                    memorySize: 1024
                    environment:
                      DOTNET_GCHeapHardLimit: 0x80000000
                """);

            Assert.Null(Check(unit));
        }
    }
}
