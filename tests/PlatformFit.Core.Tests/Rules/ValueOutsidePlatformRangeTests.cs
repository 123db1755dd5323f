using System.Linq;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF3101")]
    public class ValueOutsidePlatformRangeTests
    {
        private static ConfigFinding[] Check(string yaml, string? name = null) =>
            ValueOutsidePlatformRange.Check(ConfigUnits.Read(yaml, name), PlatformProfiles.AwsLambda).ToArray();

        [Fact]
        public void Reports_memory_above_the_maximum_on_its_line_with_the_range_from_the_profile()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  report:
                    handler: Reports::Reports.Function::Handle
                    memorySize: 16384
                """;
            var finding = Assert.Single(Check(yaml));

            Assert.Equal("PF3101", finding.Rule.Id);
            Assert.Equal("16384", finding.Primary.Text(yaml));
            Assert.Equal((7, 17), (finding.Primary.StartLine, finding.Primary.StartColumn));
            Assert.Empty(finding.Related);
            Assert.Equal("The memory of function 'report' is 16,384 MB, outside the 128–10,240 MB that AWS Lambda accepts: the deployment is rejected", finding.Message);
        }

        [Theory]
        [InlineData("memorySize: 64", "The memory of function 'fn' is 64 MB, outside the 128–10,240 MB")]
        [InlineData("timeout: 0", "The timeout of function 'fn' is 0 s, outside the 1–900 s")]
        [InlineData("timeout: 901", "The timeout of function 'fn' is 901 s, outside the 1–900 s")]
        [InlineData("ephemeralStorageSize: 256", "The ephemeral storage of function 'fn' is 256 MB, outside the 512–10,240 MB")]
        [InlineData("ephemeralStorageSize: 10241", "The ephemeral storage of function 'fn' is 10,241 MB, outside the 512–10,240 MB")]
        public void Reports_every_setting_below_or_above_its_range(string setting, string expected)
        {
            var finding = Assert.Single(Check($"""
                provider:
                  name: aws
                functions:
                  fn:
                    handler: Fn::Fn.Function::Run
                    {setting}
                """));
            Assert.StartsWith(expected, finding.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("memorySize: 128")]
        [InlineData("memorySize: 10240")]
        [InlineData("timeout: 1")]
        [InlineData("timeout: 900")]
        [InlineData("ephemeralStorageSize: 512")]
        [InlineData("ephemeralStorageSize: 10240")]
        public void Values_at_the_exact_limits_are_silent(string setting)
        {
            Assert.Empty(Check($"""
                provider:
                  name: aws
                functions:
                  fn:
                    handler: Fn::Fn.Function::Run
                    {setting}
                """));
        }

        [Fact]
        public void Values_that_cannot_be_evaluated_and_tool_defaults_are_silent()
        {
            Assert.Empty(Check("""
                provider:
                  name: aws
                  memorySize: ${ssm:/orders/memory}
                functions:
                  fn:
                    handler: Fn::Fn.Function::Run
                    timeout: ${param:timeout}
                """));
        }

        [Fact]
        public void A_shared_value_gives_every_inheriting_function_the_same_finding_so_hosts_report_it_once()
        {
            const string yaml = """
                provider:
                  name: aws
                  timeout: 1200
                functions:
                  a:
                    handler: Fn::Fn.A::Run
                  b:
                    handler: Fn::Fn.B::Run
                """;
            var findings = ConfigUnits.ReadAll(yaml).SelectMany(u => ValueOutsidePlatformRange.Check(u, PlatformProfiles.AwsLambda)).ToList();

            Assert.Equal(2, findings.Count);
            Assert.Single(findings.Select(f => (f.Primary, f.Message)).Distinct());
            Assert.Equal("1200", findings[0].Primary.Text(yaml));
            Assert.StartsWith("The shared timeout that functions inherit is 1,200 s", findings[0].Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void The_range_is_the_profile_s_not_a_number_in_the_code()
        {
            var profile = PlatformProfiles.Parse("strict.yaml", """
                id: aws-lambda
                name: Our Lambda
                sources: { ORG: { url: https://example.com/limits } }
                limits:
                  memory-mb: { min: 128, max: 2048, source: ORG }
                """);
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                functions:
                  fn:
                    handler: Fn::Fn.Function::Run
                    memorySize: 4096
                    timeout: 2000
                """);

            var finding = Assert.Single(ValueOutsidePlatformRange.Check(unit, profile));
            Assert.Equal("The memory of function 'fn' is 4,096 MB, outside the 128–2,048 MB that Our Lambda accepts: the deployment is rejected", finding.Message);
        }
    }
}
