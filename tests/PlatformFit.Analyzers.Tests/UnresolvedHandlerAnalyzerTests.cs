using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF4005")]
    public class UnresolvedHandlerAnalyzerTests
    {
        private const string Functions = """
            namespace Orders.Api
            {
                public sealed class Function
                {
                    public string Handle(string input) => input;

                    private string Validate(string input) => input;
                }
            }
            """;

        private static ProjectAnalyzerTest<UnresolvedHandlerAnalyzer> Test(string handler, string source = Functions) =>
            new ProjectAnalyzerTest<UnresolvedHandlerAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false)
                .WithSource("Function.cs", source)
                .WithConfig("serverless.yml", $"""
                    provider:
                      name: aws
                      runtime: dotnet10
                    functions:
                      api:
                        handler: {handler}
                    """);

        private static DiagnosticResult PF4005(string handler, string problem, string suggestion = "") =>
            new DiagnosticResult("PF4005", DiagnosticSeverity.Error).WithLocation(0).WithArguments(handler, "api", problem, suggestion);

        [Fact]
        public async Task A_wrong_namespace_suggests_the_type_of_the_same_name()
        {
            await Test("{|#0:Orders::Orders.Function::Handle|}")
                .Expect(PF4005("Orders::Orders.Function::Handle", "assembly 'Orders' has no type 'Orders.Function'", "; did you mean 'Orders::Orders.Api.Function::Handle'?"))
                .RunAsync();
        }

        [Fact]
        public async Task A_method_in_the_wrong_case_suggests_the_public_method()
        {
            await Test("{|#0:Orders::Orders.Api.Function::handle|}")
                .Expect(PF4005("Orders::Orders.Api.Function::handle", "type 'Orders.Api.Function' has no method 'handle'", "; did you mean 'Orders::Orders.Api.Function::Handle'?"))
                .RunAsync();
        }

        [Fact]
        public async Task A_private_method_is_reported()
        {
            await Test("{|#0:Orders::Orders.Api.Function::Validate|}")
                .Expect(PF4005("Orders::Orders.Api.Function::Validate", "method 'Orders.Api.Function.Validate' is not public, and Lambda calls only public methods"))
                .RunAsync();
        }

        [Fact]
        public async Task An_assembly_name_in_another_case_is_reported()
        {
            await Test("{|#0:orders::Orders.Api.Function::Handle|}")
                .Expect(PF4005(
                    "orders::Orders.Api.Function::Handle",
                    "the project's assembly is 'Orders', and Lambda looks for 'orders.dll' on a case-sensitive Linux file system",
                    "; did you mean 'Orders::Orders.Api.Function::Handle'?"))
                .RunAsync();
        }

        [Fact]
        public async Task A_handler_that_resolves_is_silent() => await Test("Orders::Orders.Api.Function::Handle").RunAsync();

        [Fact]
        public async Task A_nested_type_resolves_by_its_metadata_name() =>
            await Test("Orders::Orders.Api.Outer+Inner::Run", """
                namespace Orders.Api
                {
                    public sealed class Outer
                    {
                        public sealed class Inner
                        {
                            public void Run() { }
                        }
                    }
                }
                """).RunAsync();

        [Fact]
        public async Task A_Lambda_Annotations_handler_resolves_to_the_attributed_method()
        {
            var test = Test("Orders::Orders.Api.Calculator_Add_Generated::Add", """
                using Amazon.Lambda.Annotations;

                namespace Orders.Api
                {
                    public sealed class Calculator
                    {
                        [LambdaFunction]
                        public int Add(int x, int y) => x + y;
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.RunAsync();
        }

        [Fact]
        public async Task A_method_a_base_class_from_an_unrestored_package_may_declare_is_silent()
        {
            var test = Test("Orders::Orders.Api.LambdaEntryPoint::FunctionHandlerAsync", """
                namespace Orders.Api
                {
                    public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
                    {
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.RunAsync();
        }

        [Fact]
        public async Task A_wrong_method_on_an_aspnetcore_entry_point_whose_base_does_not_resolve_suggests_FunctionHandlerAsync()
        {
            // The classic: the blueprint's handler method is FunctionHandlerAsync, declared by the unrestored base class.
            var test = Test("{|#0:Orders::Orders.Api.LambdaEntryPoint::FunctionHandler|}", """
                namespace Orders.Api
                {
                    public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction<Startup>
                    {
                        protected override void Init(object builder) { }
                    }

                    public sealed class Startup { }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test
                .Expect(PF4005(
                    "Orders::Orders.Api.LambdaEntryPoint::FunctionHandler",
                    "type 'Orders.Api.LambdaEntryPoint' has no method 'FunctionHandler'",
                    "; did you mean 'Orders::Orders.Api.LambdaEntryPoint::FunctionHandlerAsync'?"))
                .RunAsync();
        }

        [Fact]
        public async Task A_handler_declared_only_under_a_symbol_this_build_does_not_define_is_silent()
        {
            // The AWS build defines PROVIDER_AWS (dotnet lambda package /p:Provider=aws); the scan's build does not.
            await Test("Orders::Orders.Api.Handler::Hello", """
                namespace Orders.Api
                {
                #if PROVIDER_AWS
                    public sealed class Handler
                    {
                        public string Hello(string input) => input;
                    }
                #elif PROVIDER_AZURE
                    public static class AzureHandler { }
                #endif
                }
                """).RunAsync();
        }

        [Fact]
        public async Task A_missing_method_on_a_type_with_another_unresolved_base_is_silent()
        {
            var test = Test("Orders::Orders.Api.Function::FunctionHandler", """
                namespace Orders.Api
                {
                    public sealed class Function : Acme.Serverless.FunctionBase
                    {
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.RunAsync();
        }

        [Fact]
        public async Task A_method_inherited_from_a_resolved_base_class_resolves()
        {
            await Test("Orders::Orders.Api.LambdaEntryPoint::FunctionHandlerAsync", """
                namespace Amazon.Lambda.AspNetCoreServer
                {
                    public abstract class APIGatewayHttpApiV2ProxyFunction
                    {
                        public System.Threading.Tasks.Task<object> FunctionHandlerAsync(object request, object context) => System.Threading.Tasks.Task.FromResult(request);
                    }
                }

                namespace Orders.Api
                {
                    public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
                    {
                    }
                }
                """).RunAsync();
        }

        [Fact]
        public async Task The_executable_form_on_a_class_library_is_reported()
        {
            await Test("{|#0:Orders|}")
                .Expect(PF4005("Orders", "'Orders' is a class library (OutputType Library), and a handler that names only the assembly runs the program's entry point"))
                .RunAsync();
        }

        [Fact]
        public async Task The_executable_form_on_an_executable_without_Main_is_reported()
        {
            var test = Test("{|#0:Orders|}");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(PF4005("Orders", "'Orders' has no Main method and no top-level statements, and a handler that names only the assembly runs the program's entry point")).RunAsync();
        }

        [Fact]
        public async Task The_executable_form_with_top_level_statements_is_silent()
        {
            var test = Test("Orders", "System.Console.WriteLine(\"orders\");");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task The_executable_form_with_a_Main_that_Lambda_Annotations_generates_is_silent()
        {
            var test = Test("Orders", """
                [assembly: Amazon.Lambda.Annotations.LambdaGlobalProperties(GenerateMain = true)]

                namespace Orders.Api
                {
                    public sealed class Calculator
                    {
                        [Amazon.Lambda.Annotations.LambdaFunction]
                        public int Add(int x, int y) => x + y;
                    }
                }
                """);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.RunAsync();
        }

        [Fact]
        public async Task An_OS_only_runtime_runs_bootstrap_and_ignores_the_handler()
        {
            await new ProjectAnalyzerTest<UnresolvedHandlerAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false)
                .WithSource("Function.cs", Functions)
                .WithConfig("serverless.yml", """
                    provider:
                      name: aws
                      runtime: provided.al2023
                    functions:
                      api:
                        handler: Orders
                    """)
                .RunAsync();
        }
    }
}
