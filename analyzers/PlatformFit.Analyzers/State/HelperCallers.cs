using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Reachability;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// One level up from a helper that stores whatever it is given (<c>Cache.Set(string key, object value)</c>):
    /// when the written value and its key come only from the helper's parameters, what its callers pass decides.
    /// A helper whose every call in the project passes a value derived from the key it passes (data loaded by that
    /// key, a computation of it) is a memo; one that is also called through a delegate, or never called from the
    /// project's code (an entry point), is judged by its own parameters as before.
    /// </summary>
    internal static class HelperCallers
    {
        private static readonly char[] PathSeparators = { '.', '[' };

        public static bool AllPassKeyDerivedData(ISymbol? containing, StateWrite write, SemanticModel model, CancellationToken cancellationToken)
        {
            if (containing is not IMethodSymbol { MethodKind: MethodKind.Ordinary, Parameters.Length: > 0 } method)
            {
                return false;
            }

            var parameters = new HashSet<string>(method.Parameters.Select(p => p.Name), System.StringComparer.Ordinal);
            var valuePaths = RequestDataPaths.Of(write.Values, model, cancellationToken);
            var keyPaths = RequestDataPaths.Of(write.Keys, model, cancellationToken);
            if (valuePaths.Count == 0 || !valuePaths.Concat(keyPaths).All(p => parameters.Contains(Root(p))))
            {
                return false;
            }

            var models = ProjectReachability.Get(model.Compilation).Models;
            var calls = 0;
            foreach (var tree in model.Compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (tree.GetText(cancellationToken).ToString().IndexOf(method.Name, System.StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>().Where(n => n.Identifier.ValueText == method.Name))
                {
                    var treeModel = models.For(tree);
                    var info = treeModel.GetSymbolInfo(name, cancellationToken);
                    var symbols = info.Symbol is { } bound ? new[] { bound } : info.CandidateSymbols.ToArray();
                    if (!symbols.Any(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, method.OriginalDefinition)))
                    {
                        continue;
                    }

                    var invoked = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member : (ExpressionSyntax)name;
                    if (invoked.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != invoked ||
                        treeModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
                    {
                        // A method group handed on, or a call that does not bind: who knows what it is given.
                        return false;
                    }

                    // The helper's paths with each parameter replaced by what this call passes for it:
                    // 'order.Id' with 'order' given 'stored' reads 'stored.Id'.
                    var passed = call.Arguments
                        .Where(a => a.Parameter is not null)
                        .GroupBy(a => a.Parameter!.Name)
                        .ToDictionary(g => g.Key, g => RequestDataPaths.Of(g.Select(a => a.Value), treeModel, cancellationToken), System.StringComparer.Ordinal);
                    var values = Substitute(valuePaths, passed);
                    var keys = Substitute(keyPaths, passed);
                    if (RequestDataPaths.NotDerivedFromKeys(values, keys) is not null)
                    {
                        return false;
                    }

                    calls++;
                }
            }

            return calls > 0;
        }

        private static List<string> Substitute(IEnumerable<string> paths, Dictionary<string, IReadOnlyList<string>> passed) =>
            paths.SelectMany(path =>
            {
                var root = Root(path);
                var rest = path.Substring(root.Length);
                return passed.TryGetValue(root, out var given) ? given.Select(g => g + rest) : Enumerable.Empty<string>();
            }).ToList();

        /// <summary>The variable a path starts at: <c>request</c> of <c>request.Cart.Items</c>.</summary>
        private static string Root(string path)
        {
            var end = path.IndexOfAny(PathSeparators);
            return end < 0 ? path : path.Substring(0, end);
        }
    }
}
