using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers;

namespace PlatformFit.Cli.Analysis
{
    /// <summary>An analyzer that threw: the finding set of that project may be incomplete.</summary>
    internal sealed record AnalyzerFailure(string Analyzer, string Message);

    /// <summary>What the analyzers reported on one compilation, suppressed diagnostics included.</summary>
    internal sealed record AnalysisOutcome(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<AnalyzerFailure> Failures);

    /// <summary>
    /// Runs PlatformFit's own <see cref="DiagnosticAnalyzer"/>s through <see cref="CompilationWithAnalyzers"/> —
    /// the same classes the IDE runs — so <c>#pragma warning disable</c>, <c>[SuppressMessage]</c> and
    /// <c>.editorconfig</c> severities behave exactly as they do in a build.
    /// </summary>
    internal static class AnalyzerRunner
    {
        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> ProductAnalyzers = new(() =>
            typeof(WebSocketServerOnLambdaAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray());

        /// <summary>Every analyzer in the PlatformFit.Analyzers assembly, in a stable order.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers => ProductAnalyzers.Value;

        public static async Task<AnalysisOutcome> RunAsync(
            Compilation compilation,
            ImmutableArray<AdditionalText> additionalFiles,
            AnalyzerConfigOptionsProvider options,
            SyntaxTreeOptionsProvider severities,
            CancellationToken cancellationToken)
        {
            var configured = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(severities));
            var failures = new ConcurrentQueue<AnalyzerFailure>();
            var analysisOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles, options),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(new AnalyzerFailure(analyzer.GetType().Name, $"{exception.GetType().Name}: {exception.Message}")),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: true);
            var withAnalyzers = configured.WithAnalyzers(Analyzers, analysisOptions);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            // The driver reports analyzer crashes as AD0001 diagnostics as well as through the callback.
            var own = diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
            return new AnalysisOutcome(own, failures.ToArray());
        }
    }
}
