using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    /// <summary>
    /// Lambda Annotations functions as deployment units: without a committed template the attributes are the
    /// deployment and the config rules judge them (on the attribute, with the generator's defaults); with the
    /// template the template's unit is the one judged, once. Each case runs with the Annotations package resolved and
    /// not resolved.
    /// </summary>
    [Trait("Rule", "PF3101")]
    [Trait("Rule", "PF3102")]
    [Trait("Rule", "PF4001")]
    [Trait("Rule", "PF3001")]
    public class CodeDeclaredUnitTests
    {
        /// <summary>PF3101 for 16,384 MB on the Export function, at markup 0 (in code or in the template).</summary>
        private static readonly DiagnosticResult ExportMemoryOutOfRange = new DiagnosticResult("PF3101", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("The memory of function 'OrdersFunctionsExportGenerated'", "16,384", "MB", "128", "10,240", "AWS Lambda");

        private static ProjectAnalyzerTest<TAnalyzer> Test<TAnalyzer>(bool restored, string functions, string? template = null, string targetFramework = "net10.0")
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var test = new ProjectAnalyzerTest<TAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false)
                .WithSource("Functions.cs", """
                    using Amazon.Lambda.Annotations;
                    using Amazon.Lambda.Annotations.APIGateway;

                    """ + functions)
                .WithBuildProperty("TargetFramework", targetFramework);
            if (template is not null)
            {
                test.WithConfig("src/Orders/serverless.template", template);
            }

            return test.WithLambdaAnnotations(restored);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task Without_a_template_a_memory_size_above_the_maximum_is_reported_on_the_attribute(bool restored)
        {
            await Test<ValueOutsidePlatformRangeAnalyzer>(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(MemorySize = {|#0:16384|})]
                    public string Export(string day) => day;

                    [LambdaFunction(MemorySize = 2048, Timeout = 900)]
                    public string Import(string day) => day;
                }
                """)
                .Expect(ExportMemoryOutOfRange)
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task With_the_generated_template_the_template_unit_is_judged_once(bool restored)
        {
            await Test<ValueOutsidePlatformRangeAnalyzer>(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(MemorySize = 16384)]
                    public string Export(string day) => day;
                }
                """, """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "OrdersFunctionsExportGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                      "Properties": {
                        "Runtime": "dotnet10",
                        "CodeUri": ".",
                        "MemorySize": {|#0:16384|},
                        "Timeout": 30,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Export_Generated::Export"
                      }
                    }
                  }
                }
                """)
                .Expect(ExportMemoryOutOfRange)
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task The_generator_s_default_timeout_is_longer_than_a_REST_API_waits_and_a_set_timeout_longer_than_an_HTTP_API(bool restored)
        {
            await Test<TimeoutBeyondFrontDoorAnalyzer>(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [{|#0:LambdaFunction|}]
                    [{|#1:RestApi(LambdaHttpMethod.Get, "/orders/{id}")|}]
                    public string Get(string id) => id;

                    [LambdaFunction(Timeout = {|#2:60|})]
                    [{|#3:HttpApi(LambdaHttpMethod.Post, "/orders")|}]
                    public string Create(string body) => body;

                    [LambdaFunction]
                    [HttpApi(LambdaHttpMethod.Get, "/orders")]
                    public string List() => "[]";
                }
                """)
                .Expect(
                    new DiagnosticResult("PF3102", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1)
                        .WithArguments("Function 'OrdersFunctionsGetGenerated'", "30", "the Amazon.Lambda.Annotations default", "an API Gateway REST API (RestApi)", "src/Orders/Functions.cs(8,6)", "29", "1"),
                    new DiagnosticResult("PF3102", DiagnosticSeverity.Warning).WithLocation(2).WithLocation(3)
                        .WithArguments("Function 'OrdersFunctionsCreateGenerated'", "60", "src/Orders/Functions.cs(11,31)", "an API Gateway HTTP API (HttpApi)", "src/Orders/Functions.cs(12,6)", "30", "30"))
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task The_runtime_of_a_net8_project_is_deprecated_on_the_attribute_and_a_global_runtime_wins(bool restored)
        {
            await Test<RetiredRuntimeAnalyzer>(restored, """
                namespace Orders;

                public sealed class Functions
                {
                    [{|#0:LambdaFunction|}]
                    public string Get(string id) => id;
                }
                """, targetFramework: "net8.0")
                .WithBuildProperty("PlatformFitAsOf", "2026-11-26")
                .Expect(new DiagnosticResult("PF4001", DiagnosticSeverity.Warning).WithLocation(0))
                .RunAsync();

            await Test<RetiredRuntimeAnalyzer>(restored, """
                [assembly: LambdaGlobalProperties(Runtime = "dotnet10")]

                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction]
                    public string Get(string id) => id;
                }
                """, targetFramework: "net8.0")
                .WithBuildProperty("PlatformFitAsOf", "2026-11-26")
                .RunAsync();
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task A_wait_longer_than_the_generator_s_default_timeout_is_reported_with_the_attribute_related(bool restored)
        {
            await Test<WaitLongerThanTimeoutAnalyzer>(restored, """
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Functions
                {
                    [{|#1:LambdaFunction|}]
                    public async Task<string> Export(string day)
                    {
                        await Task.Delay({|#0:TimeSpan.FromSeconds(45)|});
                        return day;
                    }

                    [LambdaFunction(Timeout = 120)]
                    public async Task<string> Import(string day)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(45));
                        return day;
                    }
                }
                """)
                .Expect(new DiagnosticResult("PF3001", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1))
                .RunAsync();
        }
    }
}
