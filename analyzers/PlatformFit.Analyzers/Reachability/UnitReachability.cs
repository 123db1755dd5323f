using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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
    /// </summary>
    internal sealed class UnitReachability
    {
        private const int MaxPathSteps = 12;

        private readonly Compilation compilation;
        private readonly SemanticModels models;
        private readonly Dictionary<ISymbol, Step> reached = new(SymbolEqualityComparer.Default);
        private readonly Queue<ISymbol> pending = new();
        private readonly HashSet<INamedTypeSymbol> initializedTypes = new(SymbolEqualityComparer.Default);
        private readonly CancellationToken cancellationToken;

        private UnitReachability(Compilation compilation, SemanticModels models, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.models = models;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>
        /// False when no entry point could be found (a handler PlatformFit cannot resolve): every member of the
        /// project then counts as reachable, without a path, rather than staying silent.
        /// </summary>
        public bool HasEntryPoints { get; private set; }

        public static UnitReachability Compute(Compilation compilation, SemanticModels models, IReadOnlyList<EntryPoint> entries, CancellationToken cancellationToken)
        {
            var reachability = new UnitReachability(compilation, models, cancellationToken) { HasEntryPoints = entries.Count > 0 };
            foreach (var entry in entries)
            {
                reachability.Reach(entry.Member, new Step(null, null, entry.Description));
            }

            reachability.Run();
            return reachability;
        }

        /// <summary>Whether the member runs for this unit, and the path from the entry point to it.</summary>
        public bool TryGetPath(ISymbol member, out IReadOnlyList<FlowStep> path)
        {
            if (!HasEntryPoints)
            {
                path = System.Array.Empty<FlowStep>();
                return true;
            }

            member = Normalize(member);
            if (!reached.ContainsKey(member))
            {
                path = System.Array.Empty<FlowStep>();
                return false;
            }

            var steps = new List<FlowStep>();
            var current = member;
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            while (reached.TryGetValue(current, out var step) && seen.Add(current))
            {
                if (step.From is null)
                {
                    steps.Add(new FlowStep(current.Locations[0], $"Entry point: {step.EntryDescription}"));
                    break;
                }

                steps.Add(new FlowStep(step.CallSite!, $"'{EntryPointResolver.Describe(step.From)}' calls '{EntryPointResolver.Describe(current)}'"));
                current = step.From;
            }

            steps.Reverse();
            path = steps.Count <= MaxPathSteps ? steps : steps.Take(1).Concat(steps.Skip(steps.Count - (MaxPathSteps - 1))).ToList();
            return true;
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
        }

        private void Run()
        {
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var member = pending.Dequeue();
                if (member.ContainingType is { } type)
                {
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
                        Activate(from, invocation.TargetMethod, operation);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor }:
                        Call(from, constructor, operation);
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

                        Reach(property.Property, new Step(from, operation.Syntax.GetLocation(), null));
                        break;
                    case IFieldReferenceOperation field when field.Field.ContainingType is { } fieldType && EntryPointResolver.IsSource(fieldType):
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
                foreach (var node in CodeOf(syntax))
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

        /// <summary>How a member was reached: from which member and where, or as an entry point.</summary>
        private sealed record Step(ISymbol? From, Location? CallSite, string? EntryDescription);
    }
}
