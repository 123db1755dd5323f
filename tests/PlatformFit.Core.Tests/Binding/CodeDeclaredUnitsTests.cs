using System.Linq;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Binding
{
    /// <summary>How functions declared in code join the units of the project's config files: one unit per function.</summary>
    public class CodeDeclaredUnitsTests
    {
        private const string TemplatePath = "/repo/src/Orders/serverless.template";

        private static readonly ProjectIdentity Orders = new("Orders", "/repo/src/Orders");

        private static CodeDeclaredFunction Function(string resourceName, string type, string method)
        {
            var span = new ConfigSpan("/repo/src/Orders/Functions.cs", 100, 14, 9, 6, 9, 20);
            var unit = new DeploymentUnit(resourceName, "aws-lambda", span.Path, span)
            {
                Tool = ConfigValue<string>.Known(CodeDeclaredUnits.LambdaAnnotationsTool, null),
            };
            return new CodeDeclaredFunction(unit, new HandlerReference("Orders", $"Orders.{type}", method), $"Orders.{type}_{method}_Generated");
        }

        private static System.Collections.Generic.IReadOnlyList<BoundUnit> Bound(string path, string text) =>
            DeploymentBinder.UnitsOf(Orders, new[] { DeploymentConfigReader.Read(path, text, ConfigReadContext.Default) });

        [Fact]
        public void The_generated_resource_deploys_its_function_and_is_paired_with_it()
        {
            var configUnits = Bound(TemplatePath, """
                {
                  "Resources": {
                    "OrdersFunctionsGetGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                      "Properties": { "Runtime": "dotnet10", "CodeUri": ".", "Handler": "Orders::Orders.Functions_Get_Generated::Get" }
                    }
                  }
                }
                """);
            Assert.Equal("Amazon.Lambda.Annotations", Assert.Single(configUnits).Unit.Tool.Value);

            var joined = CodeDeclaredUnits.Join(configUnits, new[] { Function("OrdersFunctionsGetGenerated", "Functions", "Get"), Function("OrdersFunctionsListGenerated", "Functions", "List") });

            var pair = Assert.Single(joined.Generated);
            Assert.Equal(("OrdersFunctionsGetGenerated", "OrdersFunctionsGetGenerated"), (pair.FromCode.Name, pair.Generated.Name));

            // The function the template does not have yet is deployed from its attributes.
            var own = Assert.Single(joined.Units);
            Assert.Equal(("OrdersFunctionsListGenerated", BindingEvidence.DeclaredInCode, "Orders.Functions"), (own.Unit.Name, own.Evidence, own.Handler!.TypeName));
        }

        [Fact]
        public void A_hand_written_resource_of_the_same_name_deploys_the_function_without_a_drift_check()
        {
            var configUnits = Bound(TemplatePath, """
                {
                  "Resources": {
                    "OrdersFunctionsGetGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "SomethingElse" },
                      "Properties": { "Runtime": "dotnet10", "CodeUri": ".", "Handler": "Orders::Orders.Functions_Get_Generated::Get" }
                    }
                  }
                }
                """);

            var joined = CodeDeclaredUnits.Join(configUnits, new[] { Function("OrdersFunctionsGetGenerated", "Functions", "Get") });

            Assert.Empty(joined.Units);
            Assert.Empty(joined.Generated);
        }

        [Theory]
        [InlineData("Orders::Orders.Functions_Get_Generated::Get")]
        [InlineData("Orders::Orders.Functions::Get")]
        public void A_serverless_yml_function_whose_handler_names_the_function_deploys_it(string handler)
        {
            var configUnits = Bound("/repo/serverless.yml", $"""
                service: orders
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  get:
                    handler: {handler}
                """);

            var joined = CodeDeclaredUnits.Join(configUnits, new[] { Function("OrdersFunctionsGetGenerated", "Functions", "Get") });

            Assert.Empty(joined.Units);
            Assert.Empty(joined.Generated);
        }

        [Fact]
        public void With_GenerateMain_a_config_unit_that_runs_the_assembly_may_deploy_any_function_so_none_is_counted_again()
        {
            var configUnits = Bound("/repo/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  GetOrder:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: dotnet10
                      Handler: Orders
                      Environment:
                        Variables:
                          ANNOTATIONS_HANDLER: Get
                """);
            var function = Function("OrdersFunctionsListGenerated", "Functions", "List");
            var executable = new CodeDeclaredFunction(
                new DeploymentUnit(function.Unit.Name, "aws-lambda", function.Unit.ConfigPath, function.Unit.Declaration) { Handler = ConfigValue<string>.Known("Orders", null, ValueOrigin.ToolDefault) },
                function.Method,
                function.GeneratedTypeName);

            Assert.Empty(CodeDeclaredUnits.Join(configUnits, new[] { executable }).Units);

            // The class-library form names its method: the same config unit does not deploy it.
            Assert.Single(CodeDeclaredUnits.Join(configUnits, new[] { function }).Units);
        }

        [Fact]
        public void A_handler_for_another_method_of_the_type_leaves_the_function_its_own_unit()
        {
            var configUnits = Bound("/repo/serverless.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  list:
                    handler: Orders::Orders.Functions_List_Generated::List
                """);

            var joined = CodeDeclaredUnits.Join(configUnits, new[] { Function("OrdersFunctionsGetGenerated", "Functions", "Get") });

            Assert.Equal(new[] { "OrdersFunctionsGetGenerated" }, joined.Units.Select(u => u.Unit.Name));
        }
    }
}
