using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The few types of Amazon.Lambda.AspNetCoreServer(.Hosting) and Grpc.Core the tests bind to, with their real
    /// namespaces, compiled into a metadata reference: those packages are not in the registry, and a package's types
    /// must come from metadata, not source, for base-class overrides to count as what the platform calls.
    /// </summary>
    internal static class LambdaHostingStubs
    {
        private static readonly Lazy<MetadataReference> Stubs = new(() => (MetadataReference)Emit("Amazon.Lambda.AspNetCoreServer", """
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext { System.TimeSpan RemainingTime { get; } }
            }

            namespace Amazon.Lambda.AspNetCoreServer
            {
                public abstract class AbstractAspNetCoreFunction
                {
                    public bool EnableResponseStreaming { get; set; }

                    protected virtual void Init(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) { }
                }

                public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction { }

                public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction { }

                public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction { }

                public abstract class APIGatewayWebsocketApiProxyFunction : AbstractAspNetCoreFunction { }
            }

            namespace Amazon.Lambda.AspNetCoreServer.Hosting
            {
                public class HostingOptions
                {
                    public bool EnableResponseStreaming { get; set; }
                }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                public enum LambdaEventSource { RestApi, HttpApi, ApplicationLoadBalancer, WebsocketApi }

                public static class ServiceCollectionExtensions
                {
                    public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource) => services;

                    public static IServiceCollection AddAWSLambdaHosting(
                        this IServiceCollection services,
                        LambdaEventSource eventSource,
                        System.Action<Amazon.Lambda.AspNetCoreServer.Hosting.HostingOptions> configure) => services;
                }
            }

            namespace Grpc.Core
            {
                public sealed class ServerPort
                {
                    public ServerPort(string host, int port, object credentials) { }
                }
            }
            """));

        public static MetadataReference Reference => Stubs.Value;

        private static PortableExecutableReference Emit(string name, string source)
        {
            var references = LocalReferenceAssemblies.NetCore.AddRange(LocalReferenceAssemblies.AspNetCore);
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
