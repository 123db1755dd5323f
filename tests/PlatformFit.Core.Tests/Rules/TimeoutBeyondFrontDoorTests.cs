using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF3102")]
    public class TimeoutBeyondFrontDoorTests
    {
        private static ConfigFinding? Check(DeploymentUnit unit) => TimeoutBeyondFrontDoor.Check(unit, PlatformProfiles.AwsLambda, ConfigUnits.Display);

        private static ConfigFinding? Check(string yaml, string? name = null) => Check(ConfigUnits.Read(yaml, name));

        private static string Function(string timeout, string events) => $"""
            provider:
              name: aws
              runtime: dotnet10
            functions:
              api:
                handler: Orders
                timeout: {timeout}
                events:
                  {events}
            """;

        [Fact]
        public void Reports_a_timeout_beyond_the_HTTP_API_on_the_timeout_line_with_both_numbers_and_the_504()
        {
            const string yaml = """
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  api:
                    handler: Orders
                    timeout: 60
                    events:
                      - httpApi: 'POST /orders'
                """;
            var finding = Check(yaml);

            Assert.NotNull(finding);
            Assert.Equal("PF3102", finding.Rule.Id);
            Assert.Equal("60", finding.Primary.Text(yaml));
            Assert.Equal("httpApi", Assert.Single(finding.Related).Text(yaml));
            Assert.Equal(
                "Function 'api' can run for 60 s (serverless.yml(7,14)), but an API Gateway HTTP API (httpApi) at serverless.yml(9,9) gives up after 30 s: " +
                "the caller gets a 504 while the function keeps running, and billing, for up to 30 s more",
                finding.Message);
        }

        [Theory]
        [InlineData("30", "- http: GET orders", "29")]
        [InlineData("30", "- websocket: $default", "29")]
        [InlineData("31", "- httpApi: '*'", "30")]
        public void Reports_each_front_door_at_its_own_limit(string timeout, string events, string limit)
        {
            var finding = Check(Function(timeout, events));

            Assert.NotNull(finding);
            Assert.Contains($"gives up after {limit} s", finding.Message, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("29", "- http: GET orders")]
        [InlineData("29", "- websocket: $default")]
        [InlineData("30", "- httpApi: '*'")]
        [InlineData("900", "- sqs: arn:aws:sqs:eu-west-1:123456789012:orders")]
        [InlineData("900", "- schedule: rate(1 hour)")]
        [InlineData("900", "- alb:\n          priority: 1")]
        public void A_timeout_at_the_limit_or_behind_a_front_door_without_one_is_silent(string timeout, string events) =>
            Assert.Null(Check(Function(timeout, events)));

        [Fact]
        public void A_function_URL_waits_for_the_function_timeout() =>
            Assert.Null(Check("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                    timeout: 900
                    url: true
                """));

        [Fact]
        public void A_REST_API_that_raises_its_integration_timeout_is_compared_with_that_value()
        {
            Assert.Null(Check(Function("60", "- http:\n          path: reports\n          method: post\n          timeoutInMillis: 60000")));

            const string yaml = """
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                    timeout: 90
                    events:
                      - http:
                          path: reports
                          method: post
                          timeoutInMillis: 60000
                """;
            var finding = Check(yaml);
            Assert.NotNull(finding);
            Assert.Contains("gives up after 60 s", finding.Message, System.StringComparison.Ordinal);
            Assert.Contains("for up to 30 s more", finding.Message, System.StringComparison.Ordinal);
            Assert.Equal(new[] { "http", "60000" }, finding.Related.Select(s => s.Text(yaml)));
        }

        [Fact]
        public void An_HTTP_API_cannot_be_raised_whatever_the_config_asks_for()
        {
            var unit = new DeploymentUnit("Api", "aws-lambda", ConfigUnits.TemplatePath, ConfigUnits.At(3, 3))
            {
                TimeoutSeconds = ConfigValue<int>.Known(45, ConfigUnits.At(6, 16)),
                FrontDoors = new[]
                {
                    new FrontDoor(FrontDoorKind.HttpApi, "HttpApi", ConfigUnits.At(9, 11)) { IntegrationTimeoutMs = ConfigValue<int>.Known(60000, ConfigUnits.At(12, 30)) },
                },
            };

            var finding = Check(unit);
            Assert.NotNull(finding);
            Assert.Contains("gives up after 30 s", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_lower_integration_timeout_is_the_limit()
        {
            var unit = new DeploymentUnit("Api", "aws-lambda", ConfigUnits.TemplatePath, ConfigUnits.At(3, 3))
            {
                TimeoutSeconds = ConfigValue<int>.Known(10, ConfigUnits.At(6, 16)),
                FrontDoors = new[]
                {
                    new FrontDoor(FrontDoorKind.HttpApi, "HttpApi", ConfigUnits.At(9, 11)) { IntegrationTimeoutMs = ConfigValue<int>.Known(5000, ConfigUnits.At(12, 30)) },
                },
            };

            var finding = Check(unit);
            Assert.NotNull(finding);
            Assert.Contains("gives up after 5 s", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Unknown_timeouts_and_integration_timeouts_are_silent()
        {
            Assert.Null(Check(Function("${ssm:/orders/timeout}", "- httpApi: '*'")));

            var unit = new DeploymentUnit("Api", "aws-lambda", ConfigUnits.TemplatePath, ConfigUnits.At(3, 3))
            {
                TimeoutSeconds = ConfigValue<int>.Known(120, ConfigUnits.At(6, 16)),
                FrontDoors = new[]
                {
                    new FrontDoor(FrontDoorKind.RestApi, "Api", ConfigUnits.At(9, 11)) { IntegrationTimeoutMs = ConfigValue<int>.Unknown("!Ref ApiTimeout", ConfigUnits.At(12, 30)) },
                },
            };
            Assert.Null(Check(unit));
        }

        [Fact]
        public void The_tool_default_timeout_is_silent() =>
            Assert.Null(Check("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                    events:
                      - http: GET orders
                """));

        [Fact]
        public void An_inherited_timeout_is_reported_on_the_line_that_sets_it_and_says_so()
        {
            const string yaml = """
                provider:
                  name: aws
                  timeout: 45
                functions:
                  api:
                    handler: Orders
                    events:
                      - httpApi: '*'
                """;
            var finding = Check(yaml);

            Assert.NotNull(finding);
            Assert.Equal((3, 12), (finding.Primary.StartLine, finding.Primary.StartColumn));
            Assert.Contains("can run for 45 s (serverless.yml(3,12), inherited)", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Several_front_doors_give_one_finding_for_the_one_that_gives_up_first()
        {
            const string yaml = """
                provider:
                  name: aws
                functions:
                  api:
                    handler: Orders
                    timeout: 60
                    events:
                      - httpApi: '*'
                      - http: GET orders
                """;
            var finding = Check(yaml);

            Assert.NotNull(finding);
            Assert.Equal("http", Assert.Single(finding.Related).Text(yaml));
            Assert.Contains("gives up after 29 s", finding.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Functions_that_inherit_one_timeout_share_one_finding_on_that_line_naming_them_all()
        {
            const string template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: dotnet10
                    Timeout: 60
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Shop::Shop.Orders::Handle
                      Events:
                        Api: { Type: HttpApi, Properties: { Path: /orders, Method: GET } }
                  Carts:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Shop::Shop.Carts::Handle
                      Events:
                        Api: { Type: Api, Properties: { Path: /carts, Method: GET } }
                  Nightly:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Shop::Shop.Nightly::Handle
                      Events:
                        Tick: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
                  Search:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Shop::Shop.Search::Handle
                      Timeout: 45
                      Events:
                        Api: { Type: HttpApi, Properties: { Path: /search, Method: GET } }
                """;
            var units = DeploymentConfigReader.Read(ConfigUnits.TemplatePath, template, ConfigReadContext.Default).Units;

            var findings = TimeoutBeyondFrontDoor.CheckAll(units, ConfigUnits.Display).ToList();

            Assert.Equal(2, findings.Count);
            var shared = findings.Single(f => f.Primary.StartLine == 6);
            Assert.Equal(
                "Functions 'Orders' and 'Carts' can run for 60 s (template.yaml(6,14), inherited), but an API Gateway REST API (Api) at template.yaml(19,9) " +
                "gives up after 29 s: the caller gets a 504 while the function keeps running, and billing, for up to 31 s more",
                shared.Message);
            Assert.Equal(new[] { 13, 19 }, shared.Related.Select(r => r.StartLine));
            var search = findings.Single(f => f != shared);
            Assert.Equal(30, search.Primary.StartLine);
            Assert.StartsWith("Function 'Search' can run for 45 s (", search.Message, System.StringComparison.Ordinal);
        }
    }
}
