using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PlatformFit.Core.Binding;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>When the platform runs an entry point: for every event, or once when it sets up an execution environment.</summary>
    internal enum EntryPhase
    {
        /// <summary>Called for every event or request: the handler method, a controller action, an endpoint delegate.</summary>
        Invocation,

        /// <summary>
        /// Run once per execution environment, which later invocations reuse: the handler type's constructor, the
        /// program's <c>Main</c> in the executable form, the <c>Init</c> overrides of the Lambda ASP.NET Core base classes.
        /// </summary>
        Init,
    }

    /// <summary>A member the platform calls into, and why PlatformFit believes it does.</summary>
    internal sealed record EntryPoint(ISymbol Member, string Description)
    {
        public EntryPhase Phase { get; init; } = EntryPhase.Invocation;
    }

    /// <summary>
    /// Where a deployment unit's platform calls into the project: the handler method a
    /// <c>Assembly::Type::Method</c> string names (with the overrides the Lambda base classes call, such as
    /// <c>Init</c>), the program's entry point for the executable form, and for ASP.NET Core apps every
    /// controller action and SignalR hub method, which the framework calls by routing.
    /// </summary>
    internal static class EntryPointResolver
    {
        /// <summary>
        /// Overrides the Lambda ASP.NET Core base classes (<c>AbstractAspNetCoreFunction</c>) call while they build the
        /// host, once per execution environment; their other overrides (<c>PostMarshallRequestFeature</c> …) run per request.
        /// </summary>
        private static readonly HashSet<string> InitOverrides = new(StringComparer.Ordinal)
        {
            "Init", "CreateWebHostBuilder", "CreateHostBuilder", "PostCreateWebHost", "PostCreateHost",
        };

        /// <summary>
        /// The unit's entry points; empty when the handler names nothing PlatformFit can find (a handler rule
        /// reports that; no code then counts as the unit's).
        /// </summary>
        public static IReadOnlyList<EntryPoint> Resolve(Compilation compilation, BoundUnit unit, CancellationToken cancellationToken)
        {
            var entries = new List<EntryPoint>();
            var handler = unit.Handler;
            if (handler is { IsExecutable: false, TypeName: { } typeName, MethodName: { } methodName })
            {
                AddHandlerType(compilation, typeName, methodName, entries);
            }
            else
            {
                var main = compilation.GetEntryPoint(cancellationToken);
                if (main is not null)
                {
                    entries.Add(new EntryPoint(main, $"'{Describe(main)}', the program's entry point") { Phase = EntryPhase.Init });
                }
            }

            if (entries.Count > 0)
            {
                AddRoutedMembers(compilation, entries, cancellationToken);
            }

            return entries;
        }

        private static void AddHandlerType(Compilation compilation, string typeName, string methodName, List<EntryPoint> entries)
        {
            var type = compilation.GetTypeByMetadataName(typeName);
            if (type is null && methodName.Length > 0)
            {
                // Lambda Annotations handlers name the generated wrapper (Functions_Add_Generated::Add), which a
                // scan that runs no source generator does not have: the attributed method is the real entry.
                var generated = "_" + methodName + "_Generated";
                if (typeName.EndsWith(generated, StringComparison.Ordinal))
                {
                    type = compilation.GetTypeByMetadataName(typeName.Substring(0, typeName.Length - generated.Length));
                }
            }

            if (type is null)
            {
                return;
            }

            for (var current = type; current is not null && IsSource(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers(methodName))
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                    {
                        entries.Add(new EntryPoint(method, $"'{Describe(method)}', the handler of the deployment unit"));
                    }
                }
            }

            // The runtime constructs the handler type; base classes from packages (APIGatewayProxyFunction,
            // ApplicationLoadBalancerFunction …) call the type's overrides of their virtual members (Init, Startup).
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                {
                    entries.Add(new EntryPoint(constructor, $"'{Describe(constructor)}', run when the platform creates the handler") { Phase = EntryPhase.Init });
                }
                else if (member is IMethodSymbol { IsOverride: true, OverriddenMethod: { } overridden } method && !IsSource(overridden))
                {
                    entries.Add(new EntryPoint(method, $"'{Describe(method)}', called by '{overridden.ContainingType.Name}'")
                    {
                        Phase = InitOverrides.Contains(method.Name) ? EntryPhase.Init : EntryPhase.Invocation,
                    });
                }
            }
        }

        /// <summary>Controller actions and hub methods: ASP.NET Core calls them by routing, not by a call in the code.</summary>
        private static void AddRoutedMembers(Compilation compilation, List<EntryPoint> entries, CancellationToken cancellationToken)
        {
            foreach (var type in SourceTypes.All(compilation, cancellationToken))
            {
                var role = RoutedRole(type);
                if (role is null)
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false } method)
                    {
                        entries.Add(new EntryPoint(method, $"'{Describe(method)}', a {role} ASP.NET Core routes requests to"));
                    }
                    else if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
                    {
                        // ASP.NET Core activates controllers and hubs for every request (or hub call), not once.
                        entries.Add(new EntryPoint(constructor, $"'{Describe(constructor)}', run for every request: ASP.NET Core creates a {RoutedOwner(role)} per request"));
                    }
                }
            }
        }

        private static string RoutedOwner(string role) => role == "controller action" ? "controller" : "hub";

        /// <summary>"controller action" or "SignalR hub method" for a type ASP.NET Core routes requests to; null for any other type.</summary>
        internal static string? RoutedRole(INamedTypeSymbol type)
        {
            if (type.IsAbstract || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                switch (current.Name)
                {
                    case "ControllerBase" or "Controller" when current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc" || current.TypeKind == TypeKind.Error:
                        return "controller action";
                    case "Hub" when current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.SignalR" || current.TypeKind == TypeKind.Error:
                        return "SignalR hub method";
                }
            }

            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "ApiControllerAttribute" or "ApiController")
                {
                    return "controller action";
                }
            }

            return null;
        }

        internal static bool IsSource(ISymbol symbol) => symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource;

        internal static string Describe(ISymbol symbol) => symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"{constructor.ContainingType.Name}.{constructor.ContainingType.Name}",
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda => $"lambda in {Describe(lambda.ContainingSymbol)}",
            IMethodSymbol { MethodKind: MethodKind.LocalFunction } local => local.Name,
            IMethodSymbol method when method.ContainingType is { IsImplicitlyDeclared: true } || method.Name == "<Main>$" => "top-level statements",
            _ => $"{symbol.ContainingType?.Name}.{symbol.Name}",
        };
    }
}
