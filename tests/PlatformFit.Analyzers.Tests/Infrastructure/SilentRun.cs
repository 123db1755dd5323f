using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs a test whose C# keeps the markers of the finding it would have (so a silent look-alike reads like
    /// its firing twin) with every marker removed: no diagnostic may be reported.
    /// </summary>
    internal static class SilentRun
    {
        public static Task RunSilentAsync<TAnalyzer>(this ProjectAnalyzerTest<TAnalyzer> test)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            foreach (var source in test.TestState.Sources.ToArray())
            {
                test.TestState.Sources.Remove(source);
                test.TestState.Sources.Add((source.filename, Unmarked(source.content.ToString())));
            }

            test.ExpectedDiagnostics.Clear();
            return test.RunAsync();
        }

        private static string Unmarked(string code) => Regex.Replace(code, @"\{\|#\d+:(.*?)\|\}", "$1", RegexOptions.Singleline);
    }
}
