using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Config.LambdaTools;
using PlatformFit.Core.Model;
using static PlatformFit.Core.Tests.Config.ConfigSpanAssert;

namespace PlatformFit.Core.Tests.Config
{
    public class LambdaToolsDefaultsReaderTests
    {
        private const string Path = "/repo/src/Orders/aws-lambda-tools-defaults.json";

        private static ConfigReadResult Read(string json) => DeploymentConfigReader.Read(Path, json, ConfigReadContext.Default);

        [Fact]
        public void A_deploy_function_file_is_one_unit_with_every_value_located()
        {
            const string json = """
                {
                  "Information": [ "This file provides default values for the deployment wizard inside Visual Studio." ],
                  "profile": "default",
                  "region": "eu-west-1",
                  "configuration": "Release",
                  "function-name": "orders-api",
                  "function-handler": "Orders::Orders.Function::FunctionHandler",
                  "function-runtime": "dotnet8",
                  "function-memory-size": 512,
                  "function-timeout": "30",
                  "function-architecture": "arm64",
                  "ephemerals-storage-size": 1024,
                  "function-url-enable": true
                }
                """;
            var result = Read(json);

            Assert.Equal(ConfigFormat.LambdaToolsDefaults, result.Format);
            Assert.Empty(result.Problems);
            Assert.Null(result.DeployedTemplate);
            var unit = Assert.Single(result.Units);
            Assert.Equal("orders-api", unit.Name);
            Assert.Equal("aws-lambda", unit.Platform);
            Covers(json, unit.Declaration, "\"orders-api\"");

            Assert.Equal("Orders::Orders.Function::FunctionHandler", unit.Handler.Value);
            Covers(json, unit.Handler.Span, "\"Orders::Orders.Function::FunctionHandler\"");
            Assert.Equal("dotnet8", unit.Runtime.Value);
            Assert.Equal(512, unit.MemoryMb.Value);
            Assert.Equal((9, 27), (unit.MemoryMb.Span!.StartLine, unit.MemoryMb.Span.StartColumn));
            Covers(json, unit.MemoryMb.Span, "512");

            // A number written as a string, as the wizard sometimes writes it.
            Assert.Equal(30, unit.TimeoutSeconds.Value);
            Covers(json, unit.TimeoutSeconds.Span, "\"30\"");
            Assert.Equal("arm64", unit.Architecture.Value);
            Assert.Equal(1024, unit.EphemeralStorageMb.Value);

            // The project folder the file sits in is what deploy-function builds.
            Assert.Equal(".", unit.Artifact.Value);
            Assert.Equal(ValueOrigin.ToolDefault, unit.Artifact.Origin);
            Assert.Equal("/repo/src/Orders", ConfigPaths.Resolve(unit.ConfigPath, unit.Artifact.Value));

            var url = Assert.Single(unit.FrontDoors);
            Assert.Equal(FrontDoorKind.FunctionUrl, url.Kind);
            Covers(json, url.Span, "\"function-url-enable\"");
        }

        [Fact]
        public void Without_function_name_the_unit_is_named_by_its_folder_and_absent_keys_stay_absent()
        {
            var unit = Assert.Single(Read("""
                {
                  "region": "us-east-2",
                  "function-handler": "Orders::Orders.Function::FunctionHandler"
                }
                """).Units);

            Assert.Equal("Orders", unit.Name);
            Assert.Equal(3, unit.Declaration.StartLine);

            // deploy-function asks for memory and timeout (or fails) when they are missing: there is no tool default.
            Assert.Equal(ValueState.Absent, unit.MemoryMb.State);
            Assert.Equal(ValueState.Absent, unit.TimeoutSeconds.State);
            Assert.Equal(ValueState.Absent, unit.Runtime.State);
            Assert.Empty(unit.FrontDoors);
        }

        [Fact]
        public void An_image_function_takes_its_handler_from_the_image_command()
        {
            var unit = Assert.Single(Read("""
                {
                  "package-type": "image",
                  "function-memory-size": 512,
                  "function-timeout": 30,
                  "image-command": "Orders::Orders.Function::FunctionHandler",
                  "docker-host-build-output-dir": "./bin/Release/lambda-publish"
                }
                """).Units);

            Assert.Equal("Orders::Orders.Function::FunctionHandler", unit.Handler.Value);
            Assert.Equal(5, unit.Handler.Span!.StartLine);
            Assert.True(unit.IsImage);
        }

