using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    public class DeploymentConfigRecognitionTests
    {
        [Theory]
        [InlineData("/repo/serverless.yml", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/template.yaml", ConfigFormat.CloudFormation)]
        [InlineData("C:\\repo\\Template.YML", ConfigFormat.CloudFormation)]
        [InlineData("/repo/src/Api/serverless.template", ConfigFormat.CloudFormation)]
        [InlineData("/repo/cdk.out/OrdersStack.template.json", ConfigFormat.CloudFormation)]
        [InlineData("/repo/src/Api/aws-lambda-tools-defaults.json", ConfigFormat.LambdaToolsDefaults)]
        [InlineData("/repo/infra/stack.yaml", ConfigFormat.Unknown)]
        [InlineData("/repo/appsettings.json", ConfigFormat.Unknown)]
        public void Recognizes_configs_by_name(string path, ConfigFormat expected)
        {
            Assert.Equal(expected, DeploymentConfigReader.Recognize(path));
        }

        [Theory]
        [InlineData("/repo/infra/stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", ConfigFormat.CloudFormation)]
        [InlineData("/repo/infra/stack.yml", "# SAM app\n---\nTransform:\n  - AWS::Serverless-2016-10-31\nResources: {}\n", ConfigFormat.CloudFormation)]
        [InlineData("/repo/infra/stack.yaml", "Transform: AWS::LanguageExtensions\nDescription: x\n", ConfigFormat.Unknown)]
        [InlineData("/repo/infra/stack.json", "{ \"Description\": \"x\", \"AWSTemplateFormatVersion\": \"2010-09-09\" }", ConfigFormat.CloudFormation)]
        [InlineData("/repo/cdk.out/stack.json", "{\"Resources\":{\"Fn\":{\"Type\":\"AWS::Lambda::Function\"}}}", ConfigFormat.CloudFormation)]
        [InlineData("/repo/app.template", "\"AWSTemplateFormatVersion\": \"2010-09-09\"\n", ConfigFormat.CloudFormation)]
        [InlineData("/repo/k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: AWSTemplateFormatVersion\n", ConfigFormat.Unknown)]
        [InlineData("/repo/appsettings.json", "{ \"Logging\": { \"AWSTemplateFormatVersion\": 1 } }", ConfigFormat.Unknown)]
        [InlineData("/repo/serverless.yml", "service: orders\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q: { Type: AWS::SQS::Queue }\n", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/serverless.yaml", "---\nAWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n", ConfigFormat.CloudFormation)]
        [InlineData("/repo/Program.cs", "AWSTemplateFormatVersion: x", ConfigFormat.Unknown)]
        public void Recognizes_templates_by_content_where_the_name_does_not_settle_it(string path, string text, ConfigFormat expected)
        {
            Assert.Equal(expected, DeploymentConfigReader.Recognize(path, text));
        }

        [Theory]
        [InlineData("/repo/serverless.prod.yml", "service: orders\nframeworkVersion: '3'\nprovider:\n  name: aws\n  runtime: dotnet8\nfunctions: {}\n", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/deploy/api.yaml", "# deployed with: serverless deploy --config deploy/api.yaml\nservice:\n  name: orders\nprovider: { name: aws }\n", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/sls/api.json", "{ \"service\": \"orders\", \"provider\": { \"name\": \"aws\", \"runtime\": \"dotnet8\" } }", ConfigFormat.ServerlessFramework)]
        [InlineData("/repo/serverless.env.yml", "dev:\n  TABLE: orders-dev\nprod:\n  TABLE: orders\n", ConfigFormat.Unknown)]
        [InlineData("/repo/serverless.azure.yml", "service: orders\nprovider:\n  name: azure\n  region: West US 2\n", ConfigFormat.Unknown)]
        [InlineData("/repo/docker-compose.override.yml", "services:\n  api:\n    image: orders\n", ConfigFormat.Unknown)]
        [InlineData("/repo/k8s/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: orders\nspec:\n  selector: { app: orders }\n", ConfigFormat.Unknown)]
        [InlineData("/repo/notes.txt", "service: orders\nprovider:\n  name: aws\n", ConfigFormat.Unknown)]
        public void Recognizes_a_serverless_service_under_another_name_by_content(string path, string text, ConfigFormat expected)
        {
            Assert.Equal(expected, DeploymentConfigReader.Recognize(path, text));
        }

        [Fact]
        public void Reads_a_service_named_for_a_stage_like_serverless_yml()
        {
            var result = DeploymentConfigReader.Read("/repo/serverless.prod.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: dotnet8
                  memorySize: 512
                functions:
                  api:
                    handler: Orders::Orders.Function::Handle
                """, ConfigReadContext.Default);

            Assert.Equal(ConfigFormat.ServerlessFramework, result.Format);
            var unit = Assert.Single(result.Units);
            Assert.Equal(("api", 512), (unit.Name, unit.MemoryMb.Value));
        }

        [Fact]
        public void Content_sniffing_looks_only_at_the_first_kilobytes()
        {
            var late = "Description: x\nMetadata:\n" + new string('#', 20_000) + "\nAWSTemplateFormatVersion: '2010-09-09'\n";

            Assert.Equal(ConfigFormat.Unknown, DeploymentConfigReader.Recognize("/repo/stack.yaml", late));
        }

        [Fact]
        public void Read_dispatches_by_content_a_serverless_yml_that_is_a_template()
        {
            var result = DeploymentConfigReader.Read("/repo/serverless.yml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: App, CodeUri: . }
                """, ConfigReadContext.Default);

            Assert.Equal(ConfigFormat.CloudFormation, result.Format);
            Assert.Equal("Fn", Assert.Single(result.Units).Name);
        }

        [Fact]
        public void Other_files_are_a_note_not_an_error()
        {
            var result = DeploymentConfigReader.Read("/repo/appsettings.json", "{ \"Logging\": {} }", ConfigReadContext.Default);

            Assert.Equal(ConfigFormat.Unknown, result.Format);
            Assert.Equal(ProblemLevel.Note, Assert.Single(result.Problems).Level);
        }
    }
}
