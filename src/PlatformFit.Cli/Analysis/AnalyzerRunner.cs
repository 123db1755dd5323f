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

        /// <summary>
        /// The union of every analyzer's <see cref="TriggerNamesAttribute"/>; null when an analyzer declares none,
        /// which makes every tree a candidate.
        /// </summary>
        private static readonly Lazy<HashSet<string>?> TriggerNames = new(() =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var analyzer in ProductAnalyzers.Value)
            {
                var declared = (TriggerNamesAttribute?)Attribute.GetCustomAttribute(analyzer.GetType(), typeof(TriggerNamesAttribute));
                if (declared is null)
                {
                    return null;
                }

                names.UnionWith(declared.Names);
            }

            return names;
        });

        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> CompilationLevelAnalyzers = new(() =>
            ProductAnalyzers.Value
                .Where(a => Attribute.GetCustomAttribute(a.GetType(), typeof(TriggerNamesAttribute)) is TriggerNamesAttribute { Names.Length: 0 })
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
            var diagnostics = TriggerNames.Value is { } triggers
                ? await AnalyzeCandidateTreesAsync(withAnalyzers, triggers, cancellationToken).ConfigureAwait(false)
                : await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            // The driver reports analyzer crashes as AD0001 diagnostics as well as through the callback.
            var own = diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
            return new AnalysisOutcome(own, failures.ToArray());
        }

        /// <summary>
        /// Asking the driver for the whole compilation's diagnostics binds every method body; asking per tree binds
        /// only the trees that can hold a finding (and what the call graph walks from there). The findings are the
        /// same: an analyzer reports nothing in a tree without its trigger names — the IDE parity test guards it.
        /// </summary>
        private static async Task<ImmutableArray<Diagnostic>> AnalyzeCandidateTreesAsync(CompilationWithAnalyzers withAnalyzers, HashSet<string> triggers, CancellationToken cancellationToken)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            var compilation = withAnalyzers.Compilation;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!Mentions(tree, triggers, cancellationToken))
                {
                    continue;
                }

                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
                var model = compilation.GetSemanticModel(tree);
                diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false));
            }

            // Analyzers that look at no tree (config-only rules reported at compilation end) declare no trigger
            // names: their compilation-level results are asked for them alone, which binds nothing for them.
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

        private static bool Mentions(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
        {
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
