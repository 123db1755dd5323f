using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>The source members a virtual, abstract or interface member can dispatch to, found once per member.</summary>
    internal static class Implementations
    {
        private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>>> Cache = new();

        public static ImmutableArray<IMethodSymbol> Of(Compilation compilation, ISymbol member, CancellationToken cancellationToken)
        {
            if (member is not IMethodSymbol method)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var perCompilation = Cache.GetValue(compilation, _ => new ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default));
            return perCompilation.GetOrAdd(method, m => Find(compilation, (IMethodSymbol)m, cancellationToken));
        }

        private static ImmutableArray<IMethodSymbol> Find(Compilation compilation, IMethodSymbol method, CancellationToken cancellationToken)
        {
            var found = new List<IMethodSymbol>();
            var isInterfaceMember = method.ContainingType.TypeKind == TypeKind.Interface;
            foreach (var type in SourceTypes.All(compilation, cancellationToken))
            {
                if (isInterfaceMember)
                {
                    foreach (var contract in type.AllInterfaces)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(contract.OriginalDefinition, method.ContainingType.OriginalDefinition))
                        {
                            continue;
                        }

                        foreach (var candidate in contract.GetMembers(method.Name))
                        {
                            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method) &&
                                type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation)
                            {
                                found.Add(implementation);
                            }
                        }
                    }

                    continue;
                }

                foreach (var candidate in type.GetMembers(method.Name))
                {
                    for (var overridden = (candidate as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method))
                        {
                            found.Add((IMethodSymbol)candidate);
                            break;
                        }
                    }
                }
            }

            return found.ToImmutableArray();
        }
    }
}
