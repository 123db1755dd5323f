using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Hosting;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF1001: code that accepts WebSocket connections, in a project deployed as an AWS Lambda function whose
    /// front door cannot hold a connection (REST or HTTP API, ALB, function URL). Silent for units behind an
    /// API Gateway WebSocket API, for code written for one (<c>AddAWSLambdaHosting(LambdaEventSource.WebsocketApi)</c>, a
    /// handler deriving from <c>APIGatewayWebsocketApiProxyFunction</c>), for outbound <c>ClientWebSocket</c>, and for
    /// projects no config deploys.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames("UseWebSockets", "AcceptWebSocketAsync", "MapHub")]
    public sealed class WebSocketServerOnLambdaAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Server-side members by name, with the types that declare them.</summary>
        private static readonly ImmutableDictionary<string, ImmutableArray<string>> ServerMembers = new Dictionary<string, ImmutableArray<string>>
        {
            ["UseWebSockets"] = ImmutableArray.Create("Microsoft.AspNetCore.Builder.WebSocketMiddlewareExtensions"),
            ["AcceptWebSocketAsync"] = ImmutableArray.Create("Microsoft.AspNetCore.Http.WebSocketManager", "System.Net.HttpListenerContext"),
            ["MapHub"] = ImmutableArray.Create("Microsoft.AspNetCore.Builder.HubEndpointRouteBuilderExtensions"),
        }.ToImmutableDictionary();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF1001);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var exposed = ExposedUnits(deployment.Units);
            if (exposed.Count == 0)
            {
                return;
            }

            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var hosting = new Lazy<LambdaAspNetCoreHosting>(() => LambdaAspNetCoreHosting.Get(compilation, cancellationToken));
            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, deployment, exposed, hosting), SyntaxKind.InvocationExpression);
        }

        /// <summary>Units on Lambda with at least one front door that cannot hold a WebSocket connection.</summary>
        private static List<(BoundUnit Unit, FrontDoor Door)> ExposedUnits(IReadOnlyList<BoundUnit> units)
        {
            var exposed = new List<(BoundUnit, FrontDoor)>();
            foreach (var bound in units)
            {
                var profile = PlatformProfiles.Find(bound.Unit.Platform);
                if (profile is null)
                {
                    continue;
                }

                foreach (var door in bound.Unit.FrontDoors)
                {
                    if (profile.FrontDoor(door.ProfileKey) is { WebSocket: WebSocketSupport.None })
                    {
                        exposed.Add((bound, door));
                        break;
                    }
                }
            }

            return exposed;
        }

        private static void AnalyzeInvocation(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<(BoundUnit Unit, FrontDoor Door)> exposed,
            Lazy<LambdaAspNetCoreHosting> hosting)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = InvokedName.Of(invocation.Expression);
            if (name is null || !ServerMembers.TryGetValue(name.Identifier.ValueText, out var declaringTypes))
            {
                return;
            }

            if (!IsServerMember(context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken), declaringTypes))
            {
                return;
            }

            var reaching = ReachingUnits.Of(context.SemanticModel, invocation, exposed.Select(e => e.Unit), context.CancellationToken);

            // Code written for an API Gateway WebSocket API (it receives $connect/$default as requests) is the
            // supported pattern; a config that puts another door in front of it is a wiring mistake, not this one.
            reaching.RemoveAll(r => hosting.Value.ServesWebSocketApi(r.Unit));
            FrontDoor DoorOf(ReachingUnit r) => exposed.First(e => e.Unit == r.Unit).Door;
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF1001,
                name.GetLocation(),
                reaching,
                r => DoorOf(r).Span,
                $"'{name}' accepts WebSocket connections",
                first => new object[] { name.ToString(), first.Unit.Unit.Name, DoorOf(first).DisplayName, deployment.Display(DoorOf(first).Span), DoorFact(first.Unit, DoorOf(first)) });
        }

        /// <summary>
        /// What the front door's own documentation says about WebSockets, quoted from the profile where it has a
        /// note (the ALB: "Upgrade requests are rejected with an HTTP 400 code", E1); empty otherwise.
        /// </summary>
        private static string DoorFact(BoundUnit unit, FrontDoor door) =>
            PlatformProfiles.Find(unit.Unit.Platform)?.FrontDoor(door.ProfileKey)?.Note is { Length: > 0 } note
                ? $" (\"{note}\")"
                : string.Empty;

        /// <summary>
        /// Symbol-based where the types resolve; name-based where they do not (an un-restored repository), so the
        /// rule keeps working without the packages. A resolved symbol of any other type is a look-alike: silent.
        /// </summary>
        private static bool IsServerMember(SymbolInfo info, ImmutableArray<string> declaringTypes)
        {
            var candidates = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
            if (candidates.IsEmpty)
            {
                return true;
            }

            foreach (var candidate in candidates)
            {
                var method = candidate as IMethodSymbol;
                var type = (method?.ReducedFrom ?? method)?.ContainingType;
                if (type is not null && declaringTypes.Contains(type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
