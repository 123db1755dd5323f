using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The few types of the Amazon.Lambda.* packages the tests need (the packages are not in the registry),
    /// compiled into a metadata reference: as a package would bring them, so that overrides of their virtual
    /// members count as called by the framework.
    /// </summary>
    internal static class LambdaPackageStubs
    {
        private static readonly Lazy<MetadataReference> Reference = new(() => (MetadataReference)Emit("""
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaLogger { void LogLine(string message); }

                public interface ILambdaContext
                {
                    ILambdaLogger Logger { get; }
                    string AwsRequestId { get; }
                    System.TimeSpan RemainingTime { get; }
                }
            }

            namespace Amazon.Lambda.AspNetCoreServer
            {
                public abstract class AbstractAspNetCoreFunction
                {
                    protected virtual void Init(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) { }
                }

                public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction { }

                public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction { }
            }
            """));

        /// <summary>Needs the ASP.NET Core references too (the base classes take an <c>IWebHostBuilder</c>).</summary>
        public static MetadataReference AspNetCoreServerAndCore => Reference.Value;

        private static PortableExecutableReference Emit(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Amazon.Lambda.Stubs",
                new[] { CSharpSyntaxTree.ParseText(source) },
                LocalReferenceAssemblies.NetCore.Concat(LocalReferenceAssemblies.AspNetCore),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
