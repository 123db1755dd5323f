using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.State;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF2002: state that requests must share kept in one process's memory — session state on
    /// <c>AddDistributedMemoryCache</c> (or on no distributed cache), SignalR without a backplane — in a project
    /// deployed where many instances serve the requests and share no memory. Reported on the registration.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames("AddSession", "AddDistributedMemoryCache", "AddSignalR")]
    public sealed class InMemorySharedStateAnalyzer : DiagnosticAnalyzer
    {
        private const string AddSignalR = "AddSignalR";

        /// <summary>The registrations by name, with the types that declare them.</summary>
        private static readonly ImmutableDictionary<string, string> Registrations = new Dictionary<string, string>
        {
            [SharedStateRegistrations.AddSession] = "Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions",
            [SharedStateRegistrations.AddDistributedMemoryCache] = "Microsoft.Extensions.DependencyInjection.MemoryCacheServiceCollectionExtensions",
            [AddSignalR] = "Microsoft.Extensions.DependencyInjection.SignalRDependencyInjectionExtensions",
        }.ToImmutableDictionary();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF2002);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = PlatformUnits.Where(deployment.Units, ExecutionTraits.IsolatedInstanceMemory);
            if (units.Count == 0)
            {
                return;
            }

            var compilation = context.Compilation;
            var cancellationToken = context.CancellationToken;
            var registrations = new Lazy<SharedStateRegistrations>(() => SharedStateRegistrations.Of(compilation, cancellationToken));
            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, deployment, units, registrations), SyntaxKind.InvocationExpression);
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<PlatformUnit> units, Lazy<SharedStateRegistrations> registrations)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = InvokedName(invocation.Expression);
            if (name is null || !Registrations.TryGetValue(name.Identifier.ValueText, out var declaringType))
            {
                return;
            }

            if (!IsRegistration(context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken), declaringType))
            {
                return;
            }

            var found = registrations.Value;
            string registration, kept, instead;
            var candidates = units;
            switch (name.Identifier.ValueText)
            {
                case SharedStateRegistrations.AddDistributedMemoryCache when found.HasSession && !found.HasSharedCache:
                    registration = "'AddDistributedMemoryCache'";
                    kept = "the session state of 'AddSession'";
                    instead = "register a shared IDistributedCache instead (AddStackExchangeRedisCache, AddDistributedSqlServerCache, a DynamoDB cache)";
                    break;
                case SharedStateRegistrations.AddSession when !found.HasSharedCache && !found.HasMemoryDistributedCache:
                    registration = "'AddSession', with no shared IDistributedCache registered,";
                    kept = "session state";
                    instead = "register a shared IDistributedCache (AddStackExchangeRedisCache, AddDistributedSqlServerCache, a DynamoDB cache)";
                    break;
                case AddSignalR when !found.HasBackplane:
                    registration = "'AddSignalR' without a backplane";
                    kept = "SignalR connections and groups";
                    instead = "add a backplane (AddStackExchangeRedis) or use Azure SignalR Service (AddAzureSignalR)";

                    // Behind a front door that cannot hold a connection the hub cannot work at all: PF1001 reports
                    // that as an error, and a second finding about the backplane would only add noise.
                    candidates = units.Where(u => !u.Bound.Unit.FrontDoors.Any(d => u.Profile.FrontDoor(d.ProfileKey) is { WebSocket: WebSocketSupport.None })).ToList();
                    break;
                default:
                    return;
            }

            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF2002,
                name.GetLocation(),
                ReachingUnits.Of(context.SemanticModel, invocation, candidates.Select(u => u.Bound), context.CancellationToken),
                UnitFinding.DeclarationOf,
                $"{registration} keeps {kept} in memory",
                first => new object[] { registration, kept, first.Unit.Unit.Name, deployment.Display(first.Unit.Unit.Declaration), instead });
        }

        /// <summary>Symbol-based where the types resolve; name-based where they do not. Another type's method of the same name is a look-alike.</summary>
        private static bool IsRegistration(SymbolInfo info, string declaringType)
        {
            var candidates = info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols;
            if (candidates.IsEmpty)
            {
                return true;
            }

            return candidates.OfType<IMethodSymbol>().Any(m => (m.ReducedFrom ?? m).ContainingType?.ToDisplayString() == declaringType);
        }

        private static SimpleNameSyntax? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
    }
}
