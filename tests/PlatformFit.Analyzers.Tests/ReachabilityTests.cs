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
                }
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
        public void A_handler_that_names_nothing_in_the_project_leaves_everything_reachable_without_a_path()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Missing::Handle");

            Assert.False(reachability.HasEntryPoints);
            Assert.True(reachability.TryGetPath(Member(compilation, "NeverCalled"), out var path));
            Assert.Empty(path);
        }

        [Fact]
        public void Annotations_handlers_resolve_to_the_attributed_method()
        {
            var (compilation, reachability) = Reach(Orders, "Orders::Orders.Function_Handle_Generated::Handle");

            Assert.True(reachability.HasEntryPoints);
            Assert.True(reachability.TryGetPath(Member(compilation, "WaitForCapacity"), out _));
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
