using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// The request data a value carries, named by its access path (<c>request.Cart</c>, <c>Context.ConnectionId</c>):
    /// what flows into it from a parameter of the method or lambda that computes it, or from the request objects
    /// ASP.NET Core hands to controllers and hubs (<c>HttpContext</c>, <c>Request</c>, <c>User</c>, a hub's
    /// <c>Context</c>). Followed through locals (where they are declared), member access, object creation,
    /// operators, interpolation and the arguments of calls — but not through the receiver of a call other than a
    /// string, a value (<c>id.ToString("N")</c>, <c>date.AddDays(1)</c>) or a <c>ToString()</c>
    /// (<c>await repository.LoadAsync(id)</c> is the repository's data, not the request's).
    /// </summary>
    internal sealed class RequestDataPaths
    {
        private const int MaxLocalDepth = 8;

        /// <summary>
        /// Parameters of these types are infrastructure the host or the platform passes in, never request data
        /// (by name, so that it holds where the packages do not resolve).
        /// </summary>
        private static readonly ImmutableHashSet<string> InfrastructureTypeNames = ImmutableHashSet.Create(
            "CancellationToken", "ILambdaContext", "ILambdaLogger", "ILogger", "ILoggerFactory", "IConfiguration",
            "IConfigurationRoot", "IConfigurationSection", "IServiceProvider", "IServiceCollection", "IServiceScopeFactory",
            "IHostEnvironment", "IWebHostEnvironment", "IHostApplicationLifetime", "WebApplicationBuilder", "WebApplication",
            "IApplicationBuilder", "IEndpointRouteBuilder", "IHostBuilder", "IWebHostBuilder", "IHost", "IHostApplicationBuilder",
            "IOptions", "IOptionsMonitor", "IOptionsSnapshot", "HostBuilderContext", "WebHostBuilderContext", "Type");

        private static readonly ImmutableHashSet<string> RequestProperties = ImmutableHashSet.Create("HttpContext", "Request", "User");

        private readonly SemanticModel model;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ILocalSymbol> visitedLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<string> paths = new(StringComparer.Ordinal);

        private RequestDataPaths(SemanticModel model, CancellationToken cancellationToken)
        {
            this.model = model;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// The first request-data path of <paramref name="values"/> that is not the key or derived from it (so a
        /// memo of a computation of the key carries none), in source order; null when there is none.
        /// </summary>
        public static string? NotDerivedFromKeys(IEnumerable<IOperation> values, IEnumerable<IOperation> keys, SemanticModel model, CancellationToken cancellationToken)
        {
            return NotDerivedFromKeys(Of(values, model, cancellationToken), Of(keys, model, cancellationToken));
        }

        /// <summary>The same comparison on paths already collected: the first value path that is not a key path or inside one.</summary>
        public static string? NotDerivedFromKeys(IEnumerable<string> valuePaths, IReadOnlyCollection<string> keyPaths)
        {
            foreach (var path in valuePaths)
            {
                if (!keyPaths.Any(key => path == key || path.StartsWith(key + ".", StringComparison.Ordinal) || path.StartsWith(key + "[", StringComparison.Ordinal)))
                {
                    return path;
                }
            }

            return null;
        }

        public static IReadOnlyList<string> Of(IEnumerable<IOperation> operations, SemanticModel model, CancellationToken cancellationToken)
        {
            var collector = new RequestDataPaths(model, cancellationToken);
            foreach (var operation in operations)
            {
                collector.Visit(operation, operation.Syntax, 0);
            }

            return collector.paths.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        /// <param name="operation">The value being followed.</param>
        /// <param name="scope">The expression being followed: lambdas declared inside it get their parameters from
        /// whoever calls them (a <c>GetOrAdd</c> factory receives the key), not from the request.</param>
        /// <param name="depth">How many locals deep the walk is.</param>
        private void Visit(IOperation? operation, SyntaxNode scope, int depth)
        {
            switch (operation)
            {
                case null:
                    return;
                case IParameterReferenceOperation parameter:
                    if (IsRequestParameter(parameter.Parameter, scope))
                    {
                        paths.Add(PathFrom(parameter.Syntax));
                    }

                    return;
                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } property when IsRequestProperty(property.Property):
                    paths.Add(PathFrom(property.Syntax));
                    return;
                case ILocalReferenceOperation local:
                    if (depth < MaxLocalDepth && visitedLocals.Add(local.Local) && LocalOrigin.Of(local.Local, model, cancellationToken) is { } origin)
                    {
                        // The members read from the local name parts of what it holds: 'message.Body' and
                        // 'message.MessageId' of a foreach over 'sqsEvent.Records' are 'sqsEvent.Records.Body' and
                        // 'sqsEvent.Records.MessageId', so a body kept under the message id is not a memo of the id.
                        var path = PathFrom(local.Syntax);
                        var member = path.Length > local.Local.Name.Length && path.StartsWith(local.Local.Name, StringComparison.Ordinal)
                            ? path.Substring(local.Local.Name.Length)
                            : string.Empty;
                        var known = member.Length == 0 ? null : new HashSet<string>(paths, StringComparer.Ordinal);

                        // A local declared inside the expression (an out var in a factory lambda) stays in its scope.
                        Visit(origin, scope.Span.Contains(origin.Syntax.Span) ? scope : origin.Syntax, depth + 1);
                        if (known is not null)
                        {
                            var held = paths.Where(p => !known.Contains(p)).ToList();
                            paths.ExceptWith(held);
                            paths.UnionWith(held.Select(p => p + member));
                        }
                    }

                    return;
                case IInvocationOperation invocation:
                    if (invocation.Instance is { Type: { } receiverType } && (receiverType.SpecialType == SpecialType.System_String || receiverType.IsValueType || invocation.TargetMethod.Name == "ToString"))
                    {
                        Visit(invocation.Instance, scope, depth);
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        var isExtendedReceiver = invocation.TargetMethod.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                        if (!isExtendedReceiver || argument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            Visit(argument.Value, scope, depth);
                        }
                    }

                    return;
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        Visit(child, scope, depth);
                    }

                    return;
            }
        }

        private static bool IsRequestParameter(IParameterSymbol parameter, SyntaxNode scope)
        {
            var type = parameter.Type;
            if (InfrastructureTypeNames.Contains(type.Name) || type.TypeKind == TypeKind.Delegate || type.ContainingNamespace?.ToDisplayString() == "System.Reflection")
            {
                return false;
            }

            if (parameter.ContainingSymbol is IMethodSymbol method)
            {
                // A property setter's 'value': the assignment to the property is where the data comes in.
                if (parameter.IsImplicitlyDeclared || method.MethodKind is MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove)
                {
                    return false;
                }

                // The program's command-line arguments (Main's, or the top-level statements' 'args').
                if (method.IsStatic && method.Name is "Main" or "<Main>$")
                {
                    return false;
                }

                if (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction
                    && method.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(r.Span)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The request objects of controllers, pages and hubs: framework properties, not the app's own.</summary>
        private static bool IsRequestProperty(IPropertySymbol property)
        {
            if (property.Locations.Any(l => l.IsInSource))
            {
                return false;
            }

            if (RequestProperties.Contains(property.Name))
            {
                return true;
            }

            return property.Name == "Context" && property.ContainingType?.Name == "Hub";
        }

        /// <summary>
        /// The member-access chain that starts at <paramref name="node"/> (<c>request.RequestContext.ConnectionId</c>,
        /// <c>request.QueryStringParameters["user"]</c>), stopping before a method call; written without
        /// <c>this.</c>, <c>?</c> and <c>!</c> so the same data reads the same way everywhere.
        /// </summary>
        private static string PathFrom(SyntaxNode node)
        {
            var text = new StringBuilder(node is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess
                ? thisAccess.Name.Identifier.ValueText
                : node.ToString());
            var current = node;
            while (true)
            {
                switch (current.Parent)
                {
                    case MemberAccessExpressionSyntax member when member.Expression == current:
                        if (member.Parent is InvocationExpressionSyntax invocation && invocation.Expression == member)
                        {
                            return text.ToString();
                        }

                        text.Append('.').Append(member.Name.Identifier.ValueText);
                        current = member;
                        break;
                    case ElementAccessExpressionSyntax element when element.Expression == current:
                        text.Append('[').Append(string.Join(",", element.ArgumentList.Arguments.Select(a => a.ToString().Trim()))).Append(']');
                        current = element;
                        break;
                    case ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } conditional when conditional.Expression == current:
                        text.Append('.').Append(binding.Name.Identifier.ValueText);
                        current = conditional;
                        break;
                    case PostfixUnaryExpressionSyntax or ParenthesizedExpressionSyntax:
                        current = current.Parent;
                        break;
                    default:
                        return text.ToString();
                }
            }
        }
    }
}
