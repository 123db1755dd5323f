using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PlatformFit.Analyzers.Reachability;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// The project's own types that dependency injection keeps as singletons: the implementation type of
    /// <c>AddSingleton&lt;T&gt;()</c>, <c>AddSingleton&lt;IService, T&gt;()</c> and their <c>TryAdd</c> forms. One
    /// instance lives as long as the execution environment, so its fields are state like a static's.
    /// </summary>
    internal static class SingletonServices
    {
        private static readonly ImmutableHashSet<string> Registrations = ImmutableHashSet.Create("AddSingleton", "TryAddSingleton");

        public static ImmutableHashSet<INamedTypeSymbol> Of(Compilation compilation, CancellationToken cancellationToken) =>
            ServiceRegistrations.Of(compilation, ProjectReachability.Get(compilation).Models, Registrations, cancellationToken)
                .Select(r => r.Implementation)
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
    }
}
