using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;

namespace PlatformFit.Analyzers.Hosting
{
    /// <summary>
    /// How the project runs ASP.NET Core on AWS Lambda through Amazon.Lambda.AspNetCoreServer: the
    /// <c>AddAWSLambdaHosting(LambdaEventSource.X)</c> calls with the event source each names, and the source types
    /// that derive from the package's function base classes (<c>APIGatewayProxyFunction</c> …). Either one replaces
    /// Kestrel with an in-process server fed by invocation events. Found once per compilation, and only when a rule
    /// that found a candidate site asks: it reads every tree's syntax.
    /// </summary>
    internal sealed class LambdaAspNetCoreHosting
    {
        private const string HostingMethod = "AddAWSLambdaHosting";
        private const string WebSocketApiEventSource = "WebsocketApi";
        private const string WebSocketApiFunction = "APIGatewayWebsocketApiProxyFunction";
        private const string ServerNamespace = "Amazon.Lambda.AspNetCoreServer";

        /// <summary>The package's base classes a class-library ASP.NET Core handler derives from (D1, PLATFORMS.md §6.5).</summary>
        private static readonly ImmutableHashSet<string> FunctionBaseClasses = ImmutableHashSet.Create(
            "AbstractAspNetCoreFunction",
            "APIGatewayProxyFunction",
            "APIGatewayHttpApiV2ProxyFunction",
            "ApplicationLoadBalancerFunction",
            WebSocketApiFunction);

        private static readonly ConditionalWeakTable<Compilation, LambdaAspNetCoreHosting> Cache = new();

        private readonly Compilation compilation;

        private LambdaAspNetCoreHosting(Compilation compilation, bool hasHostingCall, bool registersWebSocketApi, bool hasFunctionType)
        {
            this.compilation = compilation;
            RegistersWebSocketApi = registersWebSocketApi;
            ReplacesKestrel = hasHostingCall || hasFunctionType;
        }

        /// <summary>
        /// True when the project hosts ASP.NET Core through the Lambda package, so on Lambda no Kestrel runs and its
        /// listener settings are never applied (AddAWSLambdaHosting swaps the server in only when it runs on Lambda).
        /// </summary>
        public bool ReplacesKestrel { get; }

        /// <summary>True when an <c>AddAWSLambdaHosting</c> call names <c>LambdaEventSource.WebsocketApi</c>.</summary>
        public bool RegistersWebSocketApi { get; }

        public static LambdaAspNetCoreHosting Get(Compilation compilation, CancellationToken cancellationToken) =>
            Cache.GetValue(compilation, c => Find(c, cancellationToken));

        /// <summary>
        /// Whether the unit's code is written for an API Gateway WebSocket API: its handler type derives from
        /// <c>APIGatewayWebsocketApiProxyFunction</c>, or it runs the program (the executable form, or a handler
        /// PlatformFit cannot read) and the program registers <c>LambdaEventSource.WebsocketApi</c>.
        /// </summary>
        public bool ServesWebSocketApi(BoundUnit unit)
        {
            if (unit.Handler is { IsExecutable: false, TypeName: { } typeName })
            {
                var type = compilation.GetTypeByMetadataName(typeName);
                return type is not null && DerivesFrom(type, WebSocketApiFunction);
            }

            return RegistersWebSocketApi;
        }

        private static LambdaAspNetCoreHosting Find(Compilation compilation, CancellationToken cancellationToken)
        {
            var hasHostingCall = false;
            var registersWebSocketApi = false;
            SemanticModels? models = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                // A text search first: walking every tree's nodes would build every red tree of the project.
                if (tree.GetText(cancellationToken).ToString().IndexOf(HostingMethod, System.StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || InvokedName.Of(invocation.Expression)?.Identifier.ValueText != HostingMethod)
                    {
                        continue;
                    }

                    hasHostingCall = true;
                    if (!registersWebSocketApi && invocation.ArgumentList.Arguments.Count > 0)
                    {
                        models ??= new SemanticModels(compilation);
                        registersWebSocketApi = NamesWebSocketApi(models.For(tree), invocation.ArgumentList.Arguments[0].Expression, cancellationToken);
                    }
                }
            }

            var hasFunctionType = false;
            foreach (var type in SourceTypes.All(compilation, cancellationToken))
            {
                if (DerivesFromAny(type))
                {
                    hasFunctionType = true;
                    break;
                }
            }

            return new LambdaAspNetCoreHosting(compilation, hasHostingCall, registersWebSocketApi, hasFunctionType);
        }

        /// <summary>The event source argument: the enum member where it binds, its name where the package is not restored.</summary>
        private static bool NamesWebSocketApi(SemanticModel model, ExpressionSyntax argument, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(argument, cancellationToken).Symbol;
            if (symbol is IFieldSymbol field)
            {
                return field.Name == WebSocketApiEventSource && field.ContainingType?.Name == "LambdaEventSource";
            }

            return symbol is null && argument switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == WebSocketApiEventSource,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == WebSocketApiEventSource,
                _ => false,
            };
        }

        private static bool DerivesFromAny(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (FunctionBaseClasses.Contains(current.Name) && IsServerType(current))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.Name == baseName && IsServerType(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The package's type, or a type of that name that does not resolve (an un-restored repository).</summary>
        private static bool IsServerType(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Error || type.ContainingNamespace?.ToDisplayString() == ServerNamespace;
    }
}
