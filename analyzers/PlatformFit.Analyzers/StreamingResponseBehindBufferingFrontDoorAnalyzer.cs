using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF1002: code that streams an HTTP response — server-sent events (<c>text/event-stream</c>,
    /// <c>TypedResults.ServerSentEvents</c>), endpoints and controller actions that return <c>IAsyncEnumerable&lt;T&gt;</c>,
    /// <c>Response.Body.FlushAsync()</c> in a loop, the Lambda package's <c>EnableResponseStreaming = true</c> — in a
    /// project an AWS Lambda function runs behind a front door that buffers the whole response (HTTP API, ALB, a REST
    /// API or function URL not configured to stream). Silent when any of the unit's HTTP doors streams or its mode
    /// cannot be read, for <c>text/event-stream</c> anywhere but a response (an outbound request's Accept header), and
    /// for <c>IAsyncEnumerable</c> the code consumes itself.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "ServerSentEvents", "Stream", "Flush", "FlushAsync", "EnableResponseStreaming", "IAsyncEnumerable",
        "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
        Text = new[] { "ContentType", "Content-Type" })]
    public sealed class StreamingResponseBehindBufferingFrontDoorAnalyzer : DiagnosticAnalyzer
    {
        private const string EventStream = "text/event-stream";
        private const string HttpResponse = "Microsoft.AspNetCore.Http.HttpResponse";
        private const string HeaderDictionary = "Microsoft.AspNetCore.Http.IHeaderDictionary";
        private const string SyncPayloadLimit = "sync-payload-bytes";

        /// <summary>The minimal API methods that map a route to a delegate (EndpointRouteBuilderExtensions).</summary>
        private static readonly ImmutableHashSet<string> MapMethods = ImmutableHashSet.Create(
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback");

        private static readonly ImmutableHashSet<string> ResultFactories = ImmutableHashSet.Create(
            "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.Http.TypedResults");

        private static readonly ImmutableHashSet<string> HeaderSetters = ImmutableHashSet.Create("Append", "Add", "TryAdd");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF1002);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var buffered = BufferedUnits(deployment.Units);
            if (buffered.Count == 0)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(c => AnalyzeStatement(c, deployment, buffered), SyntaxKind.SimpleAssignmentExpression, SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeAction(c, deployment, buffered), SyntaxKind.MethodDeclaration);
        }

        /// <summary>
        /// Units on a platform whose HTTP front doors all buffer the response: a door that streams (a function URL
        /// with <c>RESPONSE_STREAM</c>, a REST API with <c>STREAM</c>) or whose mode cannot be read makes the unit
        /// silent, since the streaming code may well be reached through it.
        /// </summary>
        private static List<BufferedUnit> BufferedUnits(IReadOnlyList<BoundUnit> units)
        {
            var buffered = new List<BufferedUnit>();
            foreach (var bound in units)
            {
                var profile = PlatformProfiles.Find(bound.Unit.Platform);
                if (profile is null)
                {
                    continue;
                }

                var platformMax = profile.Limits.TryGetValue(SyncPayloadLimit, out var limit) ? limit.Max : null;
                BufferedUnit? first = null;
                var streams = false;
                foreach (var door in bound.Unit.FrontDoors)
                {
                    var response = profile.FrontDoor(door.ProfileKey)?.Response;
                    if (response is null)
                    {
                        continue;
                    }

                    if (door.ResponseMode.State == ValueState.Unknown ||
                        (response.StreamsWhen is { } streamingMode && door.ResponseMode.TryGetValue(out var mode) && string.Equals(mode.Trim(), streamingMode, StringComparison.OrdinalIgnoreCase)))
                    {
                        streams = true;
                        break;
                    }

                    var maxBytes = Min(platformMax, response.MaxBytes);
                    if (first is null && maxBytes is long known)
                    {
                        first = new BufferedUnit(bound, door, door.ResponseMode.Span ?? door.Span, known);
                    }
                }

                if (!streams && first is not null)
                {
                    buffered.Add(first);
                }
            }

            return buffered;
        }

        private static void AnalyzeStatement(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BufferedUnit> buffered)
        {
            var site = Classify(context.Node, context.SemanticModel, context.CancellationToken);
            if (site is null)
            {
                return;
            }

            if (site.Kind == SiteKind.FlushInLoop && !IsTheBodysOnlyReport(context.Node, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            Report(context, deployment, buffered, site);
        }

        /// <summary>Controller actions that return <c>IAsyncEnumerable&lt;T&gt;</c>: MVC writes each item as it comes.</summary>
        private static void AnalyzeAction(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BufferedUnit> buffered)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (!declaration.Modifiers.Any(SyntaxKind.PublicKeyword) ||
                declaration.Modifiers.Any(SyntaxKind.StaticKeyword) ||
                !declaration.ReturnType.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().Any(n => n.Identifier.ValueText == "IAsyncEnumerable"))
            {
                return;
            }

            if (context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method ||
                method.ContainingType is null ||
                EntryPointResolver.RoutedRole(method.ContainingType) != "controller action" ||
                method.GetAttributes().Any(a => a.AttributeClass?.Name is "NonActionAttribute" or "NonAction") ||
                AsyncEnumerableIn(method.ReturnType) is null)
            {
                return;
            }

            Report(context, deployment, buffered, new Site(
                SiteKind.AsyncEnumerableEndpoint,
                declaration.ReturnType,
                $"The action '{method.ContainingType.Name}.{method.Name}' returning '{method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'"));
        }

        private static void Report(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BufferedUnit> buffered, Site site)
        {
            var reaching = ReachingUnits.Of(context.SemanticModel, site.Location, buffered.Select(b => b.Unit), context.CancellationToken);
            BufferedUnit DoorOf(ReachingUnit r) => buffered.First(b => b.Unit == r.Unit);
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF1002,
                site.Location.GetLocation(),
                reaching,
                r => DoorOf(r).Place,
                $"{site.Trait} streams the response",
                first => new object[] { site.Trait, first.Unit.Unit.Name, DoorOf(first).Door.DisplayName, deployment.Display(DoorOf(first).Place), Size(DoorOf(first).MaxBytes) });
        }

        /// <summary>What streaming code an assignment or invocation is, if any. Names filter first; only candidates bind.</summary>
        private static Site? Classify(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
        {
            AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => ClassifyAssignment(assignment, model, cancellationToken),
            InvocationExpressionSyntax invocation => ClassifyInvocation(invocation, model, cancellationToken),
            _ => null,
        };

        private static Site? ClassifyAssignment(AssignmentExpressionSyntax assignment, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (assignment.Left)
            {
                // Response.ContentType = "text/event-stream", Response.Headers.ContentType = …, new … { ContentType = … }
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ContentType" } or IdentifierNameSyntax { Identifier.ValueText: "ContentType" }:
                    return IsEventStream(assignment.Right, model, cancellationToken) && IsResponseMember(assignment.Left, model, cancellationToken, HttpResponse, HeaderDictionary)
                        ? new Site(SiteKind.ServerSentEvents, assignment, "The 'text/event-stream' content type (server-sent events)")
                        : null;

                // Response.Headers["Content-Type"] = "text/event-stream"
                case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element:
                    return IsEventStream(assignment.Right, model, cancellationToken) &&
                           IsContentTypeHeader(element.ArgumentList.Arguments[0].Expression, model, cancellationToken) &&
                           IsResponseHeaders(element.Expression, model, cancellationToken)
                        ? new Site(SiteKind.ServerSentEvents, assignment, "The 'text/event-stream' content type (server-sent events)")
                        : null;

                // options.EnableResponseStreaming = true (Amazon.Lambda.AspNetCoreServer(.Hosting), preview)
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnableResponseStreaming" } or IdentifierNameSyntax { Identifier.ValueText: "EnableResponseStreaming" }:
                    return model.GetConstantValue(assignment.Right, cancellationToken) is { HasValue: true, Value: true } && IsLambdaStreamingOption(assignment.Left, model, cancellationToken)
                        ? new Site(SiteKind.ResponseStreamingOption, assignment, "'EnableResponseStreaming = true'")
                        : null;

                default:
                    return null;
            }
        }

        private static Site? ClassifyInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var name = InvokedName.Of(invocation.Expression);
            if (name is null)
            {
                return null;
            }

            var text = name.Identifier.ValueText;
            var arguments = invocation.ArgumentList.Arguments;
            var receiver = InvokedName.ReceiverOf(invocation.Expression);
            if (HeaderSetters.Contains(text))
            {
                // Response.Headers.Append("Content-Type", "text/event-stream"); an HttpClient request's headers are not a response's.
                return arguments.Count == 2 &&
                       receiver is not null &&
                       IsContentTypeHeader(arguments[0].Expression, model, cancellationToken) &&
                       IsEventStream(arguments[1].Expression, model, cancellationToken) &&
                       IsResponseHeaders(receiver, model, cancellationToken)
                    ? new Site(SiteKind.ServerSentEvents, invocation, "The 'text/event-stream' content type (server-sent events)")
                    : null;
            }

            switch (text)
            {
                case "ServerSentEvents":
                    return IsResultFactory(invocation, receiver, model, cancellationToken)
                        ? new Site(SiteKind.ServerSentEvents, name, $"'{Qualified(receiver, text)}' (server-sent events)")
                        : null;
                case "Stream":
                    return arguments.Any(a => IsEventStream(a.Expression, model, cancellationToken)) && IsResultFactory(invocation, receiver, model, cancellationToken)
                        ? new Site(SiteKind.ServerSentEvents, name, $"'{Qualified(receiver, text)}' with the 'text/event-stream' content type (server-sent events)")
                        : null;
                case "FlushAsync" or "Flush":
                    return receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Body" or "BodyWriter" } body &&
                           IsInLoop(invocation) &&
                           IsResponseMember(body, model, cancellationToken, HttpResponse)
                        ? new Site(SiteKind.FlushInLoop, name, $"'{body.Name}.{text}' in a loop")
                        : null;
                default:
                    return MapMethods.Contains(text) ? ClassifyEndpoint(invocation, name, model, cancellationToken) : null;
            }
        }

        /// <summary><c>app.MapGet("/prices", () => StreamPrices())</c>: a minimal API endpoint whose delegate returns <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
        private static Site? ClassifyEndpoint(InvocationExpressionSyntax invocation, SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (arguments.Count < 2)
            {
                return null;
            }

            var handler = arguments[arguments.Count - 1].Expression;
            if (handler is not (AnonymousFunctionExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return null;
            }

            // "Map" is also a mapper's name (mapper.Map(source, target)): an endpoint has a route literal or a lambda.
            if (name.Identifier.ValueText == "Map" &&
                handler is not AnonymousFunctionExpressionSyntax &&
                arguments[0].Expression is not (LiteralExpressionSyntax or InterpolatedStringExpressionSyntax))
            {
                return null;
            }

            var info = model.GetSymbolInfo(invocation, cancellationToken);
            var candidates = info.Symbol is { } bound ? ImmutableArray.Create(bound) : info.CandidateSymbols;
            if (!candidates.IsEmpty && !candidates.Any(c => c is IMethodSymbol method && Display((method.ReducedFrom ?? method).ContainingType) == "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions"))
            {
                return null;
            }

            var handlerInfo = model.GetSymbolInfo(handler, cancellationToken);
            var returned = (handlerInfo.Symbol ?? handlerInfo.CandidateSymbols.FirstOrDefault()) is IMethodSymbol delegateMethod ? delegateMethod.ReturnType : null;
            return returned is not null && AsyncEnumerableIn(returned) is not null
                ? new Site(SiteKind.AsyncEnumerableEndpoint, name, $"The endpoint mapped by '{name.Identifier.ValueText}' returning '{returned.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'")
                : null;
        }

        /// <summary>
        /// A flush loop in code that also sets <c>text/event-stream</c> is the same server-sent events endpoint: the
        /// content type is reported, and of several flush loops in one body only the first.
        /// </summary>
        private static bool IsTheBodysOnlyReport(SyntaxNode flush, SemanticModel model, CancellationToken cancellationToken)
        {
            var body = EnclosingBody(flush);
            if (body is null)
            {
                return true;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node == flush || node is not (AssignmentExpressionSyntax or InvocationExpressionSyntax))
                {
                    continue;
                }

                var other = Classify(node, model, cancellationToken);
                if (other?.Kind == SiteKind.ServerSentEvents || (other?.Kind == SiteKind.FlushInLoop && node.SpanStart < flush.SpanStart))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The member binds to one of <paramref name="declaringTypes"/> (or overrides one of theirs); where its
        /// receiver's type does not resolve, a receiver written as a response (<c>Response.</c>, <c>context.Response.</c>).
        /// </summary>
        private static bool IsResponseMember(ExpressionSyntax member, SemanticModel model, CancellationToken cancellationToken, params string[] declaringTypes)
        {
            var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
            if (symbol is IPropertySymbol property)
            {
                for (var current = property; current is not null; current = current.OverriddenProperty)
                {
                    if (declaringTypes.Contains(Display(current.ContainingType)))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (symbol is not null)
            {
                return false;
            }

            var receiver = member is MemberAccessExpressionSyntax access ? access.Expression : null;
            return receiver is not null && IsUnresolved(receiver, model, cancellationToken) && receiver.ToString().IndexOf("Response", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>An ASP.NET Core header dictionary (the response's, in practice); by name where the type does not resolve.</summary>
        private static bool IsResponseHeaders(ExpressionSyntax headers, SemanticModel model, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(headers, cancellationToken).Type;
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return headers.ToString().IndexOf("Response", StringComparison.OrdinalIgnoreCase) >= 0;
            }

            return Display(type) == HeaderDictionary || type.AllInterfaces.Any(i => Display(i) == HeaderDictionary);
        }

        /// <summary>"Content-Type" as a constant, or <c>HeaderNames.ContentType</c> (a static field, not a constant, since .NET 6).</summary>
        private static bool IsContentTypeHeader(ExpressionSyntax key, SemanticModel model, CancellationToken cancellationToken)
        {
            // Most two-argument Add calls are dictionaries: bind only a key written as the header or named after it.
            var mayBe = key switch
            {
                LiteralExpressionSyntax literal => string.Equals(literal.Token.ValueText.Trim(), "Content-Type", StringComparison.OrdinalIgnoreCase),
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText.IndexOf("ContentType", StringComparison.OrdinalIgnoreCase) >= 0,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText.IndexOf("ContentType", StringComparison.OrdinalIgnoreCase) >= 0,
                _ => false,
            };
            if (!mayBe)
            {
                return false;
            }

            if (model.GetConstantValue(key, cancellationToken) is { HasValue: true, Value: string text })
            {
                return string.Equals(text.Trim(), "Content-Type", StringComparison.OrdinalIgnoreCase);
            }

            return key is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ContentType", Expression: var owner } && owner.ToString().EndsWith("HeaderNames", StringComparison.Ordinal);
        }

        /// <summary>A constant <c>text/event-stream</c> media type, parameters such as <c>; charset=utf-8</c> allowed.</summary>
        private static bool IsEventStream(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            // Only a literal that says so, or a name that may be a constant, is worth binding.
            var mayBe = value switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText.IndexOf("event-stream", StringComparison.OrdinalIgnoreCase) >= 0,
                IdentifierNameSyntax or MemberAccessExpressionSyntax => true,
                _ => false,
            };
            if (!mayBe || model.GetConstantValue(value, cancellationToken) is not { HasValue: true, Value: string text })
            {
                return false;
            }

            var separator = text.IndexOf(';');
            var mediaType = (separator < 0 ? text : text.Substring(0, separator)).Trim();
            return string.Equals(mediaType, EventStream, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary><c>Results.X</c> / <c>TypedResults.X</c>; by the receiver's name where the call does not bind.</summary>
        private static bool IsResultFactory(InvocationExpressionSyntax invocation, ExpressionSyntax? receiver, SemanticModel model, CancellationToken cancellationToken)
        {
            var info = model.GetSymbolInfo(invocation, cancellationToken);
            var candidates = info.Symbol is { } bound ? ImmutableArray.Create(bound) : info.CandidateSymbols;
            if (candidates.IsEmpty)
            {
                return receiver?.ToString() is "Results" or "TypedResults";
            }

            return candidates.Any(c => c.ContainingType is { } type && ResultFactories.Contains(Display(type)));
        }

        /// <summary>The Lambda package's streaming switch (HostingOptions, AbstractAspNetCoreFunction), or the name where it does not resolve.</summary>
        private static bool IsLambdaStreamingOption(ExpressionSyntax member, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(member, cancellationToken).Symbol;
            return symbol is null || (symbol.ContainingNamespace?.ToDisplayString().StartsWith("Amazon.Lambda.AspNetCoreServer", StringComparison.Ordinal) ?? false);
        }

        private static bool IsUnresolved(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
            model.GetTypeInfo(expression, cancellationToken).Type is null or { TypeKind: TypeKind.Error };

        /// <summary>
        /// The <c>IAsyncEnumerable&lt;T&gt;</c> an endpoint's return type carries, through <c>Task&lt;&gt;</c>,
        /// <c>ValueTask&lt;&gt;</c> and MVC's <c>ActionResult&lt;&gt;</c>; null for anything else (a type that merely
        /// implements it, such as an EF Core <c>DbSet</c>, is not taken for an intent to stream).
        /// </summary>
        private static ITypeSymbol? AsyncEnumerableIn(ITypeSymbol type)
        {
            for (var depth = 0; depth < 3 && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named; depth++)
            {
                var definition = Display(named);
                if (definition == "System.Collections.Generic.IAsyncEnumerable<T>")
                {
                    return named;
                }

                if (definition is not ("System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>" or "Microsoft.AspNetCore.Mvc.ActionResult<TValue>"))
                {
                    return null;
                }

                type = named.TypeArguments[0];
            }

            return null;
        }

        /// <summary>Whether a loop statement encloses the node within its own body (lambda, local function, method).</summary>
        private static bool IsInLoop(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                        return true;
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static SyntaxNode? EnclosingBody(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax)
                {
                    return current;
                }
            }

            return null;
        }

        private static string Qualified(ExpressionSyntax? receiver, string name) => receiver is null ? name : $"{receiver}.{name}";

        private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

        /// <summary>A byte limit as the vendors write it: 6 MB, 1 MB (binary megabytes, as Lambda counts them).</summary>
        private static string Size(long bytes) =>
            bytes % (1024 * 1024) == 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} MB", bytes / (1024 * 1024))
                : string.Format(CultureInfo.InvariantCulture, "{0} KB", bytes / 1024);

        private static string Display(ITypeSymbol type) => type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        private enum SiteKind
        {
            ServerSentEvents,
            ResponseStreamingOption,
            FlushInLoop,
            AsyncEnumerableEndpoint,
        }

        /// <summary>Streaming code found: what it is, where to point, and how the message names it.</summary>
        private sealed record Site(SiteKind Kind, SyntaxNode Location, string Trait);

        /// <summary>A unit whose HTTP front doors buffer: the first such door, the config place to point at, and the response limit.</summary>
        private sealed record BufferedUnit(BoundUnit Unit, FrontDoor Door, ConfigSpan Place, long MaxBytes);
    }
}
