using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF5001: an <c>HttpClient</c>, AWS SDK client, Azure SDK client, <c>MongoClient</c> or Redis
    /// <c>ConnectionMultiplexer</c> created by code a unit runs on every invocation — not by start-up code (static
    /// initializers, the handler type's constructor, <c>Main</c> before the runtime loop, DI registrations).
    /// Silent for clients kept in a static field or a <c>??=</c> cache, a parameter's null fallback, created inside a <c>Lazy&lt;T&gt;</c> or cache
    /// factory, built on a shared <c>HttpMessageHandler</c>, and obtained from <c>IHttpClientFactory</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames("*Client", "*ConnectionMultiplexer", Shapes = TriggerShapes.UnwrittenTargetTypedNew)]
    public sealed class ClientPerInvocationAnalyzer : DiagnosticAnalyzer
    {
        private const string HttpClientType = "System.Net.Http.HttpClient";
        private const string AwsServiceClientType = "Amazon.Runtime.AmazonServiceClient";
        private const string RedisMultiplexerType = "StackExchange.Redis.ConnectionMultiplexer";

        /// <summary>SDK clients their vendors say to create once, by name, with the namespace that declares them.</summary>
        private static readonly ImmutableDictionary<string, string> SdkClients = new Dictionary<string, string>
        {
            ["BlobServiceClient"] = "Azure.Storage.Blobs",
            ["BlobContainerClient"] = "Azure.Storage.Blobs",
            ["QueueServiceClient"] = "Azure.Storage.Queues",
            ["TableServiceClient"] = "Azure.Data.Tables",
            ["CosmosClient"] = "Microsoft.Azure.Cosmos",
            ["ServiceBusClient"] = "Azure.Messaging.ServiceBus",
            ["EventHubProducerClient"] = "Azure.Messaging.EventHubs.Producer",
            ["SecretClient"] = "Azure.Security.KeyVault.Secrets",
            ["MongoClient"] = "MongoDB.Driver",
        }.ToImmutableDictionary();

        /// <summary>Calls whose delegate argument builds a value once and keeps it: a client created inside is cached.</summary>
        private static readonly ImmutableHashSet<string> CachingCalls = ImmutableHashSet.Create(
            "Lazy", "EnsureInitialized", "GetOrAdd", "AddOrUpdate", "GetOrCreate", "GetOrCreateAsync");

        /// <summary>An AWS SDK service client by its name (<c>AmazonS3Client</c>), for repositories whose packages are not restored.</summary>
        private static readonly Regex AwsClientName = new("^Amazon[A-Za-z0-9]+Client$", RegexOptions.CultureInvariant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF5001);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = deployment.Units
                .Where(u => RuleCatalog.PF5001.Platforms.Contains(u.Unit.Platform) &&
                            PlatformProfiles.Find(u.Unit.Platform)?.ExecutionModel is { ReusesEnvironment: true })
                .ToList();
            if (units.Count == 0)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(c => AnalyzeCreation(c, deployment, units), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeConnect(c, deployment, units), SyntaxKind.InvocationExpression);
        }

        private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BoundUnit> units)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            var writtenName = WrittenTypeName.Of(creation);
            if (writtenName?.EndsWith("Client", StringComparison.Ordinal) == false)
            {
                return;
            }

            var created = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
            var client = created is null or { TypeKind: TypeKind.Error }
                ? ClientByName(creation, writtenName ?? created?.Name)
                : ClientBySymbol(created);
            if (client is null || (client.Value.IsHttpClient && SharesHandler(context.SemanticModel, creation, context.CancellationToken)))
            {
                return;
            }

            Check(context, deployment, units, creation, client.Value.Name);
        }

        private static void AnalyzeConnect(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BoundUnit> units)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Connect" or "ConnectAsync" } member ||
                !member.Expression.ToString().EndsWith("ConnectionMultiplexer", StringComparison.Ordinal))
            {
                return;
            }

            var method = context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol as IMethodSymbol;
            var isRedis = method is null
                ? NamespaceIsImported(invocation, "StackExchange.Redis") || member.Expression.ToString().StartsWith("StackExchange.Redis.", StringComparison.Ordinal)
                : method.ContainingType.ToDisplayString() == RedisMultiplexerType;
            if (isRedis)
            {
                Check(context, deployment, units, invocation, $"ConnectionMultiplexer ({member.Name.Identifier.ValueText})");
            }
        }

        private static void Check(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<BoundUnit> units, ExpressionSyntax site, string client)
        {
            if (IsKept(context.SemanticModel, site, context.CancellationToken))
            {
                return;
            }

            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF5001,
                site.GetLocation(),
                ReachingUnits.PerInvocation(context.SemanticModel, site, units, context.CancellationToken),
                UnitFinding.DeclarationOf,
                $"a new {client} is created on every invocation",
                first => new object[] { client, first.Unit.Unit.Name, deployment.Display(first.Unit.Unit.Declaration) });
        }

        /// <summary>A client type by its symbol: <c>HttpClient</c> or a type derived from it, an AWS SDK service client, or a known SDK client.</summary>
        private static (string Name, bool IsHttpClient)? ClientBySymbol(ITypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var name = current.ToDisplayString();
                if (name == HttpClientType)
                {
                    return (type.Name, true);
                }

                if (name == AwsServiceClientType)
                {
                    return (type.Name, false);
                }
            }

            return SdkClients.TryGetValue(type.Name, out var ns) && type.ContainingNamespace?.ToDisplayString() == ns ? (type.Name, false) : null;
        }

        /// <summary>
        /// A client type by its name, when the package that declares it is not restored: <c>HttpClient</c>, an
        /// <c>Amazon…Client</c> in a file that imports an <c>Amazon.*</c> namespace (or written qualified), or a known
        /// SDK client whose namespace the file imports.
        /// </summary>
        private static (string Name, bool IsHttpClient)? ClientByName(BaseObjectCreationExpressionSyntax creation, string? name)
        {
            if (name is not { Length: > 0 })
            {
                return null;
            }

            var written = creation is ObjectCreationExpressionSyntax { Type: var type } ? type.ToString() : name;
            if (name == "HttpClient")
            {
                return (name, true);
            }

            if (AwsClientName.IsMatch(name) && (written.StartsWith("Amazon.", StringComparison.Ordinal) || NamespaceIsImported(creation, "Amazon")))
            {
                return (name, false);
            }

            return SdkClients.TryGetValue(name, out var ns) && (written.StartsWith(ns + ".", StringComparison.Ordinal) || NamespaceIsImported(creation, ns))
                ? (name, false)
                : null;
        }

        /// <summary>
        /// <c>new HttpClient(handler)</c> on a handler that outlives the call (a static <c>SocketsHttpHandler</c>, a
        /// parameter, one from <c>IHttpMessageHandlerFactory</c>): the connection pool is the handler's, so the client is
        /// cheap and shares it. A handler created on the spot, or in a local initialised with <c>new</c>, is not shared.
        /// </summary>
        private static bool SharesHandler(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            if (creation.ArgumentList is not { Arguments: { Count: > 0 } arguments })
            {
                return false;
            }

            var handler = arguments[0].Expression;
            if (handler is BaseObjectCreationExpressionSyntax or LiteralExpressionSyntax)
            {
                return false;
            }

            if (model.GetSymbolInfo(handler, cancellationToken).Symbol is ILocalSymbol local)
            {
                return !local.DeclaringSyntaxReferences.Any(r =>
                    r.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax });
            }

            return true;
        }

        /// <summary>
        /// Whether the created client outlives the invocation: stored in a static field or property, cached in any
        /// field or property (<c>??=</c>, <c>x = x ?? new …</c>, an assignment guarded by <c>if (x is null)</c>), a
        /// parameter's fallback for a caller that passes none (the same three forms on a parameter), or
        /// created inside a factory delegate that runs once (<c>Lazy&lt;T&gt;</c>, <c>LazyInitializer.EnsureInitialized</c>,
        /// <c>GetOrAdd</c>, <c>IMemoryCache.GetOrCreate</c>).
        /// </summary>
        private static bool IsKept(SemanticModel model, ExpressionSyntax site, CancellationToken cancellationToken)
        {
            SyntaxNode value = site;
            var coalesced = false;
            while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax or
                   BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression or (int)SyntaxKind.AsExpression } or
                   ConditionalExpressionSyntax)
            {
                coalesced |= value.Parent.IsKind(SyntaxKind.CoalesceExpression);
                value = value.Parent;
            }

            if (value.Parent is AssignmentExpressionSyntax assignment && assignment.Right == value)
            {
                var target = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                if (target is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true })
                {
                    return true;
                }

                // A parameter's null fallback (if (client == null) client = new …; client ??= new …) runs only when a
                // caller passes no client; which callers do is not followed, so it is not counted as per invocation.
                var cached = assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) || coalesced || IsGuardedByNullCheck(assignment);
                if (cached && target is IFieldSymbol or IPropertySymbol or IParameterSymbol)
                {
                    return true;
                }
            }

            // Only a factory delegate runs once: GetOrAdd(key, new X()) builds the value on every call.
            var inFactory = false;
            for (var node = site.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                inFactory |= node is AnonymousFunctionExpressionSyntax;
                if (inFactory && node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var call } } && CachingCalls.Contains(CalledName(call) ?? string.Empty))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>if (client == null) client = new …;</c>: the assignment sits in an <c>if</c> whose condition names what it assigns.</summary>
        private static bool IsGuardedByNullCheck(AssignmentExpressionSyntax assignment)
        {
            var assigned = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            };
            var guard = assignment.FirstAncestorOrSelf<IfStatementSyntax>();
            return assigned is not null && guard is not null &&
                guard.Condition.DescendantTokens().Any(t => t.ValueText == assigned) &&
                guard.Condition.DescendantTokens().Any(t => t.IsKind(SyntaxKind.NullKeyword));
        }

        private static string? CalledName(SyntaxNode? call) => call switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: SimpleNameSyntax simple } => simple.Identifier.ValueText,
            ObjectCreationExpressionSyntax { Type: var type } => WrittenTypeName.Of(type),
            _ => null,
        };

        /// <summary>Whether a <c>using</c> of the file or of an enclosing namespace imports <paramref name="ns"/> or a namespace inside it.</summary>
        private static bool NamespaceIsImported(SyntaxNode node, string ns)
        {
            foreach (var scope in node.Ancestors())
            {
                var usings = scope switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax declaration => declaration.Usings,
                    _ => default,
                };
                foreach (var directive in usings)
                {
                    var imported = directive.Name?.ToString();
                    if (imported is not null && (imported == ns || imported.StartsWith(ns + ".", StringComparison.Ordinal)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
