using System.Collections.Concurrent;
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
    /// PF2001: request data written into static state (or into the Lambda handler object's fields) on the request
    /// path, in a project deployed where every instance has its own memory and is recycled. "Request data" is
    /// what flows from the writing method's parameters or ASP.NET Core's request objects and is not the key the
    /// entry is stored under (see <see cref="RequestDataPaths"/>); start-up code, memos of a computation of the
    /// key, counters, flags, lazily created clients, <c>[ThreadStatic]</c> and <c>AsyncLocal</c> stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(Shapes = TriggerShapes.StateMemberName)]
    public sealed class RequestDataInStaticStateAnalyzer : DiagnosticAnalyzer
    {
        private static readonly SyntaxKind[] WriteKinds =
        {
            SyntaxKind.InvocationExpression, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.AddAssignmentExpression,
            SyntaxKind.SubtractAssignmentExpression, SyntaxKind.MultiplyAssignmentExpression, SyntaxKind.DivideAssignmentExpression,
            SyntaxKind.OrAssignmentExpression, SyntaxKind.AndAssignmentExpression, SyntaxKind.CoalesceAssignmentExpression,
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF2001);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (SetUp(context.Compilation, context.Options, context.CancellationToken) is not var (deployment, units, handlerTypes, singletons, stateNames))
            {
                return;
            }

            var treesThatMention = new ConcurrentDictionary<SyntaxTree, bool>();
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    var mentions = treesThatMention.GetOrAdd(c.Node.SyntaxTree, tree => tree.GetRoot(c.CancellationToken).DescendantTokens()
                        .Any(t => t.IsKind(SyntaxKind.IdentifierToken) && stateNames.Contains(t.ValueText)));
                    if (mentions)
                    {
                        AnalyzeWrite(c, deployment, units, handlerTypes, singletons, stateNames);
                    }
                },
                WriteKinds);
        }

        /// <summary>
        /// The names of the members that can hold state, for the CLI's tree triggers (<see cref="TriggerShapes.StateMemberName"/>):
        /// a tree that mentions none of them holds no write this rule reports. Empty when the rule looks at nothing.
        /// </summary>
        internal static ImmutableHashSet<string> StateNames(Compilation compilation, AnalyzerOptions options, System.Threading.CancellationToken cancellationToken) =>
            SetUp(compilation, options, cancellationToken)?.StateNames ?? ImmutableHashSet<string>.Empty;

        /// <summary>The units the rule applies to, their handler types and the state member names; null when there is nothing to look at.</summary>
        private static (ProjectDeployment Deployment, List<PlatformUnit> Units, Dictionary<PlatformUnit, INamedTypeSymbol?> HandlerTypes, ImmutableHashSet<INamedTypeSymbol> Singletons, ImmutableHashSet<string> StateNames)? SetUp(
            Compilation compilation,
            AnalyzerOptions options,
            System.Threading.CancellationToken cancellationToken)
        {
            var deployment = ProjectDeployment.Get(compilation, options, cancellationToken);
            var units = PlatformUnits.Where(deployment.Units, ExecutionTraits.IsolatedInstanceMemory);
            if (units.Count == 0)
            {
                return null;
            }

            var handlerTypes = units.ToDictionary(u => u, u => u.Bound.Handler?.TypeName is { } typeName ? compilation.GetTypeByMetadataName(typeName) : null);
            var singletons = SingletonServices.Of(compilation, cancellationToken);
            var stateNames = StateMemberNames(compilation, handlerTypes.Values.Concat(singletons), cancellationToken);
            return stateNames.Count == 0 ? null : (deployment, units, handlerTypes, singletons, stateNames);
        }

        /// <summary>The names of the members that can hold state: static fields and properties, and the handler types' and singleton services' own members.</summary>
        private static ImmutableHashSet<string> StateMemberNames(Compilation compilation, IEnumerable<INamedTypeSymbol?> handlerTypes, System.Threading.CancellationToken cancellationToken)
        {
            var names = ImmutableHashSet.CreateBuilder<string>();
            var handlers = new HashSet<INamedTypeSymbol>(handlerTypes.Where(t => t is not null)!, SymbolEqualityComparer.Default);
            foreach (var type in SourceTypes.All(compilation, cancellationToken))
            {
                var isHandler = handlers.Contains(type);
                foreach (var member in type.GetMembers())
                {
                    if (member is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } or IPropertySymbol && (member.IsStatic || isHandler))
                    {
                        names.Add(member.Name);
                    }
                }
            }

            return names.ToImmutable();
        }

        private static void AnalyzeWrite(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<PlatformUnit> units,
            Dictionary<PlatformUnit, INamedTypeSymbol?> handlerTypes,
            ImmutableHashSet<INamedTypeSymbol> singletons,
            ImmutableHashSet<string> stateNames)
        {
            var node = context.Node;
            var target = StateWrite.TargetSyntax(node);
            if (target is null || !MentionsState(target, node, stateNames) || StartUpCode.Contains(node))
            {
                return;
            }

            var write = StateWrite.Find(node, context.SemanticModel, context.CancellationToken);
            if (write is null)
            {
                return;
            }

            // A singleton's constructor runs once, when the container first builds it: start-up, whoever asks.
            var inSingleton = !write.Root.IsStatic && write.Root.ContainingType is { } holder && singletons.Contains(holder);
            if (inSingleton && context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                return;
            }

            var candidates = units
                .Where(u => write.Root.IsStatic || inSingleton || SymbolEqualityComparer.Default.Equals(handlerTypes[u], write.Root.ContainingType))
                .Select(u => u.Bound)
                .ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var data = RequestDataPaths.NotDerivedFromKeys(write.Values, write.Keys, context.SemanticModel, context.CancellationToken);
            if (data is null || HelperCallers.AllPassKeyDerivedData(context.ContainingSymbol, write, context.SemanticModel, context.CancellationToken))
            {
                return;
            }

            var reaching = ReachingUnits.Of(context.SemanticModel, node, candidates, context.CancellationToken)
                .Where(r => !StartUpCode.OnPath(r.Path, context.CancellationToken))
                .ToList();
            var primary = node is InvocationExpressionSyntax invocation ? invocation.Expression.GetLocation() : target.GetLocation();
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF2001,
                primary,
                reaching,
                UnitFinding.DeclarationOf,
                $"'{write.Root.ContainingType?.Name}.{write.Root.Name}' is written with request data ('{data}')",
                first => new object[] { write.DescribeRoot(inSingleton), data, first.Unit.Unit.Name, deployment.Display(first.Unit.Unit.Declaration) });
        }

        /// <summary>
        /// The syntactic filter: the write's target names a state member, or starts at a local declared from one
        /// (<c>var cart = Carts.GetOrAdd(…); cart.Items.Add(item)</c>).
        /// </summary>
        private static bool MentionsState(ExpressionSyntax target, SyntaxNode write, ImmutableHashSet<string> stateNames)
        {
            if (Mentions(target, stateNames))
            {
                return true;
            }

            var leftmost = target;
            while (true)
            {
                leftmost = leftmost switch
                {
                    MemberAccessExpressionSyntax member => member.Expression,
                    ElementAccessExpressionSyntax element => element.Expression,
                    ConditionalAccessExpressionSyntax conditional => conditional.Expression,
                    InvocationExpressionSyntax call => call.Expression,
                    PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                    ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
                    _ => leftmost,
                };
                if (leftmost is not (MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or InvocationExpressionSyntax or PostfixUnaryExpressionSyntax or ParenthesizedExpressionSyntax))
                {
                    break;
                }
            }

            if (leftmost is not IdentifierNameSyntax local)
            {
                return false;
            }

            SyntaxNode? body = write.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax or CompilationUnitSyntax);
            if (body is GlobalStatementSyntax)
            {
                body = body.Parent;
            }

            var name = local.Identifier.ValueText;
            foreach (var declaration in body?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
            {
                var origin = declaration switch
                {
                    VariableDeclaratorSyntax { Initializer: { } initializer } declarator when declarator.Identifier.ValueText == name => initializer.Value,
                    SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == name => designation.FirstAncestorOrSelf<InvocationExpressionSyntax>(),
                    _ => null,
                };
                if (origin is not null && Mentions(origin, stateNames))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Mentions(SyntaxNode node, ImmutableHashSet<string> names) =>
            node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => names.Contains(n.Identifier.ValueText));
    }
}
