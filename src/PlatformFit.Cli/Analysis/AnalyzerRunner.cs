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

    /// <summary>How the analyzers are asked for a compilation's findings: the findings are the same either way.</summary>
    internal enum AnalysisRoute
    {
        /// <summary>Per candidate tree when few trees are candidates, else the whole compilation.</summary>
        Automatic,

        /// <summary>Per candidate tree whatever their number (for tests).</summary>
        PerTree,

        /// <summary>The whole compilation at once (for tests).</summary>
        WholeCompilation,
    }

    /// <summary>
    /// Runs PlatformFit's own <see cref="DiagnosticAnalyzer"/>s through <see cref="CompilationWithAnalyzers"/> —
    /// the same classes the IDE runs — so <c>#pragma warning disable</c>, <c>[SuppressMessage]</c> and
    /// <c>.editorconfig</c> severities behave exactly as they do in a build.
    /// </summary>
    internal static class AnalyzerRunner
    {
        /// <summary>
        /// Per tree is the route for up to this many candidate trees whatever the project's size … Each per-tree request
        /// runs on a fork of the compilation that walks the call graph afresh: on the benchmark a candidate tree cost about
        /// a third of one whole-compilation pass of its 27-tree project (see bench/README.md).
        /// </summary>
        private const int MinPerTreeCandidates = 4;

        /// <summary>… or up to this share of its trees (1/N).</summary>
        private const int PerTreeShare = 8;

        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> ProductAnalyzers = new(() =>
            typeof(WebSocketServerOnLambdaAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray());

        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> CompilationLevelAnalyzers = new(() =>
            ProductAnalyzers.Value.Where(TreeTriggers.LooksAtNoTree).ToImmutableArray());

        /// <summary>Every analyzer in the PlatformFit.Analyzers assembly, in a stable order.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers => ProductAnalyzers.Value;

        public static async Task<AnalysisOutcome> RunAsync(
            Compilation compilation,
            ImmutableArray<AdditionalText> additionalFiles,
            AnalyzerConfigOptionsProvider options,
            SyntaxTreeOptionsProvider severities,
            AnalysisRoute route,
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
            var candidates = route == AnalysisRoute.WholeCompilation ? null : CandidateTrees(withAnalyzers.Compilation, analysisOptions.Options!, route, cancellationToken);
            var diagnostics = candidates is not null
                ? await AnalyzeCandidateTreesAsync(withAnalyzers, candidates, cancellationToken).ConfigureAwait(false)
                : await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            // The driver reports analyzer crashes as AD0001 diagnostics as well as through the callback.
            var own = diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
            return new AnalysisOutcome(own, failures.ToArray());
        }

        /// <summary>
        /// The trees that can hold a finding (see <see cref="TriggerNamesAttribute"/>); null when the whole compilation is
        /// the cheaper question: an analyzer declares no triggers, or so many trees are candidates that asking per tree —
        /// each request a fresh fork of the compilation, whose per-compilation caches start empty — costs more than one
        /// pass over everything.
        /// </summary>
        private static List<SyntaxTree>? CandidateTrees(Compilation compilation, AnalyzerOptions options, AnalysisRoute route, CancellationToken cancellationToken)
        {
            var triggers = TreeTriggers.For(compilation, options, Analyzers, cancellationToken);
            if (triggers is null)
            {
                return null;
            }

            var most = route == AnalysisRoute.PerTree ? int.MaxValue : MaxPerTreeCandidates(compilation.SyntaxTrees.Count());
            var candidates = new List<SyntaxTree>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (triggers.Matches(tree, cancellationToken))
                {
                    candidates.Add(tree);
                    if (candidates.Count > most)
                    {
                        return null;
                    }
                }
            }

            return candidates;
        }

        private static int MaxPerTreeCandidates(int trees) => Math.Max(MinPerTreeCandidates, trees / PerTreeShare);

        /// <summary>
        /// Asking the driver for the whole compilation's diagnostics binds every method body; asking per tree binds
        /// only the trees that can hold a finding (and what the call graph walks from there). The findings are the
        /// same: an analyzer reports nothing in a tree without its triggers — the route parity test guards it.
        /// </summary>
        private static async Task<ImmutableArray<Diagnostic>> AnalyzeCandidateTreesAsync(CompilationWithAnalyzers withAnalyzers, List<SyntaxTree> candidates, CancellationToken cancellationToken)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var compilation = withAnalyzers.Compilation;
            foreach (var tree in candidates)
            {
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
                var model = compilation.GetSemanticModel(tree);
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false));
            }

            // Analyzers that look at no tree (config-only rules reported at compilation end) declare no triggers: their
            // compilation-level results are asked for them alone, which binds nothing for them.
            var compilationLevel = CompilationLevelAnalyzers.Value;
            if (!compilationLevel.IsEmpty)
            {
                var result = await withAnalyzers.GetAnalysisResultAsync(compilationLevel, cancellationToken).ConfigureAwait(false);
                foreach (var perAnalyzer in result.CompilationDiagnostics.Values)
                {
                    diagnostics.AddRange(perAnalyzer);
                }

                // A config rule on a unit the code declares (Lambda Annotations) reports in a source file: the driver
                // files those under the tree, not under the compilation.
                foreach (var perTree in result.SemanticDiagnostics.Values)
                {
                    foreach (var perAnalyzer in perTree.Values)
                    {
                        diagnostics.AddRange(perAnalyzer);
                    }
                }
            }

            return diagnostics.ToImmutable();
        }
    }
}
