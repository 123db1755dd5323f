using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>Runs a look-alike: the same markup-annotated code with every marker removed must report nothing.</summary>
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

            foreach (var file in test.TestState.AdditionalFiles.ToArray())
            {
                test.TestState.AdditionalFiles.Remove(file);
                test.TestState.AdditionalFiles.Add((file.filename, Unmarked(file.content.ToString())));
            }

            return test.RunAsync();
        }

        private static string Unmarked(string code) => Regex.Replace(code, @"\{\|#\d+:(.*?)\|\}", "$1", RegexOptions.Singleline);
    }
}
