using System.Linq;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    /// <summary>
    /// The queue's visibility timeout comes from a CloudFormation queue declaration, which the Serverless reader does not
    /// produce: these units are built the way a template reader declares them.
    /// </summary>
    [Trait("Rule", "PF3103")]
    public class QueueVisibilityShorterThanTimeoutTests
    {
        private static DeploymentUnit Consumer(ConfigValue<int> timeout, ConfigValue<int> visibility) =>
            new("ExportFunction", "aws-lambda", ConfigUnits.TemplatePath, ConfigUnits.At(8, 3))
            {
                TimeoutSeconds = timeout,
                FrontDoors = new[]
                {
                    new FrontDoor(FrontDoorKind.Queue, "SQS", ConfigUnits.At(16, 17)) { Route = "exports", QueueVisibilityTimeoutSeconds = visibility },
                },
            };

        private static ConfigFinding[] Check(DeploymentUnit unit) => QueueVisibilityShorterThanTimeout.Check(unit, ConfigUnits.Display).ToArray();

        [Fact]
        public void Reports_a_visibility_timeout_below_the_function_timeout_on_the_queue_setting()
        {
            var unit = Consumer(ConfigValue<int>.Known(120, ConfigUnits.At(12, 16)), ConfigValue<int>.Known(30, ConfigUnits.At(5, 26)));

            var finding = Assert.Single(Check(unit));

            Assert.Equal("PF3103", finding.Rule.Id);
            Assert.Equal(ConfigUnits.At(5, 26), finding.Primary);
            Assert.Equal(new[] { ConfigUnits.At(12, 16), ConfigUnits.At(16, 17) }, finding.Related);
            Assert.Equal(
                "The visibility timeout of queue 'exports' is 30 s (template.yaml(5,26)), shorter than the 120 s function 'ExportFunction' can run (template.yaml(12,16)): " +
                "SQS hands a message that is still being processed to another invocation, so it is processed twice",
                finding.Message);
        }

        [Fact]
        public void The_queue_s_default_visibility_is_reported_on_the_event()
        {
            var unit = Consumer(ConfigValue<int>.Known(60, ConfigUnits.At(12, 16)), ConfigValue<int>.Known(30, null, ValueOrigin.ToolDefault));

            var finding = Assert.Single(Check(unit));

            Assert.Equal(ConfigUnits.At(16, 17), finding.Primary);
            Assert.Equal(new[] { ConfigUnits.At(12, 16) }, finding.Related);
            Assert.Contains("is 30 s (the queue's default)", finding.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(120, 120)]
        [InlineData(120, 720)]
        public void A_visibility_timeout_at_or_above_the_function_timeout_is_silent(int timeout, int visibility) =>
            Assert.Empty(Check(Consumer(ConfigValue<int>.Known(timeout, ConfigUnits.At(12, 16)), ConfigValue<int>.Known(visibility, ConfigUnits.At(5, 26)))));

        [Fact]
        public void Unknown_values_are_silent()
        {
            Assert.Empty(Check(Consumer(ConfigValue<int>.Unknown("!Ref Timeout", ConfigUnits.At(12, 16)), ConfigValue<int>.Known(30, ConfigUnits.At(5, 26)))));
            Assert.Empty(Check(Consumer(ConfigValue<int>.Known(120, ConfigUnits.At(12, 16)), ConfigValue<int>.Unknown("!ImportValue Visibility", ConfigUnits.At(5, 26)))));
        }

        [Fact]
        public void A_Serverless_sqs_event_names_only_the_queue_ARN_so_the_visibility_is_unknown_and_silent()
        {
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    timeout: 600
                    events:
                      - sqs:
                          arn: arn:aws:sqs:eu-west-1:123456789012:exports
                          batchSize: 10
                """);

            Assert.Equal(ValueState.Absent, Assert.Single(unit.FrontDoors).QueueVisibilityTimeoutSeconds.State);
            Assert.Empty(Check(unit));
        }
    }
}
