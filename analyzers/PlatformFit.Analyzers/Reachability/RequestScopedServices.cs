using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// The project's own services that dependency injection builds anew for every request (or every resolution):
    /// <c>AddScoped&lt;T&gt;()</c>, <c>AddTransient&lt;IService, T&gt;()</c> and their <c>TryAdd</c> forms, by the
    /// service type code asks for. Code that takes one as a parameter on the request path runs its constructor per
    /// request.
    /// </summary>
    internal static class RequestScopedServices
    {
        private static readonly ImmutableHashSet<string> Registrations = ImmutableHashSet.Create(
            "AddScoped", "AddTransient", "TryAddScoped", "TryAddTransient");

        private static readonly ConditionalWeakTable<Compilation, StrongBox<ImmutableDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>>>> Cache = new();

        /// <summary>The implementation types registered per request for <paramref name="service"/>; empty when none.</summary>
        public static ImmutableArray<INamedTypeSymbol> For(Compilation compilation, SemanticModels models, ITypeSymbol service, CancellationToken cancellationToken)
        {
            var map = Cache.GetValue(compilation, c => new StrongBox<ImmutableDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>>>(Collect(c, models, cancellationToken))).Value;
            return map.TryGetValue(service, out var implementations) ? implementations : ImmutableArray<INamedTypeSymbol>.Empty;
        }

        private static ImmutableDictionary<ITypeSymbol, ImmutableArray<INamedTypeSymbol>> Collect(Compilation compilation, SemanticModels models, CancellationToken cancellationToken)
        {
            var result = ImmutableDictionary.CreateBuilder<ITypeSymbol, ImmutableArray<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var group in ServiceRegistrations.Of(compilation, models, Registrations, cancellationToken).GroupBy(r => r.Service, SymbolEqualityComparer.Default))
            {
                result[(ITypeSymbol)group.Key!] = group.Select(r => r.Implementation).ToImmutableArray();
            }

            return result.ToImmutable();
        }
    }
}
