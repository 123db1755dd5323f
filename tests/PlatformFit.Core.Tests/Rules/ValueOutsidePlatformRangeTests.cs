using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
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
        [Fact]
        public void Memory_above_the_standard_quota_is_silent_on_managed_instances_but_the_timeout_is_still_checked()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  ingest:
                    handler: Ingest::Ingest.Function::Handle
                    capacityProvider: ingest-fleet
                    memorySize: 32768
                    timeout: 1200
                  report:
                    handler: Reports::Reports.Function::Handle
                    memorySize: 32768
                """;
            var units = ConfigUnits.ReadAll(yaml);
            var ingest = units.Single(u => u.Name == "ingest");
            Assert.True(ingest.ManagedInstances.IsKnown);
            Assert.Equal((7, 5), (ingest.ManagedInstances.Span!.StartLine, ingest.ManagedInstances.Span.StartColumn));

            var onManaged = Assert.Single(ValueOutsidePlatformRange.Check(ingest, PlatformProfiles.AwsLambda));
            Assert.StartsWith("The timeout of function 'ingest' is 1,200 s", onManaged.Message, System.StringComparison.Ordinal);

            var standard = Assert.Single(ValueOutsidePlatformRange.Check(units.Single(u => u.Name == "report"), PlatformProfiles.AwsLambda));
            Assert.StartsWith("The memory of function 'report' is 32,768 MB", standard.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("capacityProvider: ${ssm:/fleet/name}", ValueState.Unknown)]
        [InlineData("capacityProvider: null", ValueState.Absent)]
        [InlineData("capacityProvider: false", ValueState.Absent)]
        public void A_capacity_provider_that_may_be_there_keeps_the_memory_silent_and_one_turned_off_does_not(string setting, ValueState state)
        {
            var unit = ConfigUnits.Read($"""
                provider:
                  name: aws
                functions:
                  fn:
                    handler: Fn::Fn.Function::Run
                    memorySize: 20480
                    {setting}
                """);

            Assert.Equal(state, unit.ManagedInstances.State);
            Assert.Equal(state == ValueState.Absent ? 1 : 0, ValueOutsidePlatformRange.Check(unit, PlatformProfiles.AwsLambda).Count());
        }

        [Fact]
        public void Sam_capacity_provider_config_from_globals_or_a_condition_marks_managed_instances()
        {
            const string template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Fleet:
                    Type: String
                    Default: on-demand
                Conditions:
                  UseFleet: !Equals [!Ref Fleet, managed]
                Globals:
                  Function:
                    Runtime: dotnet10
                    CapacityProviderConfig:
                      LambdaManagedInstancesCapacityProviderConfig:
                        CapacityProviderArn: !GetAtt IngestFleet.Arn
                Resources:
                  IngestFleet:
                    Type: AWS::Serverless::CapacityProvider
                    Properties:
                      CapacityProviderName: ingest
                  Ingest:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Ingest::Ingest.Function::Handle
                      CodeUri: src/Ingest/
                      MemorySize: 32768
                  Legacy:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: Legacy::Legacy.Function::Handle
                      Runtime: dotnet10
                      Role: arn:aws:iam::123456789012:role/legacy
                      Code: { S3Bucket: artifacts, S3Key: legacy.zip }
                      MemorySize: 32768
                      CapacityProviderConfig: !If
                        - UseFleet
                        - LambdaManagedInstancesCapacityProviderConfig:
                            CapacityProviderArn: arn:aws:lambda:us-east-1:123456789012:capacity-provider:legacy
                        - !Ref AWS::NoValue
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties:
                      Handler: Plain::Plain.Function::Handle
                      Runtime: dotnet10
                      Role: arn:aws:iam::123456789012:role/plain
                      Code: { S3Bucket: artifacts, S3Key: plain.zip }
                      MemorySize: 32768
                """;
            var result = DeploymentConfigReader.Read(ConfigUnits.TemplatePath, template, ConfigReadContext.Default);
            Assert.DoesNotContain(result.Problems, p => p.Level != ProblemLevel.Note);
            var units = result.Units.ToDictionary(u => u.Name);

            Assert.True(units["Ingest"].ManagedInstances.IsKnown);
            Assert.Equal(12, units["Ingest"].ManagedInstances.Span!.StartLine);
            Assert.NotEqual(ValueState.Absent, units["Legacy"].ManagedInstances.State);
            Assert.Equal(ValueState.Absent, units["Plain"].ManagedInstances.State);

            var findings = result.Units.SelectMany(u => ValueOutsidePlatformRange.Check(u, PlatformProfiles.AwsLambda)).ToList();
            var finding = Assert.Single(findings);
            Assert.Equal("Plain", finding.Unit.Name);
        }
    }
}
