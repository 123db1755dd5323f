using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Hosting;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF1003: code that opens a listening socket (<c>TcpListener.Start</c>, <c>Socket.Listen</c>, a bound
    /// <c>UdpClient</c>, <c>HttpListener.Start</c>, a gRPC <c>ServerPort</c>, Kestrel endpoints) in a project an AWS Lambda
    /// function runs. Lambda has no inbound network: requests arrive only as invocation events, so nothing can
    /// connect. Kestrel settings are left alone when the project hosts ASP.NET Core through the Lambda package,
    /// which replaces Kestrel on Lambda; outbound sockets and clients are never reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "ListenAnyIP", "ListenLocalhost", "UseUrls",
        Text = new[] { "TcpListener", "HttpListener", "Socket", "UdpClient", "TcpClient", "ServerPort", "KestrelServerOptions", "ConfigureKestrel", "UseKestrel", "WebApplication" })]
    public sealed class ListeningSocketOnLambdaAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>What a listener member is, and whether its name alone is distinctive enough to match when nothing binds.</summary>
        private enum ListenerKind
        {
            /// <summary>Opens a socket whatever hosts the code.</summary>
            Socket,

            /// <summary>Configures Kestrel's endpoints: a listener only where Kestrel runs.</summary>
            Kestrel,
        }

        /// <param name="DeclaringType">The type that declares the member, as Roslyn displays it.</param>
        /// <param name="Kind">A socket, or a Kestrel endpoint setting.</param>
        /// <param name="MatchByName">Whether the name alone is distinctive enough to match when nothing binds.</param>
        /// <param name="Vocabulary">
        /// Identifiers one of which the file must contain for a call of this name to be worth binding: the listener's
        /// type is written where it is declared or created. Binding a call binds its whole method, and names such as
        /// <c>Start</c> and <c>Bind</c> are everywhere (<c>Stopwatch.Start</c>, <c>configuration.Bind</c>). Empty for
        /// names distinctive on their own.
        /// </param>
        private sealed record ListenerMember(string DeclaringType, ListenerKind Kind, bool MatchByName, ImmutableArray<string> Vocabulary);

        private static readonly ImmutableArray<string> Distinctive = ImmutableArray<string>.Empty;
        private static readonly ImmutableArray<string> KestrelOptions = ImmutableArray.Create("ConfigureKestrel", "UseKestrel", "KestrelServerOptions");
        private static readonly ImmutableArray<string> WebApplicationType = ImmutableArray.Create("WebApplication");

        /// <summary>Invoked members that open a listener, by name.</summary>
        private static readonly ImmutableDictionary<string, ImmutableArray<ListenerMember>> Invocations = new Dictionary<string, ImmutableArray<ListenerMember>>
        {
            ["Start"] = ImmutableArray.Create(
                new ListenerMember("System.Net.Sockets.TcpListener", ListenerKind.Socket, MatchByName: false, ImmutableArray.Create("TcpListener")),
                new ListenerMember("System.Net.HttpListener", ListenerKind.Socket, MatchByName: false, ImmutableArray.Create("HttpListener"))),
            ["Listen"] = ImmutableArray.Create(
                new ListenerMember("System.Net.Sockets.Socket", ListenerKind.Socket, MatchByName: false, ImmutableArray.Create("Socket")),
                new ListenerMember("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", ListenerKind.Kestrel, MatchByName: false, KestrelOptions)),
            ["Bind"] = ImmutableArray.Create(new ListenerMember("System.Net.Sockets.Socket", ListenerKind.Socket, MatchByName: false, ImmutableArray.Create("Socket", "UdpClient", "TcpClient"))),
            ["ListenAnyIP"] = ImmutableArray.Create(new ListenerMember("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", ListenerKind.Kestrel, MatchByName: true, Distinctive)),
            ["ListenLocalhost"] = ImmutableArray.Create(new ListenerMember("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", ListenerKind.Kestrel, MatchByName: true, Distinctive)),
            ["UseUrls"] = ImmutableArray.Create(new ListenerMember("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions", ListenerKind.Kestrel, MatchByName: true, Distinctive)),
            ["Run"] = ImmutableArray.Create(new ListenerMember("Microsoft.AspNetCore.Builder.WebApplication", ListenerKind.Kestrel, MatchByName: false, WebApplicationType)),
            ["RunAsync"] = ImmutableArray.Create(new ListenerMember("Microsoft.AspNetCore.Builder.WebApplication", ListenerKind.Kestrel, MatchByName: false, WebApplicationType)),
        }.ToImmutableDictionary();

        /// <summary>Constructed types that bind a local port, by name.</summary>
        private static readonly ImmutableDictionary<string, ListenerMember> Creations = new Dictionary<string, ListenerMember>
        {
            ["UdpClient"] = new("System.Net.Sockets.UdpClient", ListenerKind.Socket, MatchByName: false, ImmutableArray.Create("UdpClient")),
            ["ServerPort"] = new("Grpc.Core.ServerPort", ListenerKind.Socket, MatchByName: true, ImmutableArray.Create("ServerPort")),
        }.ToImmutableDictionary();

        /// <summary>Every identifier some member's vocabulary names, looked for once per file.</summary>
        private static readonly ImmutableHashSet<string> AllVocabulary = Invocations.Values
            .SelectMany(members => members)
            .Concat(Creations.Values)
            .SelectMany(member => member.Vocabulary)
            .ToImmutableHashSet();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF1003);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var closed = deployment.Units
                .Where(u => PlatformProfiles.Find(u.Unit.Platform)?.InboundNetwork is { Allowed: false })
                .ToList();
            if (closed.Count == 0)
            {
                return;
            }

            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var hosting = new Lazy<LambdaAspNetCoreHosting>(() => LambdaAspNetCoreHosting.Get(compilation, cancellationToken));
            var vocabulary = new FileVocabulary();
            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, deployment, closed, hosting, vocabulary), SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(
                c => AnalyzeCreation(c, deployment, closed, vocabulary),
                SyntaxKind.ObjectCreationExpression,
                SyntaxKind.ImplicitObjectCreationExpression);
        }

        private static void AnalyzeInvocation(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<BoundUnit> closed,
            Lazy<LambdaAspNetCoreHosting> hosting,
            FileVocabulary vocabulary)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = InvokedName.Of(invocation.Expression);
            if (name is null)
            {
                return;
            }

            var text = name.Identifier.ValueText;
            if (text == "Add")
            {
                if (IsAddToUrls(invocation, context.SemanticModel, vocabulary, context.CancellationToken))
                {
                    ReportKestrel(context, deployment, closed, hosting, name, "WebApplication.Urls.Add");
                }

                return;
            }

            if (!Invocations.TryGetValue(text, out var members))
            {
                return;
            }

            // WebApplication.Run(url) takes one URL; Task.Run(() => …) and the like are not worth binding.
            if (text is "Run" or "RunAsync" &&
                (invocation.ArgumentList.Arguments.Count != 1 || invocation.ArgumentList.Arguments[0].Expression is AnonymousFunctionExpressionSyntax))
            {
                return;
            }

            // A member with an empty vocabulary is distinctive: no file check. Otherwise the file must name its type.
            var needsVocabulary = members.All(m => !m.Vocabulary.IsEmpty);
            if (needsVocabulary && !vocabulary.Mentions(invocation, members.SelectMany(m => m.Vocabulary), context.CancellationToken))
            {
                return;
            }

            var info = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken);
            var member = Match(info, members, out var method);
            if (member is null)
            {
                return;
            }

            if (text == "Bind" && !BindsAListeningPort(invocation, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            // TcpListener.Start, KestrelServerOptions.ListenAnyIP; an extension method (UseUrls) by its name alone.
            var display = method is null || method.ReducedFrom is not null ? text : $"{method.ContainingType.Name}.{method.Name}";
            if (member.Kind == ListenerKind.Kestrel)
            {
                ReportKestrel(context, deployment, closed, hosting, name, display);
                return;
            }

            Report(context, deployment, closed, name, display);
        }

        /// <summary>
        /// Kestrel's endpoints listen on Lambda only where Kestrel runs there: the project does not host ASP.NET Core
        /// through the Lambda package, and the unit's handler names this assembly, so the Lambda runtime starts the
        /// program itself. (Behind the Lambda Web Adapter, Kestrel listening on a local port is the design; its
        /// functions run a bootstrap script or a container image, never the assembly as the handler.)
        /// </summary>
        private static void ReportKestrel(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<BoundUnit> closed,
            Lazy<LambdaAspNetCoreHosting> hosting,
            SyntaxNode site,
            string display)
        {
            var runningTheAssembly = closed.Where(u => u.Evidence == BindingEvidence.HandlerAssembly).ToList();
            if (runningTheAssembly.Count == 0 || hosting.Value.ReplacesKestrel)
            {
                return;
            }

            Report(context, deployment, runningTheAssembly, site, display);
        }

        private static void AnalyzeCreation(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<BoundUnit> closed,
            FileVocabulary vocabulary)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            string? typeName;
            if (creation is ObjectCreationExpressionSyntax explicitCreation)
            {
                typeName = TypeNameOf(explicitCreation.Type);
                if (typeName is null || !Creations.ContainsKey(typeName))
                {
                    return;
                }
            }
            else if (creation.ArgumentList is { Arguments.Count: > 0 } && vocabulary.Mentions(creation, Creations.Keys, context.CancellationToken))
            {
                // new(5140): the type comes from the target (declared in this file); new() binds nothing that listens.
                typeName = null;
            }
            else
            {
                return;
            }

            var symbol = context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol as IMethodSymbol;
            typeName ??= symbol?.ContainingType?.Name;
            if (typeName is null || !Creations.TryGetValue(typeName, out var member))
            {
                return;
            }

            if (symbol is not null)
            {
                if (Display(symbol.ContainingType) != member.DeclaringType)
                {
                    return;
                }
            }
            else if (!member.MatchByName || context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type is { TypeKind: not TypeKind.Error })
            {
                return;
            }

            if (member.DeclaringType == "System.Net.Sockets.UdpClient" && !BindsALocalPort(symbol!, creation, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            Report(context, deployment, closed, creation, $"new {typeName}(...)");
        }

        private static void Report(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BoundUnit> closed, SyntaxNode site, string display)
        {
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF1003,
                site.GetLocation(),
                ReachingUnits.Of(context.SemanticModel, site, closed, context.CancellationToken),
                UnitFinding.DeclarationOf,
                $"'{display}' listens for inbound connections",
                first => new object[] { display, first.Unit.Unit.Name, deployment.Display(first.Unit.Unit.Declaration) });
        }

        /// <summary>
        /// The listener member the call binds to; where nothing binds (an un-restored package), a member whose name
        /// is distinctive enough on its own. A call that binds to any other type is a look-alike.
        /// </summary>
        private static ListenerMember? Match(SymbolInfo info, ImmutableArray<ListenerMember> members, out IMethodSymbol? method)
        {
            method = null;
            var candidates = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
            if (candidates.IsEmpty)
            {
                return members.FirstOrDefault(m => m.MatchByName);
            }

            foreach (var candidate in candidates)
            {
                var candidateMethod = candidate as IMethodSymbol;
                var type = (candidateMethod?.ReducedFrom ?? candidateMethod)?.ContainingType;
                if (type is null)
                {
                    continue;
                }

                var declaring = Display(type);
                foreach (var member in members)
                {
                    if (member.DeclaringType == declaring)
                    {
                        method = candidateMethod;
                        return member;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// <c>socket.Bind(endpoint)</c> makes a server socket unless it binds port 0 (any free port, for a client),
        /// the same code listens on it (reported there) or connects it (a client choosing its local address).
        /// </summary>
        private static bool BindsAListeningPort(InvocationExpressionSyntax bind, SemanticModel model, CancellationToken cancellationToken)
        {
            if (bind.ArgumentList.Arguments.Count == 1 && PortOf(bind.ArgumentList.Arguments[0].Expression, model, cancellationToken) == 0)
            {
                return false;
            }

            var receiver = InvokedName.ReceiverOf(bind.Expression)?.ToString();
            var body = EnclosingBody(bind);
            if (receiver is null || body is null)
            {
                return true;
            }

            foreach (var other in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var otherName = InvokedName.Of(other.Expression)?.Identifier.ValueText;
                if (otherName is "Listen" or "Connect" or "ConnectAsync" && InvokedName.ReceiverOf(other.Expression)?.ToString() == receiver)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// <c>new UdpClient(port)</c> and <c>new UdpClient(localEP)</c> bind a local port to receive on;
        /// <c>new UdpClient()</c>, <c>new UdpClient(family)</c> and <c>new UdpClient(host, port)</c> only send, or connect out.
        /// </summary>
        private static bool BindsALocalPort(IMethodSymbol constructor, BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (constructor.Parameters.Length == 0 || constructor.Parameters[0].Name is not ("port" or "localEP"))
            {
                return false;
            }

            var first = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
            return first is null || PortOf(first, model, cancellationToken) != 0;
        }

        /// <summary>The port an argument names when it is a constant, or the port of <c>new IPEndPoint(address, port)</c>; null when unknown.</summary>
        private static int? PortOf(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: int port })
            {
                return port;
            }

            if (expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } &&
                model.GetConstantValue(arguments[1].Expression, cancellationToken) is { HasValue: true, Value: int endpointPort })
            {
                return endpointPort;
            }

            return null;
        }

        /// <summary><c>app.Urls.Add(url)</c>: the URLs Kestrel binds when the app starts.</summary>
        private static bool IsAddToUrls(
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            FileVocabulary vocabulary,
            CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Urls" } urls } ||
                !vocabulary.Mentions(invocation, WebApplicationType, cancellationToken))
            {
                return false;
            }

            return model.GetSymbolInfo(urls, cancellationToken).Symbol is IPropertySymbol property
                && Display(property.ContainingType) == "Microsoft.AspNetCore.Builder.WebApplication";
        }

        /// <summary>The code block a statement belongs to: the lambda, local function, method or accessor around it.</summary>
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

        private static string? TypeNameOf(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private static string Display(ITypeSymbol type) => type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        /// <summary>
        /// Which of the listener types' names each file's text contains, found once per file and only when asked. A
        /// text search, not a token walk: walking a tree's tokens builds its whole red tree, many times the cost. A
        /// name in a comment or string only means a call is bound that need not have been.
        /// </summary>
        private sealed class FileVocabulary
        {
            private readonly ConcurrentDictionary<SyntaxTree, ImmutableHashSet<string>> perFile = new();

            /// <summary>Whether the node's file contains one of <paramref name="words"/>.</summary>
            public bool Mentions(SyntaxNode node, IEnumerable<string> words, CancellationToken cancellationToken)
            {
                var present = perFile.GetOrAdd(node.SyntaxTree, tree =>
                {
                    var text = tree.GetText(cancellationToken).ToString();
                    return AllVocabulary.Where(word => text.IndexOf(word, StringComparison.Ordinal) >= 0).ToImmutableHashSet();
                });
                return words.Any(present.Contains);
            }
        }
    }
}
