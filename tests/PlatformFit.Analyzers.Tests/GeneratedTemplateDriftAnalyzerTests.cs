using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    /// <summary>
    /// PF4006 with the Annotations package resolved (a restored repository) and unresolved (not restored): the
    /// attributes are recognised by name either way, and the findings are the same.
    /// </summary>
    [Trait("Rule", "PF4006")]
    public class GeneratedTemplateDriftAnalyzerTests
    {
        private const string Usings = """
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;

            """;

        private static ProjectAnalyzerTest<GeneratedTemplateDriftAnalyzer> Test(bool restored, string functions, string template)
        {
            var test = new ProjectAnalyzerTest<GeneratedTemplateDriftAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false)
                .WithSource("Functions.cs", Usings + functions)
                .WithConfig("src/Orders/serverless.template", template)
                .WithBuildProperty("TargetFramework", "net10.0");
            return test.WithLambdaAnnotations(restored);
        }

        /// <summary>
        /// A resource as the generator writes it, with the properties given (JSON members, markup allowed); its key
        /// marked with <paramref name="keyMarker"/> when given.
        /// </summary>
        private static string Resource(string name, string properties, string tool = "Amazon.Lambda.Annotations", int? keyMarker = null) => $$"""
                {{(keyMarker is int marker ? $"{{|#{marker}:\"{name}\"|}}" : $"\"{name}\"")}}: {
                  "Type": "AWS::Serverless::Function",
                  "Metadata": { "Tool": "{{tool}}" },
                  "Properties": {
                    "Runtime": "dotnet10",
                    "CodeUri": ".",
                    "Policies": [ "AWSLambdaBasicExecutionRole" ],
            {{properties}}
                  }
                }
            """;

        private static string Template(params string[] resources) => $$"""
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.7.0.0).",
              "Resources": {
            {{string.Join(",\n", resources)}}
              }
            }
            """;

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_memory_size_the_template_does_not_have_is_reported_on_the_attribute_and_the_agreeing_function_is_not(bool restored)
        {
            await Test(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(MemorySize = {|#0:1024|}, Timeout = 30)]
                    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
                    public string Get(string id) => id;

                    [LambdaFunction(MemorySize = 256)]
                    [HttpApi(LambdaHttpMethod.Post, "/orders")]
                    public string Create(string body) => body;
                }
                """, Template(
                Resource("OrdersFunctionsGetGenerated", """
                        "MemorySize": {|#1:512|},
                        "Timeout": 30,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get",
                        "Events": { "RootGet": { "Type": "HttpApi", "Properties": { "Path": "/orders/{id}", "Method": "GET" } } }
                """),
                Resource("OrdersFunctionsCreateGenerated", """
                        "MemorySize": 256,
                        "Timeout": 30,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Create_Generated::Create",
                        "Events": { "RootPost": { "Type": "HttpApi", "Properties": { "Path": "/orders", "Method": "POST" } } }
                """)))
                .Expect(new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                    .WithArguments("The memory size", "OrdersFunctionsGetGenerated", "1,024 MB", "src/Orders/Functions.cs(7,34)", "512 MB", "src/Orders/serverless.template(13,23)"))
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_timeout_and_a_front_door_edited_in_the_template_are_reported_each_on_their_attribute(bool restored)
        {
            await Test(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(ResourceName = "GetOrder", Timeout = {|#0:20|})]
                    [{|#2:HttpApi(LambdaHttpMethod.Get, "/orders/{id}")|}]
                    public string Get(string id) => id;
                }
                """, Template(Resource("GetOrder", """
                        "MemorySize": 512,
                        "Timeout": {|#1:25|},
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get",
                        "Events": { {|#3:"RootGet"|}: { "Type": "Api", "Properties": { "Path": "/orders/{id}", "Method": "GET" } } }
                """)))
                .Expect(
                    new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                        .WithArguments("The timeout", "GetOrder", "20 s", "src/Orders/Functions.cs(7,58)", "25 s", "src/Orders/serverless.template(14,20)"),
                    new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(2).WithLocation(3)
                        .WithArguments("The front door", "GetOrder", "an API Gateway HTTP API (HttpApi)", "src/Orders/Functions.cs(8,6)", "an API Gateway REST API (Api)", "src/Orders/serverless.template(17,21)"))
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_handler_and_a_package_type_that_changed_in_code_are_reported(bool restored)
        {
            await Test(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [{|#0:LambdaFunction(ResourceName = "GetOrder")|}]
                    public string Get(string id) => id;

                    [LambdaFunction(ResourceName = "Thumbnails", PackageType = {|#2:LambdaPackageType.Image|})]
                    public string Resize(string key) => key;
                }
                """, Template(
                Resource("GetOrder", """
                        "MemorySize": 512,
                        "Timeout": 30,
                        "PackageType": "Zip",
                        "Handler": {|#1:"Orders::Orders.Functions_Fetch_Generated::Fetch"|}
                """),
                Resource("Thumbnails", """
                        "MemorySize": 512,
                        "Timeout": 30,
                        "PackageType": {|#3:"Zip"|},
                        "Handler": "Orders::Orders.Functions_Resize_Generated::Resize"
                """)))
                .Expect(
                    new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                        .WithArguments("The handler", "GetOrder", "'Orders::Orders.Functions_Get_Generated::Get'", "src/Orders/Functions.cs(7,6)", "'Orders::Orders.Functions_Fetch_Generated::Fetch'", "src/Orders/serverless.template(16,20)"),
                    new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(2).WithLocation(3)
                        .WithArguments("The package type", "Thumbnails", "Image", "src/Orders/Functions.cs(10,64)", "package type Zip", "src/Orders/serverless.template(28,24)"))
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task Hand_written_resources_values_the_attribute_leaves_to_the_template_agreeing_constants_and_unknown_template_values_are_silent(bool restored)
        {
            await Test(restored, """
                namespace Orders;

                public static class Sizes
                {
                    public const uint Standard = 512;
                }

                public sealed class Functions
                {
                    // Written by a person under the generator's name: the generator leaves it alone.
                    [LambdaFunction(MemorySize = 1024)]
                    public string Get(string id) => id;

                    // No MemorySize on the attribute: the generator keeps the template's 1024.
                    [LambdaFunction]
                    public string List(string filter) => filter;

                    // A named constant is folded: it agrees with the template.
                    [LambdaFunction(MemorySize = Sizes.Standard)]
                    public string Export(string day) => day;
                }
                """, """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Parameters": { "ListMemory": { "Type": "Number" } },
                  "Resources": {
                    "OrdersFunctionsGetGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": { "Runtime": "dotnet10", "CodeUri": ".", "MemorySize": 512, "Handler": "Orders::Orders.Functions_Get_Generated::Get" }
                    },
                    "OrdersFunctionsListGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                      "Properties": { "Runtime": "dotnet10", "CodeUri": ".", "MemorySize": 1024, "Timeout": { "Ref": "ListMemory" }, "PackageType": "Zip", "Handler": "Orders::Orders.Functions_List_Generated::List" }
                    },
                    "OrdersFunctionsExportGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                      "Properties": { "Runtime": "dotnet10", "CodeUri": ".", "MemorySize": 512, "PackageType": "Zip", "Handler": "Orders::Orders.Functions_Export_Generated::Export" }
                    }
                  }
                }
                """)
                .Expect()
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_function_URL_in_code_needs_one_in_the_template(bool restored)
        {
            await Test(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(ResourceName = "Live")]
                    [{|#0:FunctionUrl(AuthType = FunctionUrlAuthType.NONE)|}]
                    public string Live(string body) => body;

                    [LambdaFunction(ResourceName = "Feed")]
                    [FunctionUrl]
                    public string Feed(string body) => body;
                }
                """, Template(
                Resource("Live", keyMarker: 1, properties: """
                        "MemorySize": 512,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Live_Generated::Live"
                """),
                Resource("Feed", """
                        "MemorySize": 512,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Feed_Generated::Feed",
                        "FunctionUrlConfig": { "AuthType": "NONE" }
                """)))
                .Expect(new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1))
                .RunAsync();
        }

        [Fact]
        public async Task The_finding_sits_in_the_source_file_so_a_pragma_suppresses_it()
        {
            await Test(restored: true, """
                namespace Orders;

                public sealed class Functions
                {
                #pragma warning disable PF4006 // raised by hand in the template until the load test is over
                    [LambdaFunction(MemorySize = 1024)]
                #pragma warning restore PF4006
                    public string Get(string id) => id;
                }
                """, Template(Resource("OrdersFunctionsGetGenerated", """
                        "MemorySize": 2048,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get"
                """)))
                .RunAsync();
        }

        [Fact]
        public async Task A_value_from_a_package_that_is_not_restored_is_unknown_and_not_compared()
        {
            await Test(restored: false, """
                using Acme.Lambda.Settings;

                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(MemorySize = FunctionSizes.Large, Timeout = {|#0:60|})]
                    public string Get(string id) => id;
                }
                """, Template(Resource("OrdersFunctionsGetGenerated", """
                        "MemorySize": 512,
                        "Timeout": {|#1:30|},
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get"
                """)))
                .Expect(new DiagnosticResult("PF4006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                    .WithArguments("The timeout", "OrdersFunctionsGetGenerated", "60 s", "src/Orders/Functions.cs(9,65)", "30 s", "src/Orders/serverless.template(14,20)"))
                .RunAsync();
        }

        [Fact]
        public async Task An_attribute_of_the_same_name_from_another_library_is_not_a_Lambda_function()
        {
            var test = new ProjectAnalyzerTest<GeneratedTemplateDriftAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false)
                .WithSource("Functions.cs", """
                    namespace Acme.Serverless
                    {
                        [System.AttributeUsage(System.AttributeTargets.Method)]
                        public sealed class LambdaFunctionAttribute : System.Attribute
                        {
                            public int MemorySize { get; set; }
                        }
                    }

                    namespace Orders
                    {
                        using Acme.Serverless;

                        public sealed class Functions
                        {
                            [LambdaFunction(MemorySize = 1024)]
                            public string Get(string id) => id;
                        }
                    }
                    """)
                .WithConfig("src/Orders/serverless.template", Template(Resource("OrdersFunctionsGetGenerated", """
                        "MemorySize": 512,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get"
                """)));
            await test.RunAsync();
        }
    }
}
