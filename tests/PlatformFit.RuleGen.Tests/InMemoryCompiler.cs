using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>Compiles generated C# against the assemblies this test process runs with, and loads the result.</summary>
    internal static class InMemoryCompiler
    {
        private static readonly MetadataReference[] References =
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToArray();

        /// <summary>The compiled assembly, loaded in a collectible context; fails the test on any error or warning.</summary>
        public static Assembly CompileAndLoad(string source, string assemblyName)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: assemblyName + ".g.cs") },
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            var reported = emitted.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(emitted.Success && reported.Count == 0, "the generated code does not compile cleanly:\n" + string.Join("\n", reported));

            image.Position = 0;
            return new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(image);
        }
    }
}