        [Fact]
        public void A_deploy_serverless_file_names_its_template_and_parameters_and_declares_no_unit()
        {
            const string json = """
                {
                  "profile": "default",
                  "region": "eu-west-1",
                  "s3-prefix": "Orders/",
                  "template": "serverless.template",
                  "template-parameters": "Stage=prod;Memory=\"1024\";Quoted=\"a=b;c\";Empty=",
                  "function-memory-size": 256
                }
                """;
            var result = Read(json);

            Assert.Empty(result.Units);
            var deployment = result.DeployedTemplate;
            Assert.NotNull(deployment);
            Assert.Equal("serverless.template", deployment!.Template.Value);
            Covers(json, deployment.Template.Span, "\"serverless.template\"");
            Assert.Equal("/repo/src/Orders/serverless.template", deployment.TemplatePath);
            Assert.Equal("prod", deployment.Parameters["Stage"]);
            Assert.Equal("1024", deployment.Parameters["Memory"]);
            Assert.Equal("a=b;c", deployment.Parameters["Quoted"]);
            Assert.Equal(string.Empty, deployment.Parameters["Empty"]);
            Assert.Equal(6, deployment.ParametersSpan!.StartLine);

            var note = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Note, note.Level);
            Assert.Equal(7, note.Line);
            Assert.Contains("'function-memory-size' is not used by deploy-serverless", note.Message);
        }

        [Fact]
        public void The_template_parameters_reach_the_template_through_the_context()
        {
            var tools = Read("""
                { "template": "serverless.template", "template-parameters": "Memory=3008" }
                """);
            var context = ConfigReadContext.Default.WithTemplateParameters(tools.DeployedTemplate!.Parameters);
            var template = DeploymentConfigReader.Read(tools.DeployedTemplate.TemplatePath, """
                Parameters:
                  Memory: { Type: Number, Default: 512 }
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: Orders, CodeUri: ., MemorySize: !Ref Memory }
                """, context);

            Assert.Equal(3008, Assert.Single(template.Units).MemoryMb.Value);
        }

        [Theory]
        [InlineData("", 0)]
        [InlineData("A=1", 1)]
        [InlineData("A=1;B=2;", 2)]
        [InlineData("\"A;B\"=\"x=y\";C=3", 2)]
        public void Parses_template_parameters_as_the_tools_do(string text, int count)
        {
            var pairs = LambdaToolsDefaultsReader.ParseKeyValuePairs(text);

            Assert.NotNull(pairs);
            Assert.Equal(count, pairs!.Count);
            if (text.StartsWith('"'))
            {
                Assert.Equal("x=y", pairs["A;B"]);
            }
        }

        [Fact]
        public void Template_parameters_with_an_empty_key_are_refused_with_a_warning()
        {
            var result = Read("""
                { "template": "serverless.template", "template-parameters": "=oops" }
                """);

            Assert.Null(LambdaToolsDefaultsReader.ParseKeyValuePairs("=oops"));
            Assert.Empty(result.DeployedTemplate!.Parameters);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Warning && p.Message.Contains("template-parameters"));
        }

        [Fact]
        public void Comments_and_a_byte_order_mark_are_accepted_as_the_tools_accept_them()
        {
            var json = "\uFEFF{\n  // written by hand\n  \"function-handler\": \"App\", /* exe */\n  \"function-timeout\": 12\n}\n";
            var result = Read(json);

            Assert.Empty(result.Problems);
            var unit = Assert.Single(result.Units);
            Assert.Equal(12, unit.TimeoutSeconds.Value);
            Covers(json, unit.TimeoutSeconds.Span, "12");
            Assert.Equal((4, 23), (unit.TimeoutSeconds.Span!.StartLine, unit.TimeoutSeconds.Span.StartColumn));
        }

        [Fact]
        public void A_misspelt_ephemeral_storage_key_is_called_out_because_the_tools_ignore_it()
        {
            var result = Read("""
                { "function-handler": "App", "ephemeral-storage-size": 2048 }
                """);

            Assert.Equal(ValueState.Absent, Assert.Single(result.Units).EphemeralStorageMb.State);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Warning && p.Message.Contains("ephemerals-storage-size"));
        }

        [Fact]
        public void A_number_that_is_not_one_is_unknown_with_a_warning()
        {
            var result = Read("""
                { "function-handler": "App", "function-memory-size": "lots" }
                """);

            Assert.Equal(ValueState.Unknown, Assert.Single(result.Units).MemoryMb.State);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Warning && p.Line == 1 && p.Message.Contains("whole number"));
        }

        [Fact]
        public void A_file_that_names_no_function_declares_no_unit()
        {
            var result = Read("""{ "profile": "default", "region": "eu-west-1" }""");

            Assert.Empty(result.Units);
            Assert.Null(result.DeployedTemplate);
            Assert.Equal(ProblemLevel.Note, Assert.Single(result.Problems).Level);
        }

        [Theory]
        [InlineData("[1, 2]")]
        [InlineData("{ \"function-handler\": ")]
        [InlineData("not json at all: [")]
        public void Bad_input_is_an_error_not_an_exception(string json)
        {
            var result = Read(json);

            Assert.Empty(result.Units);
            Assert.Contains(result.Problems, p => p.Level == ProblemLevel.Error);
            Assert.DoesNotContain(result.Problems, p => p.Message.Contains("please report it"));
        }
    }
}
