using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// PF2004: work that runs after the invocation that started it returns — hosted services, timers,
    /// fire-and-forget tasks, async void — in a project deployed where the platform freezes the process between
    /// invocations. Candidates are found on syntax; only those a unit reaches are bound.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "AddHostedService", "AddHangfireServer", "AddQuartzHostedService", "AddSingleton", "AddTransient", "AddScoped",
        "TryAddSingleton", "TryAddTransient", "TryAddScoped", "Timer", "PeriodicTimer",
        Shapes = TriggerShapes.DiscardedInvocation | TriggerShapes.AsyncVoidMethod | TriggerShapes.AsyncLambda)]
    public sealed class FrozenBackgroundWorkAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableHashSet<string> TimerTypeNames = ImmutableHashSet.Create("Timer", "PeriodicTimer");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF2004);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = PlatformUnits.Where(deployment.Units, ExecutionTraits.FrozenBetweenInvocations);
            if (units.Count == 0)
            {
                return;
            }

            var bound = units.Select(u => u.Bound).ToList();
            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, deployment, bound), SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeCreation(c, deployment, bound), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeAsyncVoid(c, deployment, bound), SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
            context.RegisterSyntaxNodeAction(c => AnalyzeAsyncLambda(c, deployment, bound), SyntaxKind.SimpleLambdaExpression, SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.AnonymousMethodExpression);
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<Core.Binding.BoundUnit> units)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                MemberBindingExpressionSyntax binding => binding.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name is null)
            {
                return;
            }

            if (BackgroundWork.IsRegistrationName(name.Identifier.ValueText))
            {
                Report(context, deployment, units, invocation, (model, token) => BackgroundWork.Registration(invocation, name, model, token));
            }
            else if (LooksDiscarded(invocation))
            {
                Report(context, deployment, units, invocation, (model, token) => BackgroundWork.Unawaited(invocation, name, model, token));
            }
        }

        private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<Core.Binding.BoundUnit> units)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            var typeName = creation switch
            {
                ObjectCreationExpressionSyntax { Type: QualifiedNameSyntax qualified } => qualified.Right.Identifier.ValueText,
                ObjectCreationExpressionSyntax { Type: SimpleNameSyntax simple } => simple.Identifier.ValueText,
                ImplicitObjectCreationExpressionSyntax implicitCreation => TargetTypedNew.DeclaredTypeName(implicitCreation),
                _ => null,
            };
            if (typeName is not null && TimerTypeNames.Contains(typeName))
            {
                Report(context, deployment, units, creation, (model, token) => BackgroundWork.Timer(creation, model, token));
            }
        }

        private static void AnalyzeAsyncVoid(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<Core.Binding.BoundUnit> units)
        {
            var (modifiers, returnType, identifier) = context.Node switch
            {
                MethodDeclarationSyntax method => (method.Modifiers, method.ReturnType, method.Identifier),
                LocalFunctionStatementSyntax local => (local.Modifiers, local.ReturnType, local.Identifier),
                _ => default,
            };
            if (!modifiers.Any(SyntaxKind.AsyncKeyword) || returnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
            {
                return;
            }

            Report(context, deployment, units, context.Node, (model, token) =>
                BackgroundWork.AsyncVoidMethod(identifier, model.GetDeclaredSymbol(context.Node, token) as IMethodSymbol));
        }

        private static void AnalyzeAsyncLambda(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, List<Core.Binding.BoundUnit> units)
        {
            var lambda = (AnonymousFunctionExpressionSyntax)context.Node;
            if (lambda.AsyncKeyword.RawKind != 0)
            {
                Report(context, deployment, units, lambda, (model, token) => BackgroundWork.AsyncVoidLambda(lambda, model, token));
            }
        }

        /// <summary>
        /// Reachability first, binding second: the candidate is bound only when a unit runs it. A path that goes
        /// through a hosted-service registration is already reported on that registration.
        /// </summary>
        private static void Report(
            SyntaxNodeAnalysisContext context,
            ProjectDeployment deployment,
            List<Core.Binding.BoundUnit> units,
            SyntaxNode site,
            Func<SemanticModel, CancellationToken, BackgroundWork?> find)
        {
            var reaching = ReachingUnits.Of(context.SemanticModel, site, units, context.CancellationToken);
            if (reaching.Count == 0)
            {
                return;
            }

            var work = find(context.SemanticModel, context.CancellationToken);
            if (work is null)
            {
                return;
            }

            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF2004,
                work.Location,
                reaching.Where(r => !ThroughHostedService(r.Path, context.CancellationToken)).ToList(),
                UnitFinding.DeclarationOf,
                work.Description,
                first => new object[] { work.Description, first.Unit.Unit.Name, deployment.Display(first.Unit.Unit.Declaration), work.Instead });
        }

        /// <summary>Whether a step of the path is the registration that hands a hosted service to the host.</summary>
        private static bool ThroughHostedService(IReadOnlyList<FlowStep> path, CancellationToken cancellationToken)
        {
            foreach (var step in path.Skip(1))
            {
                if (step.Location.SourceTree is { } tree
                    && tree.GetRoot(cancellationToken).FindNode(step.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
                    && BackgroundWork.IsHostedServiceRegistration(invocation))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The syntactic shapes in which an invocation's result is dropped (confirmed on symbols later).</summary>
        internal static bool LooksDiscarded(InvocationExpressionSyntax invocation)
        {
            SyntaxNode node = invocation;
            while (node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == node)
            {
                node = conditional;
            }

            return node.Parent switch
            {
                ExpressionStatementSyntax => true,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } assignment => assignment.Right == node,
                ArrowExpressionClauseSyntax => true,
                AnonymousFunctionExpressionSyntax lambda => lambda.Body == node,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } } => true,
                _ => false,
            };
        }
    }
}
