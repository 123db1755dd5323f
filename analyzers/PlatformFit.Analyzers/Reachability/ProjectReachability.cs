using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Core.Binding;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// Which code each deployment unit of the project runs. Computed lazily, once per unit and compilation, and
    /// shared by every rule: a trait counts for a unit only when the unit's entry points reach it.
    /// </summary>
    internal sealed class ProjectReachability
    {
        private static readonly ConditionalWeakTable<Compilation, ProjectReachability> Cache = new();

        private readonly Compilation compilation;
        private readonly SemanticModels models;
        private readonly ConcurrentDictionary<BoundUnit, System.Lazy<UnitReachability>> units = new();

        private ProjectReachability(Compilation compilation)
        {
            this.compilation = compilation;
            models = new SemanticModels(compilation);
        }

        public static ProjectReachability Get(Compilation compilation) => Cache.GetValue(compilation, c => new ProjectReachability(c));

        /// <summary>The semantic models the call graph binds with, shared with rules that read code in other trees.</summary>
        public SemanticModels Models => models;

        public UnitReachability For(BoundUnit unit, CancellationToken cancellationToken) =>
            units.GetOrAdd(unit, u => new System.Lazy<UnitReachability>(
                () => UnitReachability.Compute(compilation, models, EntryPointResolver.Resolve(compilation, u, cancellationToken), cancellationToken),
                LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        /// <summary>
        /// The member whose code holds <paramref name="node"/>: the method, accessor, constructor or initializer
        /// (lambdas and local functions belong to the member that declares them); null outside member code.
        /// </summary>
        public static ISymbol? EnclosingMember(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return model.GetDeclaredSymbol(current, cancellationToken);
                    case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                        return (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } declarator }:
                        return model.GetDeclaredSymbol(declarator, cancellationToken);
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return model.GetDeclaredSymbol(property, cancellationToken);
                    case GlobalStatementSyntax:
                        return model.Compilation.GetEntryPoint(cancellationToken);
                    case PrimaryConstructorBaseTypeSyntax { Parent.Parent: TypeDeclarationSyntax type }:
                        return (model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol)?.InstanceConstructors.Length > 0
                            ? ((INamedTypeSymbol)model.GetDeclaredSymbol(type, cancellationToken)!).InstanceConstructors[0]
                            : null;
                    case BaseTypeDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
