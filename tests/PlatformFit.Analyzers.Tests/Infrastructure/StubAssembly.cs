using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Compiles package types a test needs (Amazon.Lambda.RuntimeSupport, AWSSDK.Core …, not in the registry) into
    /// an assembly reference, so they bind as metadata the way a restored package's types do, not as source.
    /// </summary>
    internal static class StubAssembly
    {
        public static MetadataReference Emit(string name, string source)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, LocalReferenceAssemblies.NetCore, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
