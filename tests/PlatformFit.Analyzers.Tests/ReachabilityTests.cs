using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Tests.Infrastructure;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Tests
{
    /// <summary>What a unit's entry points reach, and the path they take, on small realistic programs.</summary>
    public class ReachabilityTests
    {
        /// <summary>Framework types as a package would bring them: metadata, not source.</summary>
        private static readonly Lazy<MetadataReference> Framework = new(() => (MetadataReference)Emit("Framework", """
            namespace Microsoft.Extensions.Hosting
            {
                public abstract class BackgroundService
                {
                    protected abstract System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken);
                }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                public interface IServiceCollection { }

                public static class ServiceCollectionExtensions
                {
                    public static IServiceCollection AddHostedService<T>(this IServiceCollection services) where T : class => services;
                    public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) where TImplementation : class, TService => services;
                }
            }

            namespace Amazon.Lambda.AspNetCoreServer
            {
                public abstract class APIGatewayProxyFunction
                {
                    protected virtual void Init(object builder) { }

                    protected virtual void PostMarshallRequestFeature(object feature, object request, object context) { }
                }
            }

            namespace Amazon.Lambda.RuntimeSupport
            {
                public sealed class LambdaBootstrapBuilder
                {
                    public static LambdaBootstrapBuilder Create<TInput, TOutput>(System.Func<TInput, TOutput> handler, object serializer) => new LambdaBootstrapBuilder();

                    public System.Threading.Tasks.Task RunAsync() => System.Threading.Tasks.Task.CompletedTask;
                }
            }

            namespace Microsoft.AspNetCore.Builder
            {
                public sealed class WebApplication
                {
                    public void Run() { }
                }

                public static class EndpointRouteBuilderExtensions
                {
                    public static object MapGet(this WebApplication endpoints, string pattern, System.Delegate handler) => endpoints;
                }
            }

            namespace Microsoft.AspNetCore.Mvc
            {
                public abstract class ControllerBase { }
            }
            """));

        private const string Orders = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            namespace Orders;

            public interface IOrderStore { Task SaveAsync(string order); }

            public sealed class DynamoOrderStore : IOrderStore
            {
                private static readonly string Table = TableName();

                public Task SaveAsync(string order) => Task.Run(() => WaitForCapacity(order));

                private static void WaitForCapacity(string order) => Thread.Sleep(order.Length);

                private static string TableName() => "orders";
            }

            public sealed class Function
            {
                private readonly IOrderStore store = new DynamoOrderStore();

                public Task Handle(string order)
                {
                    return store.SaveAsync(order);
                }

                public void NeverCalled() => Thread.Sleep(1000);

                public static void Register(IServiceCollection services) => services.AddHostedService<Sweeper>();
            }

            public sealed class Sweeper : BackgroundService
            {
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(100, stoppingToken);
            }

            public sealed class Registration
            {
                public void Configure(IServiceCollection services) => Function.Register(services);
            }
            """;

        [Fact]
        public void Follows_interface_calls_lambdas_and_constructors_from_the_handler()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Function::Handle");

            Assert.True(reachability.HasEntryPoints);
            Assert.True(reachability.TryGetPath(Member(compilation, "WaitForCapacity"), out var path));
            Assert.Equal(
                new[]
                {
                    "Entry point: 'Function.Handle', the handler of the deployment unit",
                    "'Function.Handle' calls 'DynamoOrderStore.SaveAsync'",
                    "'DynamoOrderStore.SaveAsync' calls 'DynamoOrderStore.WaitForCapacity'",
                },
                path.Select(s => s.Message));
            Assert.Equal("store.SaveAsync(order)", path[1].Location.SourceTree!.GetText().ToString(path[1].Location.SourceSpan));
        }

        [Fact]
        public void Static_initializers_run_when_their_type_is_used()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Function::Handle");

            Assert.True(reachability.TryGetPath(Member(compilation, "TableName"), out _));
        }

        [Fact]
        public void Code_the_handler_never_calls_is_not_reached()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Function::Handle");

            Assert.False(reachability.TryGetPath(Member(compilation, "NeverCalled"), out _));
            Assert.False(reachability.TryGetPath(Member(compilation, "ExecuteAsync"), out _));
        }

        [Fact]
        public void A_type_handed_to_the_framework_as_a_type_argument_runs_its_overrides()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Registration::Configure");

            Assert.True(reachability.TryGetPath(Member(compilation, "ExecuteAsync"), out var path));
            Assert.Contains(path, s => s.Message == "'Function.Register' calls 'Sweeper.ExecuteAsync'");
        }

        [Fact]
        public void Overrides_called_by_a_Lambda_base_class_are_entry_points()
        {
            var (compilation, reachability) = Reach("""
                namespace Api;

                public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                    protected override void Init(object builder) => Startup.Configure();
                }

                public static class Startup
                {
                    public static void Configure() => System.Threading.Thread.Sleep(10);
                }
                """, "Api::Api.LambdaEntryPoint::FunctionHandlerAsync");

            Assert.True(reachability.TryGetPath(Member(compilation, "Configure"), out var path));
            Assert.StartsWith("Entry point: 'LambdaEntryPoint.Init', called by 'APIGatewayProxyFunction'", path[0].Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_type_the_code_creates_runs_its_overrides_of_framework_members()
        {
            var (compilation, reachability) = Reach("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.Hosting;

                namespace Jobs;

                public sealed class Function
                {
                    public void Handle() => _ = new Sweeper();
                }

                public sealed class Sweeper : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Sweep();

                    private static Task Sweep() => Task.CompletedTask;
                }

                public sealed class NeverCreated : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Idle();

                    private static Task Idle() => Task.CompletedTask;
                }
                """, "Jobs::Jobs.Function::Handle");

            Assert.True(reachability.TryGetPath(Member(compilation, "Sweep"), out var path));
            Assert.Contains(path, s => s.Message == "'Sweeper.Sweeper' calls 'Sweeper.ExecuteAsync'");
            Assert.False(reachability.TryGetPath(Member(compilation, "Idle"), out _));
        }

        [Fact]
        public void Top_level_statements_are_the_entry_of_the_executable_form()
        {
            var (compilation, reachability) = Reach("""
                Chat.Rooms.Open();

                namespace Chat
                {
                    public static class Rooms
                    {
                        public static void Open() => Listen();
                        private static void Listen() { }
                        public static void Unused() { }
                    }
                }
                """, "Chat", OutputKind.ConsoleApplication);

            Assert.True(reachability.TryGetPath(Member(compilation, "Listen"), out var path));
            Assert.Equal("Entry point: 'top-level statements', the program's entry point", path[0].Message);
            Assert.False(reachability.TryGetPath(Member(compilation, "Unused"), out _));
        }

        [Fact]
        public void A_handler_that_names_nothing_in_the_project_reaches_nothing()
        {
            // PF4005 says the function cannot run; counting the whole project as its code would report start-up
            // code (a Startup constructor) as request code.
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Missing::Handle");

            Assert.False(reachability.HasEntryPoints);
            Assert.False(reachability.TryGetPath(Member(compilation, "NeverCalled"), out var path));
            Assert.False(reachability.TryGetPath(Member(compilation, "WaitForCapacity"), out _));
            Assert.Empty(path);
        }

        [Fact]
        public void Annotations_handlers_resolve_to_the_attributed_method()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Function_Handle_Generated::Handle");

            Assert.True(reachability.HasEntryPoints);
            Assert.True(reachability.TryGetPath(Member(compilation, "WaitForCapacity"), out _));
        }

        [Fact]
        public void Per_invocation_the_handler_runs_but_its_constructor_and_static_initializers_do_not()
        {
            var (compilation, reachability) = ReachPerInvocation("""
                using System.Threading;

                namespace Orders;

                public sealed class Function
                {
                    private static readonly int Shards = Probe(1);
                    private readonly int warm = Probe(2);

                    public Function() => Probe(3);

                    public int Handle(string order) => Probe(4) + Shards + warm;

                    public static int Probe(int n) => n;
                }
                """, "Orders::Orders.Function::Handle");

            Assert.False(Runs(compilation, reachability, "Probe(1)"));
            Assert.False(Runs(compilation, reachability, "Probe(2)"));
            Assert.False(Runs(compilation, reachability, "Probe(3)"));
            Assert.True(Runs(compilation, reachability, "Probe(4)", out var path));
            Assert.Equal("Entry point: 'Function.Handle', the handler of the deployment unit", path[0].Message);
            Assert.True(reachability.TryGetPath(Member(compilation, "Probe"), out _));
        }

        [Fact]
        public void Per_invocation_the_executable_forms_handler_lambda_runs_and_Main_around_it_does_not()
        {
            var (compilation, reachability) = ReachPerInvocation("""
                using Amazon.Lambda.RuntimeSupport;

                var prefix = Names.Probe("init");
                var handler = (string input) => Names.Probe(prefix + input);
                await LambdaBootstrapBuilder.Create(handler, new object()).RunAsync();

                public static class Names
                {
                    public static string Probe(string text) => Normalize(text);

                    private static string Normalize(string text) => text.Trim();
                }
                """, "Orders", OutputKind.ConsoleApplication);

            Assert.False(Runs(compilation, reachability, "Names.Probe(\"init\")"));
            Assert.True(Runs(compilation, reachability, "Names.Probe(prefix + input)", out var path));
            Assert.Equal(
                new[]
                {
                    "Entry point: 'top-level statements', the program's entry point",
                    "'top-level statements' passes a lambda to 'Create', and the Lambda runtime calls it for every invocation",
                },
                path.Select(s => s.Message));
            Assert.True(reachability.TryGetPath(Member(compilation, "Normalize"), out var callee));
            Assert.Equal("'Names.Probe' calls 'Names.Normalize'", callee[^1].Message);
        }

        [Fact]
        public void Per_invocation_minimal_API_endpoints_run_and_controllers_are_created_per_request()
        {
            var (compilation, reachability) = ReachPerInvocation("""
                using Microsoft.AspNetCore.Builder;

                var app = new WebApplication();
                Api.Probe(0);
                app.MapGet("/orders", () => Api.Probe(1));
                app.MapGet("/stock", Api.Stock);
                app.Run();

                public static class Api
                {
                    public static int Probe(int n) => n;

                    public static int Stock() => Probe(2);
                }

                public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    private readonly int created = Api.Probe(3);

                    public int Get() => created;
                }
                """, "Orders", OutputKind.ConsoleApplication);

            Assert.False(Runs(compilation, reachability, "Api.Probe(0)"));
            Assert.True(Runs(compilation, reachability, "Api.Probe(1)"));
            Assert.True(Runs(compilation, reachability, "Probe(2)", out var path));
            Assert.Contains(path, s => s.Message == "'top-level statements' passes 'Api.Stock' to 'MapGet', and ASP.NET Core calls it for every request");
            Assert.True(Runs(compilation, reachability, "Api.Probe(3)"));
        }

        [Fact]
        public void Per_invocation_Init_overrides_of_the_Lambda_base_classes_run_once_and_the_others_per_request()
        {
            var (compilation, reachability) = ReachPerInvocation("""
                namespace Api;

                public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                    protected override void Init(object builder) => Probe(1);

                    protected override void PostMarshallRequestFeature(object feature, object request, object context) => Probe(2);

                    private static void Probe(int n) { }
                }
                """, "Api::Api.LambdaEntryPoint::FunctionHandlerAsync");

            Assert.False(Runs(compilation, reachability, "Probe(1)"));
            Assert.True(Runs(compilation, reachability, "Probe(2)"));
        }

        [Fact]
        public void Per_invocation_is_empty_when_no_entry_point_is_found()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Missing::Handle");

            Assert.False(reachability.TryGetPath(Member(compilation, "NeverCalled"), out _));
            Assert.False(reachability.PerInvocation.TryGetPath(Member(compilation, "NeverCalled"), out _));
        }

        [Fact]
        public void Per_invocation_finds_the_handler_lambda_by_name_when_the_runtime_package_is_missing()
        {
            var tree = CSharpSyntaxTree.ParseText("""
                var handler = (string input) => Probe(input);
                await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                static string Probe(string text) => text;
                """, path: "/repo/src/Program.cs");
            var compilation = CSharpCompilation.Create("Orders", new[] { tree }, LocalReferenceAssemblies.NetCore, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var unit = new DeploymentUnit("fn", "aws-lambda", "/repo/serverless.yml", new ConfigSpan("/repo/serverless.yml", 0, 1, 1, 1, 1, 2));
            var reachability = ProjectReachability.Get(compilation).For(new BoundUnit(unit, BindingEvidence.HandlerAssembly, HandlerReference.Parse("Orders")), CancellationToken.None).PerInvocation;

            Assert.True(Runs(compilation, reachability, "Probe(input)"));
            Assert.True(Runs(compilation, reachability, "text", out var path));
            Assert.Contains(path, s => s.Message.Contains("'Create', and the Lambda runtime calls it for every invocation", StringComparison.Ordinal));
        }

        /// <summary>Whether the code whose text is <paramref name="code"/> runs in the given reach.</summary>
        private static bool Runs(Compilation compilation, UnitReachability reachability, string code) => Runs(compilation, reachability, code, out _);

        private static bool Runs(Compilation compilation, UnitReachability reachability, string code, out IReadOnlyList<FlowStep> path)
        {
            var tree = compilation.SyntaxTrees.Single();
            var site = tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().First(n => n.ToString() == code);
            var model = compilation.GetSemanticModel(tree);
            return reachability.TryGetPath(site, ProjectReachability.EnclosingMember(model, site, CancellationToken.None), out path);
        }

        private static (Compilation Compilation, UnitReachability Reachability) ReachPerInvocation(string source, string handler, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var (compilation, reachability) = Reach(source, handler, kind);
            return (compilation, reachability.PerInvocation);
        }

        private static (Compilation Compilation, UnitReachability Reachability) Reach(string source, string handler, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var assembly = handler.Split("::")[0];
            var compilation = CSharpCompilation.Create(
                assembly,
                new[] { CSharpSyntaxTree.ParseText(source, path: "/repo/src/Program.cs") },
                LocalReferenceAssemblies.NetCore.Add(Framework.Value),
                new CSharpCompilationOptions(kind));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var unit = new DeploymentUnit("fn", "aws-lambda", "/repo/serverless.yml", new ConfigSpan("/repo/serverless.yml", 0, 1, 1, 1, 1, 2));
            var bound = new BoundUnit(unit, BindingEvidence.HandlerAssembly, HandlerReference.Parse(handler));
            return (compilation, ProjectReachability.Get(compilation).For(bound, CancellationToken.None));
        }

        private static ISymbol Member(Compilation compilation, string name)
        {
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
            return model.GetDeclaredSymbol(declaration)!;
        }

        private static PortableExecutableReference Emit(string name, string source)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, LocalReferenceAssemblies.NetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
