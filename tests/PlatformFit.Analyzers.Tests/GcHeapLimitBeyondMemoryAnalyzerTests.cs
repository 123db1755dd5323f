using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3002")]
    public class GcHeapLimitBeyondMemoryAnalyzerTests
    {
        private static ProjectAnalyzerTest<GcHeapLimitBeyondMemoryAnalyzer> Exports(string serverless) =>
            new ProjectAnalyzerTest<GcHeapLimitBeyondMemoryAnalyzer>("Exports", "/repo/src/Exports", aspNetCore: false)
                .WithSource("Function.cs", """
                    namespace Exports;

                    public sealed class Function
                    {
                        public string Handle(string day) => day;
                    }
                    """)
                .WithConfig("serverless.yml", serverless);

        [Fact]
        public async Task Reports_a_heap_limit_above_the_memory_on_the_config_line_with_the_memory_as_related_location()
        {
            await Exports("""
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    memorySize: {|#1:1024|}
                    environment:
                      DOTNET_GCHeapHardLimit: {|#0:0x80000000|}
                """)
                .Expect(new DiagnosticResult("PF3002", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1).WithArguments(
                    "DOTNET_GCHeapHardLimit lets the GC heap grow to",
                    "2,048 MB",
                    "serverless.yml(9,31)",
                    "export",
                    "1,024 MB (serverless.yml(7,17))",
                    "the environment runs out of memory before the GC collects, so set the limit below the memory size or remove it"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_heap_limit_within_the_memory()
        {
            await Exports("""
                provider:
                  name: aws
                  environment:
                    DOTNET_GCHeapHardLimit: 0x30000000
                functions:
                  export:
                    handler: Exports::Exports.Function::Handle
                    memorySize: 1024
                """).RunAsync();
        }
    }
}
