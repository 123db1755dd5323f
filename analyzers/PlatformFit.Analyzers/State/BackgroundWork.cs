using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.State
{
    /// <summary>What starts work that can outlive an invocation, and where a finding about it sits.</summary>
    /// <param name="Location">The code a finding points at: the registration, the timer, the call nobody awaits.</param>
    /// <param name="Description">The message's words for it: "'Task.Run' starts work that nobody awaits".</param>
    /// <param name="Instead">What to do instead, for the end of the message.</param>
    internal sealed record BackgroundWork(Location Location, string Description, string Instead)
    {
        private const string Schedule = "invoke a function from an EventBridge schedule for periodic work";
        private const string AwaitIt = "await the work before the handler returns";

        private static readonly ImmutableHashSet<string> HostedServiceRegistrations = ImmutableHashSet.Create(
            "AddHostedService", "AddHangfireServer", "AddQuartzHostedService");

        private static readonly ImmutableHashSet<string> ServiceRegistrations = ImmutableHashSet.Create(
            "AddSingleton", "AddTransient", "AddScoped", "TryAddSingleton", "TryAddTransient", "TryAddScoped");

        private static readonly ImmutableHashSet<string> TimerTypes = ImmutableHashSet.Create(
            "System.Threading.Timer", "System.Timers.Timer", "System.Threading.PeriodicTimer");

        /// <summary>Tasks that are complete when they are returned: dropping them loses nothing.</summary>
        private static readonly ImmutableHashSet<string> CompletedTasks = ImmutableHashSet.Create(
            "FromResult", "FromException", "FromCanceled", "Delay", "Yield");

        /// <summary>Names an invocation must have to be a candidate before anything is bound.</summary>
        public static bool IsRegistrationName(string name) => HostedServiceRegistrations.Contains(name) || ServiceRegistrations.Contains(name);

        /// <summary>Whether the call registers a hosted service, on syntax alone (for the steps of a call path).</summary>
        public static bool IsHostedServiceRegistration(InvocationExpressionSyntax invocation) =>
            NameOf(invocation.Expression) is { } name
            && (HostedServiceRegistrations.Contains(name.Identifier.ValueText)
                || (ServiceRegistrations.Contains(name.Identifier.ValueText)
                    && name is GenericNameSyntax { TypeArgumentList.Arguments: { Count: > 0 } arguments }
                    && (arguments[0] is IdentifierNameSyntax { Identifier.ValueText: "IHostedService" } or QualifiedNameSyntax { Right.Identifier.ValueText: "IHostedService" })));

        /// <summary>
        /// <c>AddHostedService&lt;T&gt;()</c>, Hangfire and Quartz servers, and <c>AddSingleton&lt;IHostedService, T&gt;()</c>:
        /// symbol-based where the host's types resolve, name-based where they do not.
        /// </summary>
        public static BackgroundWork? Registration(InvocationExpressionSyntax invocation, SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = name.Identifier.ValueText;
            var symbol = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
            var declaringNamespace = (symbol?.ReducedFrom ?? symbol)?.ContainingType?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (HostedServiceRegistrations.Contains(method))
            {
                var expected = method switch
                {
                    "AddHangfireServer" => "Hangfire",
                    "AddQuartzHostedService" => "Quartz",
                    _ => "Microsoft.Extensions.DependencyInjection",
                };
                if (symbol is not null && !declaringNamespace.StartsWith(expected, StringComparison.Ordinal))
                {
                    return null;
                }

                var what = method == "AddHostedService" ? "a hosted service" : method == "AddHangfireServer" ? "a Hangfire job server" : "the Quartz scheduler";
                return new BackgroundWork(name.GetLocation(), $"'{name}' runs {what} in the background", Schedule);
            }

            // services.AddSingleton<IHostedService, Sweeper>()
            if (name is GenericNameSyntax { TypeArgumentList.Arguments: { Count: > 0 } arguments }
                && model.GetTypeInfo(arguments[0], cancellationToken).Type is { } service
                && service.Name == "IHostedService"
                && (service.TypeKind == TypeKind.Error || service.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting"))
            {
                return new BackgroundWork(name.GetLocation(), $"'{name}' runs a hosted service in the background", Schedule);
            }

            return null;
        }

        /// <summary>
        /// A timer created to run beyond the method: kept in a field, handed on, or left running. A timer in a
        /// <c>using</c> local is disposed before the method returns, and a <c>PeriodicTimer</c> in a local only
        /// ticks while the method awaits it: both are silent.
        /// </summary>
        public static BackgroundWork? Timer(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(creation, cancellationToken).Type;
            var typeName = type?.ToDisplayString();
            if (type is null || type.TypeKind == TypeKind.Error || typeName is null || !TimerTypes.Contains(typeName))
            {
                return null;
            }

            if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            {
                var isUsing = declaration.Parent is UsingStatementSyntax || declaration.Parent is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 };
                var isLocal = declaration.Parent is LocalDeclarationStatementSyntax or UsingStatementSyntax;
                if (isUsing || (isLocal && type.Name == "PeriodicTimer"))
                {
                    return null;
                }
            }

            var location = creation is ObjectCreationExpressionSyntax explicitCreation ? explicitCreation.Type.GetLocation() : creation.NewKeyword.GetLocation();
            return new BackgroundWork(location, $"'new {type.Name}' runs its callback on a schedule of its own", Schedule);
        }

        /// <summary>
        /// An awaitable call whose task nobody awaits: a statement, assigned to the discard, the body of a
        /// void-returning lambda or method, or a local that is never used again. Name-based where the call does not
        /// bind (a method of an un-restored SDK client whose name ends in Async).
        /// </summary>
        public static BackgroundWork? Unawaited(InvocationExpressionSyntax invocation, SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = name.Identifier.ValueText;
            if (method == "QueueUserWorkItem" || method == "UnsafeQueueUserWorkItem")
            {
                var queued = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                return queued?.ContainingType?.ToDisplayString() == "System.Threading.ThreadPool" && invocation.Parent is ExpressionStatementSyntax
                    ? new BackgroundWork(name.GetLocation(), $"'ThreadPool.{method}' starts work that nobody awaits", AwaitIt)
                    : null;
            }

            if (!IsDiscarded(invocation, model, cancellationToken))
            {
                return null;
            }

            var type = model.GetTypeInfo(invocation, cancellationToken).Type;
            var symbol = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
            if (symbol is not null && symbol.ContainingType?.ToDisplayString() == "System.Threading.Tasks.Task" && CompletedTasks.Contains(symbol.Name))
            {
                return null;
            }

            var awaitable = type is { TypeKind: not TypeKind.Error } ? IsAwaitable(type) : method.EndsWith("Async", StringComparison.Ordinal);
            if (!awaitable)
            {
                return null;
            }

            // SaveAsync().ConfigureAwait(false): name the call that starts the work.
            var started = method == "ConfigureAwait" && invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax inner } && NameOf(inner.Expression) is { } innerName
                ? innerName
                : name;
            var display = started.Identifier.ValueText is "Run" or "StartNew" or "ContinueWith" or "WhenAll" or "WhenAny"
                && started.Parent is MemberAccessExpressionSyntax access
                ? $"{access.Expression}.{started.Identifier.ValueText}"
                : started.Identifier.ValueText;
            var verb = display.StartsWith("Task.", StringComparison.Ordinal) || display.EndsWith("ContinueWith", StringComparison.Ordinal)
                ? "starts work that nobody awaits"
                : "returns a task that nobody awaits";
            return new BackgroundWork(started.GetLocation(), $"'{display}' {verb}", AwaitIt);
        }

        /// <summary><c>async void</c> methods and local functions, except event handlers (<c>(object sender, EventArgs e)</c>).</summary>
        public static BackgroundWork? AsyncVoidMethod(SyntaxToken identifier, IMethodSymbol? method)
        {
            if (method is not { IsAsync: true, ReturnsVoid: true } || IsEventHandler(method))
            {
                return null;
            }

            return new BackgroundWork(identifier.GetLocation(), $"'async void' method '{identifier.ValueText}' cannot be awaited, so its work outlives the call", "return a Task and await it");
        }

        /// <summary>An async lambda converted to a void-returning delegate (<c>list.ForEach(async x => …)</c>), except event handlers.</summary>
        public static BackgroundWork? AsyncVoidLambda(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
        {
            if (lambda.AsyncKeyword.RawKind == 0)
            {
                return null;
            }

            var method = model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol;
            if (method is not { ReturnsVoid: true } || IsEventHandler(method) || HandlesAnEvent(lambda, model, cancellationToken))
            {
                return null;
            }

            var delegateType = model.GetTypeInfo(lambda, cancellationToken).ConvertedType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "a void-returning delegate";
            return new BackgroundWork(lambda.AsyncKeyword.GetLocation(), $"An async lambda passed as '{delegateType}' cannot be awaited, so its work outlives the call", "pass a Func that returns a Task and await it");
        }

        /// <summary>
        /// A lambda subscribed to an event (<c>Appended += async (s, e) => …</c>) or converted to
        /// <c>EventHandler</c>/<c>EventHandler&lt;T&gt;</c>, whose argument need not derive from <c>EventArgs</c>: an
        /// event handler, which can only be <c>async void</c>.
        /// </summary>
        private static bool HandlesAnEvent(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
        {
            if (lambda.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } subscription && subscription.Right == lambda
                && model.GetSymbolInfo(subscription.Left, cancellationToken).Symbol is IEventSymbol)
            {
                return true;
            }

            return model.GetTypeInfo(lambda, cancellationToken).ConvertedType is INamedTypeSymbol { Name: "EventHandler" } handler
                && handler.ContainingNamespace?.ToDisplayString() == "System";
        }

        private static bool IsEventHandler(IMethodSymbol method) =>
            method.Parameters.Length == 2
            && method.Parameters[0].Type.SpecialType == SpecialType.System_Object
            && DerivesFromEventArgs(method.Parameters[1].Type);

        private static bool DerivesFromEventArgs(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                return type.Name.EndsWith("EventArgs", StringComparison.Ordinal);
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == "System.EventArgs")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAwaitable(ITypeSymbol type)
        {
            var ns = type.ContainingNamespace?.ToDisplayString();
            return (ns == "System.Threading.Tasks" && type.Name is "Task" or "ValueTask")
                || (ns == "System.Runtime.CompilerServices" && type.Name is "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable");
        }

        private static bool IsDiscarded(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode node = invocation;
            while (node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == node)
            {
                node = conditional;
            }

            switch (node.Parent)
            {
                case ExpressionStatementSyntax:
                    return true;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } left } assignment when assignment.Right == node:
                    return model.GetSymbolInfo(left, cancellationToken).Symbol is null or IDiscardSymbol;
                case ArrowExpressionClauseSyntax arrow:
                    var member = arrow.Parent is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax ? model.GetDeclaredSymbol(arrow.Parent, cancellationToken) as IMethodSymbol : null;
                    return member is { ReturnsVoid: true, IsAsync: false };
                case AnonymousFunctionExpressionSyntax lambda when lambda.Body == node:
                    return model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true, IsAsync: false };
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement:
                    // var task = Task.Run(…); and the task is never used again.
                    var block = statement.Parent;
                    return block is not null && !block.DescendantNodes()
                        .OfType<IdentifierNameSyntax>()
                        .Any(n => n.SpanStart > declarator.Span.End && n.Identifier.ValueText == declarator.Identifier.ValueText);
                default:
                    return false;
            }
        }

        private static SimpleNameSyntax? NameOf(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
    }
}
