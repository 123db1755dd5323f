using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PlatformFit.Analyzers.Hosting;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>One step of a call path: a place in the code and what happens there.</summary>
    internal sealed record FlowStep(Location Location, string Message);

    /// <summary>
    /// What one deployment unit's entry points reach through the project's call graph: direct calls,
    /// constructors and the initializers they run, method groups, property accessors, lambdas and local
    /// functions (walked as part of the member that declares them), virtual and interface calls to every
    /// implementation in source, and types the framework activates from a generic type argument
    /// (<c>AddHostedService&lt;T&gt;</c>, <c>UseStartup&lt;T&gt;</c>).
    /// <para>
    /// <see cref="PerInvocation"/> is the part of that code that runs for every event rather than once per
    /// execution environment — what a rule about per-invocation cost asks for. It is a second walk over the same
    /// call graph: from the entry points of the <see cref="EntryPhase.Invocation"/> phase and from the delegates
    /// start-up code hands to the framework to call per request (<see cref="InvocationCallbacks"/>), without the
    /// edges that only run at start-up: static initializers and static constructors, property initializers, and
    /// types the framework activates from a registration (<c>AddSingleton&lt;T&gt;</c>).
    /// </para>
    /// </summary>
    internal sealed class UnitReachability
    {
        private const int MaxPathSteps = 12;

        /// <summary>How many local variables a delegate argument is followed through (<c>var handler = …; Create(handler)</c>).</summary>
        private const int MaxDelegateHops = 2;

        private readonly Compilation compilation;
        private readonly SemanticModels models;
        private readonly Dictionary<ISymbol, Step> reached = new(SymbolEqualityComparer.Default);
        private readonly Queue<ISymbol> pending = new();
        private readonly HashSet<INamedTypeSymbol> initializedTypes = new(SymbolEqualityComparer.Default);
        private readonly CancellationToken cancellationToken;

        /// <summary>True for the walk of <see cref="PerInvocation"/>, which leaves out the edges that only run at start-up.</summary>
        private readonly bool perInvocationOnly;

        /// <summary>
        /// Lambdas and local functions that run per invocation, by their syntax: their symbols differ between semantic
        /// models, so an analyzer's site is matched to them by place.
        /// </summary>
        private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), ISymbol> regions = new();

        /// <summary>Delegates the reached code hands to the framework to call per invocation.</summary>
        private readonly List<Callback> callbacks = new();

        private readonly IReadOnlyList<EntryPoint> entries;
        private bool? hostsAspNetCore;
        private readonly System.Lazy<UnitReachability>? perInvocation;

        private UnitReachability(Compilation compilation, SemanticModels models, IReadOnlyList<EntryPoint> entries, bool perInvocationOnly, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.models = models;
            this.entries = entries;
            this.perInvocationOnly = perInvocationOnly;
            this.cancellationToken = cancellationToken;
            if (!perInvocationOnly)
            {
                perInvocation = new System.Lazy<UnitReachability>(ComputePerInvocation, LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }

        /// <summary>
        /// False when no entry point could be found: a handler that names code the project does not have (PF4005
        /// reports that the function cannot run), or no handler and no program entry point. Nothing then counts as
        /// reachable: treating the whole project as the unit's code would report start-up code (a <c>Startup</c>
        /// constructor, <c>Program</c>) as request code.
        /// </summary>
        public bool HasEntryPoints { get; private set; }

        /// <summary>
        /// The code the unit runs on every invocation, as opposed to once per execution environment (the handler
        /// type's constructor, static initializers, <c>Main</c> before it starts the runtime loop). Empty when no entry
        /// point could be found, like the whole reach.
        /// </summary>
        public UnitReachability PerInvocation => perInvocation?.Value ?? this;

        public static UnitReachability Compute(Compilation compilation, SemanticModels models, IReadOnlyList<EntryPoint> entries, CancellationToken cancellationToken)
        {
            var reachability = new UnitReachability(compilation, models, entries, perInvocationOnly: false, cancellationToken) { HasEntryPoints = entries.Count > 0 };
            foreach (var entry in entries)
            {
                reachability.Reach(entry.Member, new Step(null, null, entry.Description));
            }

            return reachability;
        }

        private UnitReachability ComputePerInvocation()
        {
            // The callbacks start-up code registers are known only once the whole reach has been walked.
            lock (reached)
            {
                Run(until: null);
            }

            var reachability = new UnitReachability(compilation, models, entries, perInvocationOnly: true, cancellationToken) { HasEntryPoints = true };
            foreach (var entry in entries)
            {
                if (entry.Phase == EntryPhase.Invocation)
                {
                    reachability.Reach(entry.Member, new Step(null, null, entry.Description));
                }
            }

            foreach (var callback in callbacks)
            {
                // The path to a callback starts with the start-up code that registers it.
                TryGetPath(callback.RegisteredIn, out var prefix);
                reachability.Reach(callback.Target, new Step(null, callback.Site, callback.Message) { Prefix = prefix });
            }

            // Sites are matched to lambdas by place (regions), which needs the whole per-invocation walk.
            reachability.Run(until: null);
            return reachability;
        }

        /// <summary>
        /// Whether the code at <paramref name="site"/> runs for this unit, and the path to it: through a lambda or
        /// local function this reach holds (innermost first), else through <paramref name="member"/>, the member
        /// whose code holds the site.
        /// </summary>
        public bool TryGetPath(SyntaxNode site, ISymbol? member, out IReadOnlyList<FlowStep> path)
        {
            if (regions.Count > 0)
            {
                for (var node = site; node is not null; node = node.Parent)
                {
                    if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax &&
                        regions.TryGetValue((node.SyntaxTree, node.Span), out var region))
                    {
                        return TryGetPath(region, out path);
                    }
                }
            }

            if (member is null)
            {
                path = System.Array.Empty<FlowStep>();
                return false;
            }

            return TryGetPath(member, out path);
        }

        /// <summary>
        /// Whether the member runs for this unit, and the path from the entry point to it. The walk is breadth-first
        /// and goes only as far as the question needs: code found near the entry point binds little else, and the
        /// path returned is a shortest one. Rules ask from concurrent analyzer callbacks, hence the lock.
        /// </summary>
        public bool TryGetPath(ISymbol member, out IReadOnlyList<FlowStep> path)
        {
            if (!HasEntryPoints)
            {
                path = System.Array.Empty<FlowStep>();
                return false;
            }

            member = Normalize(member);
            lock (reached)
            {
                if (!reached.ContainsKey(member))
                {
                    Run(until: member);
                }

                if (!reached.ContainsKey(member))
                {
                    path = System.Array.Empty<FlowStep>();
                    return false;
                }

                path = PathTo(member);
                return true;
            }
        }

        private List<FlowStep> PathTo(ISymbol member)
        {
            var steps = new List<FlowStep>();
            var current = member;
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            IReadOnlyList<FlowStep>? prefix = null;
            while (reached.TryGetValue(current, out var step) && seen.Add(current))
            {
                if (step.From is null)
                {
                    if (step.Prefix is not null)
                    {
                        // A callback: the step is where start-up code hands it to the framework.
                        steps.Add(new FlowStep(step.CallSite!, step.EntryDescription!));
                        prefix = step.Prefix;
                    }
                    else
                    {
                        steps.Add(new FlowStep(current.Locations[0], $"Entry point: {step.EntryDescription}"));
                    }

                    break;
                }

                steps.Add(new FlowStep(step.CallSite!, $"'{EntryPointResolver.Describe(step.From)}' calls '{EntryPointResolver.Describe(current)}'"));
                current = step.From;
            }

            steps.Reverse();
            if (prefix is not null)
            {
                steps.InsertRange(0, prefix);
            }

            return steps.Count <= MaxPathSteps ? steps : [.. steps.Take(1), .. steps.Skip(steps.Count - (MaxPathSteps - 1))];
        }

        private void Reach(ISymbol member, Step step)
        {
            member = Normalize(member);
            if (!EntryPointResolver.IsSource(member) || reached.ContainsKey(member))
            {
                return;
            }

            reached[member] = step;
            pending.Enqueue(member);
            if (perInvocationOnly && member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    regions[(reference.SyntaxTree, reference.Span)] = member;
                }
            }
        }

        /// <summary>Walks until <paramref name="until"/> is reached, or to the end when it is null.</summary>
        private void Run(ISymbol? until)
        {
            while (pending.Count > 0 && (until is null || !reached.ContainsKey(until)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = pending.Dequeue();
                if (!perInvocationOnly && member.ContainingType is { } type)
                {
                    // Static initializers run once per execution environment, not per invocation.
                    InitializeType(type, member);
                }

                if (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor)
                {
                    foreach (var initialized in InstanceInitializers(constructor.ContainingType))
                    {
                        Reach(initialized, new Step(member, constructor.Locations[0], null));
                    }

                    foreach (var frameworkOverride in FrameworkOverrides(constructor.ContainingType))
                    {
                        Reach(frameworkOverride, new Step(member, constructor.Locations[0], null));
                    }
                }

                if (perInvocationOnly && member is IMethodSymbol { Parameters.Length: > 0 } withParameters)
                {
                    // A request-scoped or transient service taken as a parameter (an endpoint's, an action's, a
                    // controller's or another such service's constructor's): the container builds it for this request.
                    foreach (var parameter in withParameters.Parameters)
                    {
                        foreach (var implementation in RequestScopedServices.For(compilation, models, parameter.Type, cancellationToken))
                        {
                            foreach (var built in implementation.InstanceConstructors)
                            {
                                Reach(built, new Step(member, parameter.Locations.FirstOrDefault(), null));
                            }
                        }
                    }
                }

                foreach (var operation in Bodies(member))
                {
                    Walk(member, operation);
                }
            }
        }

        private void Walk(ISymbol from, IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Call(from, invocation.TargetMethod, operation);
                        if (!perInvocationOnly)
                        {
                            // A registration (AddSingleton<T>) runs at start-up; what it activates is not per invocation.
                            Activate(from, invocation.TargetMethod, operation);
                            NoteCallbacks(from, invocation.TargetMethod, invocation.Arguments, operation);
                        }

                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation:
                        Call(from, constructor, operation);
                        if (!perInvocationOnly)
                        {
                            NoteCallbacks(from, constructor, creation.Arguments, operation);
                        }

                        break;
                    case IInvalidOperation invalid:
                        CallCandidates(from, invalid);
                        CallOnResolvedService(from, invalid);
                        if (!perInvocationOnly)
                        {
                            NoteCallbacksByName(from, invalid);
                        }

                        break;
                    case IMethodReferenceOperation reference:
                        Call(from, reference.Method, operation);
                        break;
                    case IPropertyReferenceOperation property:
                        if (property.Property.GetMethod is { } getter)
                        {
                            Call(from, getter, operation);
                        }

                        if (property.Property.SetMethod is { } setter)
                        {
                            Call(from, setter, operation);
                        }

                        if (!perInvocationOnly)
                        {
                            // Reaching the property reaches its initializer, which runs with the type or instance, not per use.
                            Reach(property.Property, new Step(from, operation.Syntax.GetLocation(), null));
                        }

                        break;
                    case IFieldReferenceOperation field when !perInvocationOnly && field.Field.ContainingType is { } fieldType && EntryPointResolver.IsSource(fieldType):
                        InitializeType(fieldType, from);
                        break;
                }
            }
        }

        private void Call(ISymbol from, IMethodSymbol target, IOperation site)
        {
            var step = new Step(from, site.Syntax.GetLocation(), null);
            Reach(target, step);
            if (target.IsAbstract || target.IsVirtual || target.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in Implementations.Of(compilation, Normalize(target), cancellationToken))
                {
                    Reach(implementation, step);
                }
            }
        }

        /// <summary>
        /// A call to the project's own method that does not bind because an argument's type is unknown (an un-restored
        /// package: <c>Import(record.Body)</c> inside <c>foreach (var record in sqsEvent.Records)</c>): the call still
        /// happens. Followed when the name leaves a single source method to call, or when overload resolution failed
        /// between source methods only: one of them runs.
        /// </summary>
        private void CallCandidates(ISymbol from, IInvalidOperation invalid)
        {
            if (invalid.Syntax is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax))
            {
                return;
            }

            var info = models.For(invalid.Syntax.SyntaxTree).GetSymbolInfo(invalid.Syntax, cancellationToken);
            var candidates = info.CandidateSymbols;
            var allSource = candidates.Length > 0 && candidates.All(c => c is IMethodSymbol && EntryPointResolver.IsSource(c));
            if (allSource && (candidates.Length == 1 || info.CandidateReason == CandidateReason.OverloadResolutionFailure))
            {
                foreach (var target in candidates)
                {
                    Call(from, (IMethodSymbol)target, invalid);
                }
            }
        }

        /// <summary>
        /// A call on a service taken from the container where Microsoft.Extensions.DependencyInjection does not resolve:
        /// <c>var orders = provider.GetService&lt;IOrderService&gt;(); orders.Place(order);</c> leaves <c>orders</c> with an
        /// error type, so the call has no candidate. The service type is the type argument in the syntax; the call goes
        /// to its methods of that name and arity, and through <see cref="Call"/> to their source implementations.
        /// </summary>
        private void CallOnResolvedService(ISymbol from, IInvalidOperation invalid)
        {
            if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
            {
                return;
            }

            var model = models.For(invalid.Syntax.SyntaxTree);
            if (model.GetTypeInfo(member.Expression, cancellationToken).Type is { TypeKind: not TypeKind.Error } ||
                RequestedService(model, member.Expression) is not { } service)
            {
                return;
            }

            var name = member.Name.Identifier.ValueText;
            var typeArity = member.Name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : -1;
            var argumentCount = invocation.ArgumentList.Arguments.Count;
            var types = service.TypeKind == TypeKind.Interface ? service.AllInterfaces.Insert(0, service) : Ancestry(service);
            foreach (var type in types)
            {
                foreach (var method in type.GetMembers(name).OfType<IMethodSymbol>())
                {
                    if ((typeArity < 0 || method.Arity == typeArity) && Accepts(method, argumentCount))
                    {
                        Call(from, method, invalid);
                    }
                }
            }
        }

        /// <summary>
        /// The service type <c>T</c> of <c>GetService&lt;T&gt;()</c> / <c>GetRequiredService&lt;T&gt;()</c>, written as the
        /// receiver or as the initializer of the local the receiver names; null for anything else.
        /// </summary>
        private INamedTypeSymbol? RequestedService(SemanticModel model, ExpressionSyntax receiver)
        {
            var value = Unwrap(receiver);
            if (value is IdentifierNameSyntax && model.GetSymbolInfo(value, cancellationToken) is { Symbol: ILocalSymbol local } &&
                local.DeclaringSyntaxReferences.Length == 1 &&
                local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
            {
                value = Unwrap(initializer);
            }

            if (value is InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetService" or "GetRequiredService", TypeArgumentList.Arguments: { Count: 1 } arguments } },
                } &&
                models.For(value.SyntaxTree).GetTypeInfo(arguments[0], cancellationToken).Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } service)
            {
                return service;
            }

            return null;
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                        expression = suppressed.Operand;
                        break;
                    default:
                        return expression;
                }
            }
        }

        private static ImmutableArray<INamedTypeSymbol> Ancestry(INamedTypeSymbol type)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            for (var current = type; current is not null; current = current.BaseType)
            {
                builder.Add(current);
            }

            return builder.ToImmutable();
        }

        /// <summary>Whether a call with <paramref name="count"/> arguments can bind to <paramref name="method"/>.</summary>
        private static bool Accepts(IMethodSymbol method, int count)
        {
            var required = method.Parameters.Count(p => !p.IsOptional && !p.IsParams);
            return count >= required && (count <= method.Parameters.Length || method.Parameters.Any(p => p.IsParams));
        }

        /// <summary>Delegates passed to a framework method that calls them per invocation (<see cref="InvocationCallbacks"/>).</summary>
        private void NoteCallbacks(ISymbol from, IMethodSymbol target, ImmutableArray<IArgumentOperation> arguments, IOperation site)
        {
            if (EntryPointResolver.IsSource(target))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter &&
                    (InvocationCallbacks.PerInvocationReason(target, parameter) ??
                     (HostsAspNetCore ? InvocationCallbacks.PerRequestFactoryReason(target, parameter) : null)) is { } reason)
                {
                    AddCallbacks(from, argument.Value, site, target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name, reason);
                }
            }
        }

        /// <summary>The same for a call that does not bind (an un-restored framework), by the names of <see cref="InvocationCallbacks"/>.</summary>
        private void NoteCallbacksByName(ISymbol from, IInvalidOperation invalid)
        {
            var lambdasOnly = false;
            var (arguments, reason, name) = invalid.Syntax switch
            {
                InvocationExpressionSyntax invocation => (invocation.ArgumentList, InvocationCallbacks.PerInvocationReasonByName(invocation.Expression), (invocation.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText),
                BaseObjectCreationExpressionSyntax creation => (creation.ArgumentList, InvocationCallbacks.PerInvocationReasonByName(creation), "LambdaBootstrap"),
                _ => (null, null, null),
            };
            if (reason is null && invalid.Syntax is InvocationExpressionSyntax factoryCall && HostsAspNetCore &&
                InvocationCallbacks.PerRequestFactoryReasonByName(factoryCall.Expression) is { } factoryReason)
            {
                // A name alone does not say which argument is the factory: only a lambda written in place is taken.
                reason = factoryReason;
                lambdasOnly = true;
            }

            if (arguments is null || reason is null || name is null)
            {
                return;
            }

            var model = models.For(invalid.Syntax.SyntaxTree);
            foreach (var argument in arguments.Arguments)
            {
                if (lambdasOnly && argument.Expression is not AnonymousFunctionExpressionSyntax)
                {
                    continue;
                }

                if (model.GetOperation(argument.Expression, cancellationToken) is { } value)
                {
                    AddCallbacks(from, value, invalid, name, reason);
                }
            }
        }

        /// <summary>
        /// Whether the project runs ASP.NET Core on Lambda (<see cref="LambdaAspNetCoreHosting"/>): only there does a
        /// request open a dependency injection scope, in which scoped and transient factories run.
        /// </summary>
        private bool HostsAspNetCore => hostsAspNetCore ??= LambdaAspNetCoreHosting.Get(compilation, cancellationToken).ReplacesKestrel;

        private void AddCallbacks(ISymbol from, IOperation value, IOperation site, string registeredWith, string reason)
        {
            foreach (var target in DelegateTargets(value, 0))
            {
                var what = target is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } ? "a lambda" : $"'{EntryPointResolver.Describe(target)}'";
                callbacks.Add(new Callback(target, from, site.Syntax.GetLocation(), $"'{EntryPointResolver.Describe(from)}' passes {what} to '{registeredWith}', and {reason}"));
            }
        }

        /// <summary>The code a delegate-valued argument runs: a lambda, a method group, or a local variable holding one.</summary>
        private IEnumerable<ISymbol> DelegateTargets(IOperation value, int hops)
        {
            switch (value)
            {
                case IConversionOperation conversion:
                    return DelegateTargets(conversion.Operand, hops);
                case IDelegateCreationOperation creation:
                    return DelegateTargets(creation.Target, hops);
                case IAnonymousFunctionOperation lambda:
                    return new[] { (ISymbol)lambda.Symbol };
                case IMethodReferenceOperation reference:
                    return new[] { (ISymbol)reference.Method };
                case ILocalReferenceOperation local when hops < MaxDelegateHops:
                    var found = new List<ISymbol>();
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                            models.For(initializer.SyntaxTree).GetOperation(initializer, cancellationToken) is { } initial)
                        {
                            found.AddRange(DelegateTargets(initial, hops + 1));
                        }
                    }

                    return found;
                case { Syntax: IdentifierNameSyntax or MemberAccessExpressionSyntax } group:
                    // A method group the compiler could not convert (the call around it does not bind): its candidates.
                    var info = models.For(group.Syntax.SyntaxTree).GetSymbolInfo(group.Syntax, cancellationToken);
                    var methods = info.Symbol is IMethodSymbol method ? new[] { method } : info.CandidateSymbols.OfType<IMethodSymbol>().ToArray();
                    return methods.Length == 1 ? new ISymbol[] { methods[0] } : System.Array.Empty<ISymbol>();
                default:
                    return System.Array.Empty<ISymbol>();
            }
        }

        /// <summary>
        /// A source type handed to the framework as a type argument (<c>AddHostedService&lt;Worker&gt;()</c>,
        /// <c>UseStartup&lt;Startup&gt;()</c>, <c>AddSingleton&lt;IStore, Store&gt;()</c>): the framework constructs it
        /// and calls what it overrides or implements of the framework's types.
        /// </summary>
        private void Activate(ISymbol from, IMethodSymbol target, IOperation site)
        {
            if (EntryPointResolver.IsSource(target) || target.TypeArguments.Length == 0)
            {
                return;
            }

            var step = new Step(from, site.Syntax.GetLocation(), null);
            foreach (var argument in target.TypeArguments)
            {
                if (argument is not INamedTypeSymbol type || !EntryPointResolver.IsSource(type))
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is not IMethodSymbol method)
                    {
                        continue;
                    }

                    var frameworkFacing = method.MethodKind == MethodKind.Constructor
                        || (method.IsOverride && method.OverriddenMethod is { } overridden && !EntryPointResolver.IsSource(overridden))
                        || method.ExplicitInterfaceImplementations.Any(i => !EntryPointResolver.IsSource(i))
                        || ImplementsFrameworkInterface(type, method)
                        || (method.DeclaredAccessibility == Accessibility.Public && method.Name.StartsWith("Configure", System.StringComparison.Ordinal));
                    if (frameworkFacing)
                    {
                        Reach(method, step);
                    }
                }
            }
        }

        private static bool ImplementsFrameworkInterface(INamedTypeSymbol type, IMethodSymbol method)
        {
            foreach (var contract in type.AllInterfaces)
            {
                if (EntryPointResolver.IsSource(contract))
                {
                    continue;
                }

                foreach (var member in contract.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A type's static constructor and static initializers run the first time any of its members is used.</summary>
        private void InitializeType(INamedTypeSymbol type, ISymbol from)
        {
            type = type.OriginalDefinition;
            if (!EntryPointResolver.IsSource(type) || !initializedTypes.Add(type))
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                var isStaticInitializer = member.IsStatic && (member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor } || HasInitializer(member));
                if (isStaticInitializer)
                {
                    Reach(member, new Step(from, from.Locations.FirstOrDefault() ?? member.Locations[0], null));
                }
            }
        }

        /// <summary>
        /// The overrides a type the code creates makes of a framework base class's virtual members: the base class
        /// calls them (<c>DbContext.OnConfiguring</c>, <c>BackgroundService.ExecuteAsync</c>). An override of a base
        /// that does not resolve (an un-restored package) counts too.
        /// </summary>
        private static IEnumerable<IMethodSymbol> FrameworkOverrides(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && EntryPointResolver.IsSource(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { IsOverride: true } method && (method.OverriddenMethod is null || !EntryPointResolver.IsSource(method.OverriddenMethod)))
                    {
                        yield return method;
                    }
                }
            }
        }

        private static IEnumerable<ISymbol> InstanceInitializers(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (!member.IsStatic && HasInitializer(member))
                {
                    yield return member;
                }
            }
        }

        private static bool HasInitializer(ISymbol member) => member switch
        {
            IFieldSymbol field => field.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null }),
            IPropertySymbol property => property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null }),
            _ => false,
        };

        /// <summary>The operation trees of a member's code: its body, or its initializer for fields and properties.</summary>
        private IEnumerable<IOperation> Bodies(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var model = models.For(syntax.SyntaxTree);
                foreach (var node in perInvocationOnly && syntax is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax ? new[] { syntax } : CodeOf(syntax))
                {
                    if (model.GetOperation(node, cancellationToken) is { } operation)
                    {
                        yield return operation;
                    }
                }
            }
        }

        private static IEnumerable<SyntaxNode> CodeOf(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case CompilationUnitSyntax unit:
                    // Top-level statements: the synthesized Main declares no other code of the file.
                    foreach (var global in unit.Members.OfType<GlobalStatementSyntax>())
                    {
                        yield return global.Statement;
                    }

                    break;
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax:
                    yield return declaration;
                    break;
                case VariableDeclaratorSyntax { Initializer: { } initializer }:
                    yield return initializer;
                    break;
                case PropertyDeclarationSyntax { Initializer: { } initializer }:
                    yield return initializer;
                    break;
                case TypeDeclarationSyntax { BaseList: { } baseList }:
                    // A primary constructor's code is its base-type argument list.
                    foreach (var baseType in baseList.Types.OfType<PrimaryConstructorBaseTypeSyntax>())
                    {
                        yield return baseType.ArgumentList;
                    }

                    break;
            }
        }

        /// <summary>The form members are stored under: the definition, the implementation part of a partial method.</summary>
        internal static ISymbol Normalize(ISymbol symbol)
        {
            if (symbol is IMethodSymbol method)
            {
                method = method.ReducedFrom ?? method;
                method = method.PartialImplementationPart ?? method;
                return method.OriginalDefinition;
            }

            return symbol.OriginalDefinition;
        }

        /// <summary>
        /// How a member was reached: from which member and where, or as an entry point. A callback's step has no
        /// <see cref="From"/> but a <see cref="Prefix"/>: the path to the start-up code that registered it.
        /// </summary>
        private sealed record Step(ISymbol? From, Location? CallSite, string? EntryDescription)
        {
            public IReadOnlyList<FlowStep>? Prefix { get; init; }
        }

        /// <summary>A delegate handed to the framework to call per invocation, where, and by which reached member.</summary>
        private sealed record Callback(ISymbol Target, ISymbol RegisteredIn, Location Site, string Message);
    }
}
