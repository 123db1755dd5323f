using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3002")]
    public class AllocationLargerThanMemoryAnalyzerTests
    {
        /// <summary>An image resizer with 1,024 MB of memory; the handler is <c>Images::Images.Resizer::Handle</c>.</summary>
        private const string Resizer1024 = """
            service: images
            provider:
              name: aws
              runtime: dotnet8
            functions:
              resize:
                handler: Images::Images.Resizer::Handle
                memorySize: {|#1:1024|}
                events:
                  - s3: uploads
            """;

        private static DiagnosticResult PF3002(int codeMarker = 0, int configMarker = 1) =>
            new DiagnosticResult("PF3002", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(configMarker);

        private static ProjectAnalyzerTest<AllocationLargerThanMemoryAnalyzer> Resizer(string code, string serverless = Resizer1024)
        {
            var test = new ProjectAnalyzerTest<AllocationLargerThanMemoryAnalyzer>("Images", "/repo/src/Images", aspNetCore: false) { TestCode = string.Empty };
            return test.WithSource("Resizer.cs", code).WithConfig("serverless.yml", serverless);
        }

        [Fact]
        public async Task Reports_a_byte_array_larger_than_the_memory_with_both_numbers_and_places()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key)
                    {
                        var buffer = {|#0:new byte[1_500_000_000]|};
                        return buffer.Length;
                    }
                }
                """)
                .Expect(PF3002().WithArguments("'new byte[1_500_000_000]' allocates", "1,430.5 MB", "Resizer.cs(7,31)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task Counts_the_element_size_of_primitives_references_and_dimensions()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    private const int Pixels = 150_000_000;

                    public int Handle(string key)
                    {
                        var histogram = {|#0:new long[Pixels]|};
                        var names = {|#2:new string[Pixels]|};
                        var cube = {|#3:new byte[1024, 1024, 1100]|};
                        var small = new long[1_000_000];
                        return histogram.Length + names.Length + cube.Length + small.Length;
                    }
                }
                """)
                .Expect(
                    PF3002().WithArguments("'new long[Pixels]' allocates", "1,144.4 MB", "Resizer.cs(5,23)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"),
                    PF3002(2).WithArguments("'new string[Pixels]' allocates", "1,144.4 MB", "Resizer.cs(5,23)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"),
                    PF3002(3).WithArguments("'new byte[1024, 1024, 1100]' allocates", "1,100 MB", "Resizer.cs(11,29)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_MemoryStream_capacity_a_pooled_rent_and_an_uninitialized_array()
        {
            await Resizer("""
                using System;
                using System.Buffers;
                using System.IO;

                namespace Images;

                public sealed class Resizer
                {
                    private static readonly int Capacity = 1200 * 1024 * 1024;

                    public long Handle(string key)
                    {
                        using var output = {|#0:new MemoryStream(Capacity)|};
                        var rented = {|#2:ArrayPool<byte>.Shared.Rent(2_000_000_000)|};
                        var scratch = {|#3:GC.AllocateUninitializedArray<int>(300_000_000)|};
                        ArrayPool<byte>.Shared.Return(rented);
                        return output.Capacity + scratch.Length;
                    }
                }
                """)
                .Expect(
                    PF3002().WithArguments("'new MemoryStream' allocates", "1,200 MB", "Resizer.cs(9,33)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"),
                    PF3002(2).WithArguments("'ArrayPool<byte>.Rent' allocates", "1,907.3 MB", "Resizer.cs(14,50)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"),
                    PF3002(3).WithArguments("'GC.AllocateUninitializedArray<int>' allocates", "1,144.4 MB", "Resizer.cs(15,58)", "resize", "1,024 MB (serverless.yml(8,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task The_Serverless_Framework_default_memory_counts_and_the_message_says_it_is_the_default()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => {|#0:new byte[1100 * 1024 * 1024]|}.Length;
                }
                """, """
                provider:
                  name: aws
                functions:
                  {|#1:resize|}:
                    handler: Images::Images.Resizer::Handle
                """)
                .Expect(PF3002().WithArguments(
                    "'new byte[1100 * 1024 * 1024]' allocates",
                    "1,100 MB",
                    "Resizer.cs(5,47)",
                    "resize",
                    "the Serverless Framework default of 1,024 MB (no memory size is set at serverless.yml(4,3))",
                    "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_allocations_in_code_the_handler_reaches_with_a_small_memory_size()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => Thumbnails.Render(key);
                }

                internal static class Thumbnails
                {
                    private const int Canvas = 8192 * 8192 * 5;

                    public static int Render(string key) => {|#0:new byte[Canvas]|}.Length + key.Length;
                }
                """, """
                provider:
                  name: aws
                  memorySize: {|#1:256|}
                functions:
                  resize:
                    handler: Images::Images.Resizer::Handle
                """)
                .Expect(PF3002().WithArguments("'new byte[Canvas]' allocates", "320 MB", "Resizer.cs(10,23)", "resize", "256 MB (serverless.yml(3,15))", "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_allocations_within_the_memory()
        {
            await Resizer("""
                using System.IO;

                namespace Images;

                public sealed class Resizer
                {
                    public long Handle(string key)
                    {
                        var frame = new byte[512 * 1024 * 1024];
                        var exactly = new byte[1024 * 1024 * 1024];
                        using var stream = new MemoryStream(64 * 1024 * 1024);
                        return frame.Length + exactly.Length + stream.Capacity;
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_sizes_computed_at_run_time_stackalloc_and_unknown_structs()
        {
            await Resizer("""
                using System;
                using System.IO;

                namespace Images;

                public struct Pixel
                {
                    public byte R, G, B, A;
                }

                public sealed class Resizer
                {
                    public int Handle(string key)
                    {
                        var body = new byte[key.Length * 1_000_000];
                        Span<byte> header = stackalloc byte[256];
                        var pixels = new Pixel[500_000_000];
                        using var copy = new MemoryStream(new byte[16]);
                        return body.Length + header.Length + pixels.Length + (int)copy.Length;
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_code_the_unit_does_not_run()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => key.Length;
                }

                public static class BatchExport
                {
                    public static int Run() => new byte[2_000_000_000].Length;
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_memory_size_is_unknown_and_the_allocation_is_within_the_platform_maximum()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => new byte[2_000_000_000].Length;
                }
                """, """
                provider:
                  name: aws
                functions:
                  resize:
                    handler: Images::Images.Resizer::Handle
                    memorySize: ${ssm:/images/resize-memory}
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_an_allocation_beyond_the_platform_maximum_when_the_memory_size_is_unknown()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => {|#0:new double[1_500_000_000]|}.Length;
                }
                """, """
                provider:
                  name: aws
                functions:
                  resize:
                    handler: Images::Images.Resizer::Handle
                    memorySize: {|#1:${ssm:/images/resize-memory}|}
                """)
                .Expect(PF3002().WithArguments(
                    "'new double[1_500_000_000]' allocates",
                    "11,444.1 MB",
                    "Resizer.cs(5,49)",
                    "resize",
                    "at most 10,240 MB, the AWS Lambda maximum (the configured memory size cannot be evaluated: '${ssm:/images/resize-memory}' is resolved at deploy time)",
                    "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task On_managed_instances_an_unknown_memory_size_has_no_certain_maximum_but_a_known_one_still_counts()
        {
            await Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => new double[1_500_000_000].Length;

                    public int Archive(string key) => {|#0:new byte[20_000_000_000L]|}.Length;
                }
                """, """
                provider:
                  name: aws
                functions:
                  resize:
                    handler: Images::Images.Resizer::Handle
                    capacityProvider: analytics-fleet
                    memorySize: ${ssm:/images/resize-memory}
                  archive:
                    handler: Images::Images.Resizer::Archive
                    capacityProvider: analytics-fleet
                    memorySize: {|#1:16384|}
                """)
                .Expect(PF3002().WithArguments("'new byte[20_000_000_000L]' allocates", "19,073.5 MB", "Resizer.cs(7,48)", "archive", "16,384 MB (serverless.yml(11,17))", "the allocation cannot succeed there, so stream the data or raise the memory size"))
                .RunAsync();
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = Resizer("""
                namespace Images;

                public sealed class Resizer
                {
                    public int Handle(string key) => new byte[1_500_000_000].Length;
                }
                """);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF3002.severity = none
                """));
            await test.RunSilentAsync();
        }
    }
}
