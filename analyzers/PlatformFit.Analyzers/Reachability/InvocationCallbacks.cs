using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Analyzers.Syntax;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// Framework methods that take a delegate at start-up and call it for every request or event: ASP.NET Core
    /// endpoints (<c>app.MapGet("/", () => …)</c>) and middleware (<c>app.Use</c>, <c>app.Run</c>), and the Lambda
    /// runtime's bootstrap of the executable form (<c>LambdaBootstrapBuilder.Create(handler, …)</c>). The code
    /// that registers the delegate runs once per execution environment; the delegate runs per invocation.
    /// </summary>
    internal static class InvocationCallbacks
    {
        private const string PerRequest = "ASP.NET Core calls it for every request";
        private const string PerEvent = "the Lambda runtime calls it for every invocation";
        private const string PerRequestScope = "ASP.NET Core creates a dependency injection scope for every request, where the container calls it";
        private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";

        /// <summary>Registrations whose factory runs in every request's scope (scoped) or on every resolution (transient).</summary>
        private static readonly HashSet<string> PerRequestRegistrations = new(StringComparer.Ordinal)
        {
            "AddScoped", "AddTransient", "TryAddScoped", "TryAddTransient",
            "AddKeyedScoped", "AddKeyedTransient", "TryAddKeyedScoped", "TryAddKeyedTransient",
        };

        /// <summary>Endpoint mappings: the delegate parameter is named <c>handler</c> or <c>requestDelegate</c>.</summary>
        private static readonly HashSet<string> EndpointMethods = new(StringComparer.Ordinal)
        {
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
        };

        /// <summary>
        /// Methods a name-based match may trust when the framework does not resolve. <c>Map</c> is left out: on
        /// <c>IApplicationBuilder</c> it takes a branch-configuration delegate that runs once.
        /// </summary>
        private static readonly HashSet<string> UnresolvedEndpointMethods = new(StringComparer.Ordinal)
        {
            "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
        };

        /// <summary>
        /// Why the framework calls the delegate passed for <paramref name="parameter"/> of <paramref name="method"/>
        /// once per invocation, or null when it does not (or PlatformFit does not know that it does).
        /// </summary>
        public static string? PerInvocationReason(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (parameter.Type.TypeKind != TypeKind.Delegate && parameter.Type.ToDisplayString() != "System.Delegate")
            {
                return null;
            }

            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            {
                if (EndpointMethods.Contains(method.Name) && parameter.Name is "handler" or "requestDelegate")
                {
                    return PerRequest;
                }

                if ((method.Name == "Use" && parameter.Name == "middleware") || (method.Name == "Run" && parameter.Name == "handler"))
                {
                    return PerRequest;
                }

                return null;
            }

            if (ns == "Amazon.Lambda.RuntimeSupport" && parameter.Name == "handler" &&
                (method.Name is "Create" or "GetHandlerWrapper" || method.MethodKind == MethodKind.Constructor))
            {
                return PerEvent;
            }

            return null;
        }

        /// <summary>
        /// Why the container calls a factory passed to <c>AddScoped</c> / <c>AddTransient</c> (their <c>TryAdd</c> and keyed
        /// forms) per request, or null. Only true where ASP.NET Core serves the requests, which the caller checks: a
        /// plain handler resolves from the root provider, where a scoped factory runs once.
        /// </summary>
        public static string? PerRequestFactoryReason(IMethodSymbol method, IParameterSymbol parameter) =>
            parameter.Name == "implementationFactory" && parameter.Type.TypeKind == TypeKind.Delegate &&
            PerRequestRegistrations.Contains(method.Name) &&
            (method.ContainingNamespace?.ToDisplayString() ?? string.Empty).StartsWith(DependencyInjectionNamespace, StringComparison.Ordinal)
                ? PerRequestScope
                : null;

        /// <summary>The by-name form of <see cref="PerRequestFactoryReason"/>, for a registration that does not bind.</summary>
        public static string? PerRequestFactoryReasonByName(ExpressionSyntax invoked) =>
            invoked is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && PerRequestRegistrations.Contains(name) ? PerRequestScope : null;

        /// <summary>
        /// The same question by name, for a call the compiler could not bind (an un-restored repository): why the
        /// delegates among its arguments run per invocation, or null. Only names that cannot mean anything else are trusted.
        /// </summary>
        public static string? PerInvocationReasonByName(ExpressionSyntax invoked) => invoked switch
        {
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "LambdaBootstrapBuilder" }, Name.Identifier.ValueText: "Create" } => PerEvent,
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HandlerWrapper" }, Name.Identifier.ValueText: "GetHandlerWrapper" } => PerEvent,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } when UnresolvedEndpointMethods.Contains(name) => PerRequest,
            _ => null,
        };

        /// <summary>The by-name form of <c>new LambdaBootstrap(handler, …)</c>.</summary>
        public static string? PerInvocationReasonByName(BaseObjectCreationExpressionSyntax creation) =>
            creation is ObjectCreationExpressionSyntax { Type: var type } && WrittenTypeName.Of(type) == "LambdaBootstrap" ? PerEvent : null;
    }
}
