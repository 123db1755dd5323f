using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Bench
{
    /// <summary>
    /// The benchmark: generates a large repository and times whole-process scans against baselines measured in
    /// the same run on the same files, printing medians and ratios (machines differ; ratios travel).
    ///   run [--projects N] [--files M] [--runs R]   generate, then alternate baseline and scan processes
    ///   generate DIR [--projects N] [--files M]     only write the repository
    ///   syntax-floor DIR | bind-floor DIR | scan DIR   one measured process (used by run)
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            var command = args.Length > 0 ? args[0] : "run";
            var projects = Option(args, "--projects", 40);
            var files = Option(args, "--files", 25);
            switch (command)
            {
                case "generate":
                    SyntheticRepository.Generate(args[1], projects, files);
                    return 0;
                case "syntax-floor":
                    return Measure(() => SyntaxFloor(args[1]));
                case "bind-floor":
                    return Measure(() => BindFloor(args[1]));
                case "scan":
                    return Measure(() => Scan(args[1]));
                case "run":
                    return Run(projects, files, Option(args, "--runs", 5));
                default:
                    Console.Error.WriteLine($"unknown command '{command}'");
                    return 2;
            }
        }

        private static int Run(int projects, int files, int runs)
        {
            var root = Path.Combine(Path.GetTempPath(), $"platformfit-bench-{projects}x{files}");
            if (!Directory.Exists(root))
            {
                SyntheticRepository.Generate(root, projects, files);
            }

            var csFiles = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
            var lines = csFiles.Sum(f => File.ReadLines(f).LongCount());
            Console.WriteLine($"repository: {projects} projects, {csFiles.Length} C# files, {lines:N0} lines ({root})");
            Console.WriteLine($"runs: {runs} (+1 warm-up), each a fresh process; medians below");

            var modes = new[] { "syntax-floor", "bind-floor", "scan" };
            var samples = modes.ToDictionary(m => m, _ => new List<(double Seconds, long PeakKb)>());
            for (var run = 0; run <= runs; run++)
            {
                foreach (var mode in modes)
                {
                    var sample = Child(mode, root);
                    if (run > 0)
                    {
                        samples[mode].Add(sample);
                    }
                }
            }

            var floor = Median(samples["syntax-floor"].Select(s => s.Seconds));
            Console.WriteLine();
            Console.WriteLine("| process | wall s (median) | peak MB (median) | ratio to syntax floor |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var mode in modes)
            {
                var seconds = Median(samples[mode].Select(s => s.Seconds));
                var peak = Median(samples[mode].Select(s => (double)s.PeakKb)) / 1024;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode} | {seconds:F2} | {peak:F0} | {seconds / floor:F2} |"));
            }

            return 0;
        }

        /// <summary>Runs one measured mode in a new process of this program: the timing includes start-up, as a user sees it.</summary>
        private static (double Seconds, long PeakKb) Child(string mode, string root)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            var entry = typeof(Program).Assembly.Location;
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(entry);
            }

            start.ArgumentList.Add(mode);
            start.ArgumentList.Add(root);
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            var peak = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("peak-kb=", StringComparison.Ordinal)).Select(l => long.Parse(l[8..], CultureInfo.InvariantCulture)).FirstOrDefault();
            return (watch.Elapsed.TotalSeconds, peak);
        }

        private static int Measure(Func<int> work)
        {
            var result = work();
            Console.WriteLine($"peak-kb={PeakKilobytes()}");
            return result;
        }

        /// <summary>The baseline any C# tool pays: read and parse every file, and visit every node.</summary>
        private static int SyntaxFloor(string root)
        {
            var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
            long nodes = 0;
            Parallel.ForEach(files, file =>
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
                Interlocked.Add(ref nodes, tree.GetRoot().DescendantNodesAndSelf().LongCount());
            });
            Console.WriteLine($"nodes={nodes}");
            return 0;
        }

        /// <summary>What a tool that binds everything pays: one compilation per project, every method body bound.</summary>
        private static int BindFloor(string root)
        {
            var references = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
                .Select(p => { try { return (MetadataReference?)MetadataReference.CreateFromFile(p); } catch (BadImageFormatException) { return null; } })
                .Where(r => r is not null)
                .Cast<MetadataReference>()
                .ToList();
            var diagnostics = 0;
            foreach (var project in Directory.GetDirectories(Path.Combine(root, "src")))
            {
                var trees = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
                    .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
                    .ToList();
                var compilation = CSharpCompilation.Create(Path.GetFileName(project), trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                diagnostics += compilation.GetDiagnostics().Length;
            }

            Console.WriteLine($"diagnostics={diagnostics}");
            return 0;
        }

        private static int Scan(string root)
        {
            var result = ScanEngine.ScanAsync(new ScanRequest(root), TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine($"findings={result.Findings.Count}");
            return 0;
        }

        private static long PeakKilobytes()
        {
            const string Status = "/proc/self/status";
            if (!File.Exists(Status))
            {
                return 0;
            }

            var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static int Option(string[] args, string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }
    }
}
