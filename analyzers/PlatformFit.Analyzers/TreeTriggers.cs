using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Syntax;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// The <see cref="TriggerNamesAttribute"/>s of a set of analyzers, read for one compilation: which of its syntax
    /// trees can hold a finding of any of them. For hosts that analyse per tree (the CLI); the IDE does not use it.
    /// </summary>
    public sealed class TreeTriggers
    {
        private readonly ImmutableHashSet<string> names;
        private readonly ImmutableArray<string[]> patterns;
        private readonly ImmutableArray<string> words;
        private readonly TriggerShapes shapes;

        /// <summary>The names of the members that can hold state, computed only when a tree holds no other trigger; null when no analyzer asks.</summary>
        private readonly Lazy<ImmutableHashSet<string>>? stateNames;

        private TreeTriggers(ImmutableHashSet<string> names, ImmutableArray<string[]> patterns, ImmutableArray<string> words, TriggerShapes shapes, Lazy<ImmutableHashSet<string>>? stateNames)
        {
            this.names = names;
            this.patterns = patterns;
            this.words = words;
            this.shapes = shapes;
            this.stateNames = stateNames;
        }

        /// <summary>
        /// The triggers of <paramref name="analyzers"/> on <paramref name="compilation"/> (the options are those the
        /// analyzers run with: state member names depend on the deployment); null when an analyzer declares none,
        /// which makes every tree a candidate.
        /// </summary>
        public static TreeTriggers? For(Compilation compilation, AnalyzerOptions options, IEnumerable<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var patterns = ImmutableArray.CreateBuilder<string[]>();
            var words = ImmutableArray.CreateBuilder<string>();
            var shapes = TriggerShapes.None;
            foreach (var analyzer in analyzers)
            {
                if (Declared(analyzer) is not { } declared)
                {
                    return null;
                }

                foreach (var name in declared.Names)
                {
                    if (name.IndexOf('*') >= 0)
                    {
                        patterns.Add(name.Split('*'));
                    }
                    else
                    {
                        names.Add(name);
                    }
                }

                words.AddRange(declared.Text);
                shapes |= declared.Shapes;
            }

            // The state member names need the deployment and every source type's members: asked for only when a tree
            // holds no other trigger, so that a compilation whose trees all have one pays nothing for them.
            var stateNames = (shapes & TriggerShapes.StateMemberName) == 0
                ? null
                : new Lazy<ImmutableHashSet<string>>(() => RequestDataInStaticStateAnalyzer.StateNames(compilation, options, cancellationToken));
            shapes &= ~TriggerShapes.StateMemberName;
            return new TreeTriggers(names.ToImmutable(), patterns.ToImmutable(), words.ToImmutable(), shapes, stateNames);
        }

        /// <summary>Whether the analyzer declares that it looks at no tree (a config-only rule, reported at compilation end).</summary>
        public static bool LooksAtNoTree(DiagnosticAnalyzer analyzer) =>
            Declared(analyzer) is { Names.Length: 0, Text.Length: 0, Shapes: TriggerShapes.None };

        /// <summary>Whether <paramref name="tree"/> contains a trigger of any of the analyzers.</summary>
        public bool Matches(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            // Walking a tree builds its red nodes: skip it when the text cannot hold a name (an identifier written with a
            // Unicode escape has a name its text does not show).
            var escaped = text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0;
            var mayName = escaped ||
                names.Any(n => text.IndexOf(n, StringComparison.Ordinal) >= 0) ||
                patterns.Any(p => p.All(part => text.IndexOf(part, StringComparison.Ordinal) >= 0));
            if (mayName || shapes != TriggerShapes.None)
            {
                foreach (var item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens())
                {
                    if (item.IsToken)
                    {
                        if (mayName && item.IsKind(SyntaxKind.IdentifierToken) && IsName(item.AsToken().ValueText))
                        {
                            return true;
                        }
                    }
                    else if (shapes != TriggerShapes.None && HasShape(item.AsNode()!))
                    {
                        return true;
                    }
                }
            }

            return stateNames is not null && MentionsAny(tree, stateNames.Value, cancellationToken);
        }

        private static bool MentionsAny(SyntaxTree tree, ImmutableHashSet<string> identifiers, CancellationToken cancellationToken)
        {
            if (identifiers.IsEmpty)
            {
                return false;
            }

            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && identifiers.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private static TriggerNamesAttribute? Declared(DiagnosticAnalyzer analyzer) =>
            (TriggerNamesAttribute?)Attribute.GetCustomAttribute(analyzer.GetType(), typeof(TriggerNamesAttribute));

        private bool IsName(string identifier)
        {
            if (names.Contains(identifier))
            {
                return true;
            }

            foreach (var pattern in patterns)
            {
                if (Matches(identifier, pattern))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A <c>*</c> pattern split at its stars: the first part is a prefix, the last a suffix, the others occur in order.</summary>
        private static bool Matches(string identifier, string[] parts)
        {
            if (!identifier.StartsWith(parts[0], StringComparison.Ordinal) || !identifier.EndsWith(parts[parts.Length - 1], StringComparison.Ordinal) ||
                identifier.Length < parts[0].Length + parts[parts.Length - 1].Length)
            {
                return false;
            }

            var position = parts[0].Length;
            var end = identifier.Length - parts[parts.Length - 1].Length;
            for (var i = 1; i < parts.Length - 1; i++)
            {
                var found = identifier.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                position = found + parts[i].Length;
            }

            return true;
        }

        private bool HasShape(SyntaxNode node) => node switch
        {
            ArrayCreationExpressionSyntax array => Has(TriggerShapes.SizedArrayCreation) &&
                array.Type.RankSpecifiers.FirstOrDefault()?.Sizes is { Count: > 0 } sizes && !sizes.Any(s => s is OmittedArraySizeExpressionSyntax),
            ImplicitObjectCreationExpressionSyntax creation => Has(TriggerShapes.UnwrittenTargetTypedNew) && WrittenTypeName.Of(creation) is null,
            MethodDeclarationSyntax method => Has(TriggerShapes.AsyncVoidMethod) && IsAsyncVoid(method.Modifiers, method.ReturnType),
            LocalFunctionStatementSyntax local => Has(TriggerShapes.AsyncVoidMethod) && IsAsyncVoid(local.Modifiers, local.ReturnType),
            AnonymousFunctionExpressionSyntax lambda => Has(TriggerShapes.AsyncLambda) && lambda.AsyncKeyword.RawKind != 0,
            InvocationExpressionSyntax invocation => Has(TriggerShapes.DiscardedInvocation) && FrozenBackgroundWorkAnalyzer.LooksDiscarded(invocation),
            _ => false,
        };

        private bool Has(TriggerShapes shape) => (shapes & shape) != 0;

        private static bool IsAsyncVoid(SyntaxTokenList modifiers, TypeSyntax returnType) =>
            modifiers.Any(SyntaxKind.AsyncKeyword) && returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };
    }
}
