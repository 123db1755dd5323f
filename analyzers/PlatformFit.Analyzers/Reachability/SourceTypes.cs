using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>The compilation's own named types (nested ones included), listed once per compilation.</summary>
    internal static class SourceTypes
    {
        private static readonly ConditionalWeakTable<Compilation, StrongBox<ImmutableArray<INamedTypeSymbol>>> Cache = new();

        public static ImmutableArray<INamedTypeSymbol> All(Compilation compilation, CancellationToken cancellationToken) =>
            Cache.GetValue(compilation, c => new StrongBox<ImmutableArray<INamedTypeSymbol>>(Collect(c, cancellationToken))).Value;

        private static ImmutableArray<INamedTypeSymbol> Collect(Compilation compilation, CancellationToken cancellationToken)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.SourceModule.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        pending.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type && EntryPointResolver.IsSource(type))
                    {
                        types.Add(type);
                        pending.Push(type);
                    }
                }
            }

            return types.ToImmutable();
        }
    }
}
