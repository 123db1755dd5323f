using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Analyzers.Values;
using PlatformFit.Core.Rules;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3001: a constant wait or client timeout longer than the timeout of a deployment unit that runs it —
    /// <c>Task.Delay</c>, <c>Thread.Sleep</c>, <c>Task.Wait</c>/<c>WaitAsync</c> and <c>SemaphoreSlim.Wait</c>/<c>WaitAsync</c>
    /// with a timeout, <c>new CancellationTokenSource(…)</c> and <c>CancelAfter</c>, <c>HttpClient.Timeout</c> and the
    /// AWS SDK's <c>ClientConfig.Timeout</c>. Silent for durations computed at run time, infinite waits, waits within
    /// the timeout, and a cancellable wait in code that budgets with <c>ILambdaContext.RemainingTime</c>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "Delay", "Sleep", "Wait", "WaitAsync", "CancelAfter", "CancellationTokenSource", "Timeout",
        Shapes = TriggerShapes.UnwrittenTargetTypedNew)]
    public sealed class WaitLongerThanTimeoutAnalyzer : DiagnosticAnalyzer
    {
        private const string TaskType = "System.Threading.Tasks.Task";
        private const string TaskOfTType = "System.Threading.Tasks.Task<TResult>";
        private const string ThreadType = "System.Threading.Thread";
        private const string SemaphoreType = "System.Threading.SemaphoreSlim";
        private const string CancellationSourceType = "System.Threading.CancellationTokenSource";
        private const string HttpClientType = "System.Net.Http.HttpClient";
        private const string AwsClientConfigType = "Amazon.Runtime.ClientConfig";

        private static readonly ImmutableHashSet<string> WaitMethods = ImmutableHashSet.Create("Delay", "Sleep", "Wait", "WaitAsync", "CancelAfter");

        /// <summary>An AWS SDK service client's config class by its name, for repositories whose packages are not restored.</summary>
        private static readonly Regex AwsClientConfigName = new("^Amazon[A-Za-z0-9]*Config$", RegexOptions.CultureInvariant);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF3001);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = LimitedUnits.For(deployment, RuleCatalog.PF3001.Platforms, (unit, profile) =>
                UnitLimit.Of(unit, unit.TimeoutSeconds, profile, UnitLimit.TimeoutLimit, "timeout", DurationText.Seconds, deployment));
            if (units.IsEmpty)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, deployment, units), SyntaxKind.InvocationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeCreation(c, deployment, units), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeAssignment(c, deployment, units), SyntaxKind.SimpleAssignmentExpression);
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, LimitedUnits units)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            if (InvokedName(invocation.Expression) is not { } name || !WaitMethods.Contains(name) || invocation.ArgumentList.Arguments.Count == 0)
            {
                return;
            }

            var model = context.SemanticModel;
            var info = model.GetSymbolInfo(invocation, context.CancellationToken);
            string? what;
            IOperation? duration;
            SyntaxNode? durationSyntax;
            if (info.Symbol is IMethodSymbol method)
            {
                what = WaitPhrase(ContainingTypeName(method), name);
                if (what is null || method.Parameters.Length == 0 || !IsDurationType(method.Parameters[0].Type) ||
                    model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation)
                {
                    return;
                }

                var argument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                duration = argument?.Value;
                durationSyntax = argument?.Syntax;
            }
            else if (info.CandidateSymbols.IsEmpty && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver })
            {
                // Nothing binds (an un-restored repository): only the unmistakable static calls, by name.
                what = (receiver.Identifier.ValueText, name) switch
                {
                    ("Task", "Delay") => "'Task.Delay' waits",
                    ("Thread", "Sleep") => "'Thread.Sleep' waits",
                    _ => null,
                };
                durationSyntax = invocation.ArgumentList.Arguments[0];
                duration = model.GetOperation(invocation.ArgumentList.Arguments[0].Expression, context.CancellationToken);
            }
            else
            {
                return;
            }

            if (what is null || duration is null || durationSyntax is null)
            {
                return;
            }

            if (name is not ("Sleep" or "CancelAfter") && BudgetsWithRemainingTime(model, invocation, context.CancellationToken))
            {
                return;
            }

            Check(context, deployment, units, durationSyntax, duration, what, perInvocation: true);
        }

        private static void AnalyzeCreation(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, LimitedUnits units)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            if (creation.ArgumentList is not { Arguments.Count: > 0 } || WrittenTypeName.Of(creation) is { } written && written != "CancellationTokenSource")
            {
                return;
            }

            if (context.SemanticModel.GetOperation(creation, context.CancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation ||
                constructor.ContainingType.ToDisplayString() != CancellationSourceType ||
                constructor.Parameters.Length == 0 || !IsDurationType(constructor.Parameters[0].Type))
            {
                return;
            }

            var argument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            if (argument is not null)
            {
                Check(context, deployment, units, argument.Syntax, argument.Value, "'new CancellationTokenSource' cancels only after", perInvocation: true);
            }
        }

        private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, LimitedUnits units)
        {
            var assignment = (AssignmentExpressionSyntax)context.Node;
            var target = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax member => member.Name,
                _ => null,
            };
            if (target?.Identifier.ValueText != "Timeout")
            {
                return;
            }

            var model = context.SemanticModel;
            var owner = model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is IPropertySymbol property
                ? ResolvedClientType(model, assignment, property, context.CancellationToken)
                : UnresolvedClientType(model, assignment, context.CancellationToken);
            if (owner is null)
            {
                return;
            }

            Check(context, deployment, units, assignment.Right, model.GetOperation(assignment.Right, context.CancellationToken), $"'{owner}.Timeout' lets a request run for");
        }

        /// <summary>
        /// The client type whose <c>Timeout</c> this is, as the code names it: <c>HttpClient</c> (or a type derived
        /// from it), or an AWS SDK client config (<c>AmazonS3Config</c>, declared on <c>Amazon.Runtime.ClientConfig</c>).
        /// </summary>
        private static string? ResolvedClientType(SemanticModel model, AssignmentExpressionSyntax assignment, IPropertySymbol property, System.Threading.CancellationToken cancellationToken)
        {
            var declaring = property.ContainingType?.ToDisplayString();
            if (declaring is not (HttpClientType or AwsClientConfigType))
            {
                return null;
            }

            return ReceiverType(model, assignment, cancellationToken)?.Name is { Length: > 0 } name ? name : property.ContainingType!.Name;
        }

        /// <summary>By name, when nothing binds: <c>new AmazonS3Config { Timeout = … }</c> or <c>config.Timeout = …</c> on such a type.</summary>
        private static string? UnresolvedClientType(SemanticModel model, AssignmentExpressionSyntax assignment, System.Threading.CancellationToken cancellationToken)
        {
            var typeName = assignment is { Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                ? WrittenTypeName.Of(creation.Type)
                : ReceiverType(model, assignment, cancellationToken) is { TypeKind: TypeKind.Error } error ? error.Name : null;
            return typeName is not null && (typeName == "HttpClient" || AwsClientConfigName.IsMatch(typeName)) ? typeName : null;
        }

        /// <summary>The type of the object whose property is assigned: the created object in an initializer, or the receiver.</summary>
        private static ITypeSymbol? ReceiverType(SemanticModel model, AssignmentExpressionSyntax assignment, System.Threading.CancellationToken cancellationToken) => assignment switch
        {
            { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } => model.GetTypeInfo(creation, cancellationToken).Type,
            { Left: MemberAccessExpressionSyntax member } => model.GetTypeInfo(member.Expression, cancellationToken).Type,
            _ => null,
        };

        // perInvocation: true for a wait, which only code handling an event must finish within the timeout (a hosted
        // service's loop need not); false for a client's timeout, set at start-up and used on every event.
        private static void Check(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, LimitedUnits units, SyntaxNode site, IOperation? duration, string what, bool perInvocation = false)
        {
            var folder = new ConstantFolder(context.SemanticModel.Compilation, context.CancellationToken);
            if (!folder.TryFold(duration, out var value) || value.Unbounded || value.Value <= 0)
            {
                return;
            }

            // A number is a count of milliseconds (Task.Delay(int millisecondsDelay), Thread.Sleep(int …) …).
            var milliseconds = value.Value;
            if (milliseconds <= units.Smallest * 1_000.0)
            {
                return;
            }

            var durationText = DurationText.Format(milliseconds);
            var location = site.GetLocation();
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF3001,
                location,
                units.ExceededAt(context.SemanticModel, site, seconds => milliseconds > seconds * 1_000.0, context.CancellationToken, perInvocation),
                e => e.Reaching,
                e => e.Limit.Related,
                $"{what} {durationText}",
                first => new object[] { what, durationText, CodePlace.Of(value.Origin ?? location), first.Reaching.Unit.Unit.Name, first.Limit.Text });
        }

        private static string? WaitPhrase(string type, string name) => (type, name) switch
        {
            (TaskType, "Delay") => "'Task.Delay' waits",
            (ThreadType, "Sleep") => "'Thread.Sleep' waits",
            (TaskType or TaskOfTType, "Wait" or "WaitAsync") => $"'Task.{name}' can wait",
            (SemaphoreType, "Wait" or "WaitAsync") => $"'SemaphoreSlim.{name}' can wait",
            (CancellationSourceType, "CancelAfter") => "'CancelAfter' cancels only after",
            _ => null,
        };

        /// <summary>
        /// A cancellable wait in code that reads <c>ILambdaContext.RemainingTime</c>: the token is most likely the one
        /// that budget cancels, and the wait ends in time. Not followed through variables: a heuristic that keeps quiet.
        /// </summary>
        private static bool BudgetsWithRemainingTime(SemanticModel model, InvocationExpressionSyntax invocation, System.Threading.CancellationToken cancellationToken)
        {
            var takesToken = invocation.ArgumentList.Arguments.Any(a =>
                a.Expression is not (LiteralExpressionSyntax or DefaultExpressionSyntax) &&
                !(a.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "None" }) &&
                model.GetTypeInfo(a.Expression, cancellationToken).Type?.ToDisplayString() == "System.Threading.CancellationToken");
            if (!takesToken)
            {
                return false;
            }

            SyntaxNode? body = invocation.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or GlobalStatementSyntax);
            if (body is GlobalStatementSyntax)
            {
                body = body.Parent;
            }

            return (body ?? invocation).DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "RemainingTime");
        }

        private static bool IsDurationType(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_Int32 || type.ToDisplayString() == "System.TimeSpan";

        private static string ContainingTypeName(IMethodSymbol method) =>
            (method.ReducedFrom ?? method).ContainingType.OriginalDefinition.ToDisplayString();

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }
}
