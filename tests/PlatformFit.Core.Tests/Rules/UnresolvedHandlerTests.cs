using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF4005")]
    public class UnresolvedHandlerTests
    {
        /// <summary>The answers a compilation gives, written down: type name → (method, public).</summary>
        private sealed class Code : IHandlerCode
        {
            private readonly Dictionary<string, HandlerType> types = new(StringComparer.Ordinal);

            public string AssemblyName { get; init; } = "Orders";

            public EntryPointState EntryPoint { get; init; } = EntryPointState.Library;

            public IEnumerable<string> TypeNames => types.Keys;

            public Code With(string type, bool unresolvedBase = false, params (string Name, bool IsPublic)[] methods) =>
                WithBase(type, unresolvedBase ? "AbstractBase" : null, methods);

            /// <summary>A type whose base class, of that simple name, does not resolve (null: every base resolves).</summary>
            public Code WithBase(string type, string? unresolvedBase, params (string Name, bool IsPublic)[] methods)
            {
                types[type] = new HandlerType(type, methods.Select(m => new HandlerMethod(m.Name, m.IsPublic)).ToList(), unresolvedBase is not null, unresolvedBase);
                return this;
            }

            public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

            public HandlerType? FindType(string metadataName) => types.TryGetValue(metadataName, out var type) ? type : null;

            public bool InExcludedCode(string name) => Excluded.Contains(name);
        }

        private static Code Orders() => new Code()
            .With("Orders.Api.Function", false, ("Handle", true), ("Validate", false), ("ToString", true))
            .With("Orders.Api.Reports", false, ("Generate", true))
            .With("Orders.Api.Function+Options", false, ("ToString", true))
            .With("Orders.Jobs.Nightly", false, ("Run", true))
            .With("Orders.LambdaEntryPoint", true, ("Init", false));

        private static ConfigFinding? Check(string handler, IHandlerCode code, string runtime = "dotnet10")
        {
            var unit = ConfigUnits.Read($"""
                provider:
                  name: aws
                  runtime: {runtime}
                functions:
                  api:
                    handler: {handler}
                """);
            return UnresolvedHandler.Check(unit, HandlerReference.Parse(handler)!, code);
        }

        [Fact]
        public void A_wrong_namespace_is_reported_on_the_handler_with_the_type_of_the_same_name()
        {
            var finding = Check("Orders::Orders.Function::Handle", Orders());

            Assert.NotNull(finding);
            Assert.Equal("PF4005", finding.Rule.Id);
            Assert.Equal((6, 14), (finding.Primary.StartLine, finding.Primary.StartColumn));
            Assert.Equal(
                "Handler 'Orders::Orders.Function::Handle' of function 'api' cannot be loaded: assembly 'Orders' has no type 'Orders.Function', " +
                "so every invocation fails; did you mean 'Orders::Orders.Api.Function::Handle'?",
                finding.Message);
        }

        [Fact]
        public void A_misspelt_type_suggests_the_nearest()
        {
            var finding = Check("Orders::Orders.Api.Functoin::Handle", Orders());
            Assert.NotNull(finding);
            Assert.EndsWith("did you mean 'Orders::Orders.Api.Function::Handle'?", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_type_nothing_resembles_gets_no_suggestion()
        {
            var finding = Check("Orders::Billing.Invoices::Handle", Orders());
            Assert.NotNull(finding);
            Assert.EndsWith("assembly 'Orders' has no type 'Billing.Invoices', so every invocation fails", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_method_in_the_wrong_case_suggests_the_public_method()
        {
            var finding = Check("Orders::Orders.Api.Function::handle", Orders());
            Assert.NotNull(finding);
            Assert.Equal(
                "Handler 'Orders::Orders.Api.Function::handle' of function 'api' cannot be loaded: type 'Orders.Api.Function' has no method 'handle', " +
                "so every invocation fails; did you mean 'Orders::Orders.Api.Function::Handle'?",
                finding.Message);
        }

        [Fact]
        public void A_private_method_is_not_callable()
        {
            var finding = Check("Orders::Orders.Api.Function::Validate", Orders());
            Assert.NotNull(finding);
            Assert.Contains("method 'Orders.Api.Function.Validate' is not public, and Lambda calls only public methods", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_assembly_name_that_differs_in_case_does_not_load_on_Linux()
        {
            var finding = Check("orders::Orders.Api.Function::Handle", Orders());
            Assert.NotNull(finding);
            Assert.Equal(
                "Handler 'orders::Orders.Api.Function::Handle' of function 'api' cannot be loaded: the project's assembly is 'Orders', and Lambda looks for 'orders.dll' " +
                "on a case-sensitive Linux file system, so every invocation fails; did you mean 'Orders::Orders.Api.Function::Handle'?",
                finding.Message);
        }

        [Theory]
        [InlineData("Orders::Orders.Api.Function::Handle")]
        [InlineData("Orders::Orders.Api.Function+Options::ToString")]
        [InlineData("Orders::Orders.Api.Reports_Generate_Generated::Generate")]
        [InlineData("Orders::Orders.LambdaEntryPoint::FunctionHandlerAsync")]
        public void Handlers_that_resolve_are_silent(string handler) => Assert.Null(Check(handler, Orders()));

        [Fact]
        public void An_annotations_handler_whose_method_is_gone_is_reported_against_the_attributed_type()
        {
            var finding = Check("Orders::Orders.Api.Reports_Export_Generated::Export", Orders());
            Assert.NotNull(finding);
            Assert.Contains("type 'Orders.Api.Reports' has no method 'Export'", finding.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(EntryPointState.Library, "'Orders' is a class library (OutputType Library), and a handler that names only the assembly runs the program's entry point")]
        [InlineData(EntryPointState.Missing, "'Orders' has no Main method and no top-level statements, and a handler that names only the assembly runs the program's entry point")]
        public void The_executable_form_needs_an_entry_point(EntryPointState state, string problem)
        {
            var finding = Check("Orders", new Code { EntryPoint = state });
            Assert.NotNull(finding);
            Assert.Equal($"Handler 'Orders' of function 'api' cannot be loaded: {problem}, so every invocation fails", finding.Message);
        }

        [Theory]
        [InlineData(EntryPointState.Present)]
        [InlineData(EntryPointState.Generated)]
        public void An_executable_with_an_entry_point_or_a_generated_Main_is_silent(EntryPointState state) =>
            Assert.Null(Check("Orders", new Code { EntryPoint = state }));

        [Theory]
        [InlineData("APIGatewayProxyFunction")]
        [InlineData("APIGatewayHttpApiV2ProxyFunction")]
        [InlineData("ApplicationLoadBalancerFunction")]
        public void An_aspnetcore_entry_point_whose_base_does_not_resolve_is_checked_against_the_known_handler_method(string baseClass)
        {
            var code = new Code().WithBase("Orders.LambdaEntryPoint", baseClass, ("Init", false));

            Assert.Null(Check("Orders::Orders.LambdaEntryPoint::FunctionHandlerAsync", code));
            var finding = Check("Orders::Orders.LambdaEntryPoint::FunctionHandler", code);
            Assert.NotNull(finding);
            Assert.Equal(
                "Handler 'Orders::Orders.LambdaEntryPoint::FunctionHandler' of function 'api' cannot be loaded: type 'Orders.LambdaEntryPoint' has no method 'FunctionHandler', so every invocation fails; did you mean 'Orders::Orders.LambdaEntryPoint::FunctionHandlerAsync'?",
                finding!.Message);
        }

        [Fact]
        public void A_type_or_method_that_preprocessor_symbols_exclude_from_this_build_is_not_judged()
        {
            // #if PROVIDER_AWS … #endif, with PROVIDER_AWS set only by `dotnet lambda package /p:Provider=aws`.
            var code = Orders();
            code.Excluded.UnionWith(new[] { "Handler", "Hello" });

            Assert.Null(Check("Orders::Orders.Handler::Hello", code));
            Assert.Null(Check("Orders::Orders.Api.Function::Hello", code));
            Assert.NotNull(Check("Orders::Orders.Api.Function::Goodbye", code));
        }

        [Fact]
        public void A_missing_method_on_a_type_with_another_unresolved_base_is_not_judged() =>
            Assert.Null(Check("Orders::Orders.Handlers.Function::FunctionHandler", new Code().WithBase("Orders.Handlers.Function", "ThirdPartyFunctionBase", ("Setup", true))));

        [Theory]
        [InlineData("dotnetcore2.0")]
        [InlineData("dotnetcore1.0")]
        [InlineData("dotnet11")]
        public void Dotnet_runtimes_old_or_new_load_a_dotnet_handler(string runtime) =>
            Assert.NotNull(Check("Orders::Orders.Function::Handle", Orders(), runtime));

        [Theory]
        [InlineData("provided.al2023")]
        [InlineData("nodejs20.x")]
        public void Runtimes_that_do_not_load_a_dotnet_handler_are_silent(string runtime) =>
            Assert.Null(Check("Orders::Orders.Function::Handle", Orders(), runtime));

        [Fact]
        public void A_handler_of_another_assembly_is_not_this_project_s()
        {
            Assert.Null(Check("Billing::Billing.Function::Handle", Orders()));
        }

        [Fact]
        public void The_CLI_reports_an_assembly_no_project_builds_with_the_nearest_name()
        {
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  api:
                    handler: Order::Orders.Api.Function::Handle
                """);

            var finding = UnresolvedHandler.CheckAssemblyIsBuilt(unit, new[] { "Orders", "Orders.Tests", "Billing" });

            Assert.NotNull(finding);
            Assert.Equal(
                "Handler 'Order::Orders.Api.Function::Handle' of function 'api' cannot be loaded: no project in the repository builds an assembly named 'Order', " +
                "so every invocation fails; did you mean 'Orders::Orders.Api.Function::Handle'?",
                finding.Message);
        }

        [Theory]
        [InlineData("dotnet10", "orders::Orders.Api.Function::Handle")]
        [InlineData("nodejs20.x", "handler.hello")]
        [InlineData(null, "handler.hello")]
        [InlineData("provided.al2023", "bootstrap")]
        public void The_CLI_leaves_bound_and_non_dotnet_handlers_alone(string? runtime, string handler)
        {
            var unit = ConfigUnits.Read($"""
                provider:
                  name: aws
                  {(runtime is null ? string.Empty : "runtime: " + runtime)}
                functions:
                  api:
                    handler: {handler}
                """);

            Assert.Null(UnresolvedHandler.CheckAssemblyIsBuilt(unit, new[] { "Orders" }));
        }

        [Fact]
        public void The_CLI_reports_the_executable_form_on_a_dotnet_runtime_and_nothing_without_projects()
        {
            var unit = ConfigUnits.Read("""
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  api:
                    handler: Ordres
                """);

            Assert.NotNull(UnresolvedHandler.CheckAssemblyIsBuilt(unit, new[] { "Orders" }));
            Assert.Null(UnresolvedHandler.CheckAssemblyIsBuilt(unit, Array.Empty<string>()));
        }
    }
}
