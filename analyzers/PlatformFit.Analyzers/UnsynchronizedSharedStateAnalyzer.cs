using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Analyzers.State;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF2005: shared state changed without synchronization on the request path of a function that runs on Lambda
    /// Managed Instances, where one process serves many requests at once. "Shared" is a static field or property, or
    /// a field of the Lambda handler object (one per process); "without synchronization" is a read-modify-write of it
    /// (<c>++</c>, <c>+=</c>) or a change to a <c>System.Collections.Generic</c> collection held there, outside a
    /// <c>lock</c> and in a method that takes no other lock. Plain assignments (atomic for references), <c>??=</c>
    /// (a benign race), concurrent and immutable collections, <c>Interlocked</c>, per-thread and per-flow state, and
    /// start-up code stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(Shapes = TriggerShapes.StateMemberName)]
    public sealed class UnsynchronizedSharedStateAnalyzer : DiagnosticAnalyzer
    {
        private static readonly SyntaxKind[] ChangeKinds =
        {
            SyntaxKind.InvocationExpression, SyntaxKind.SimpleAssignmentExpression, SyntaxKind.AddAssignmentExpression,
            SyntaxKind.SubtractAssignmentExpression, SyntaxKind.MultiplyAssignmentExpression, SyntaxKind.DivideAssignmentExpression,
            SyntaxKind.ModuloAssignmentExpression, SyntaxKind.OrAssignmentExpression, SyntaxKind.AndAssignmentExpression,
            SyntaxKind.ExclusiveOrAssignmentExpression, SyntaxKind.LeftShiftAssignmentExpression, SyntaxKind.RightShiftAssignmentExpression,
            SyntaxKind.PreIncrementExpression, SyntaxKind.PostIncrementExpression, SyntaxKind.PreDecrementExpression, SyntaxKind.PostDecrementExpression,
        };

        /// <summary>The methods that change a collection of <c>System.Collections(.Generic)</c>.</summary>
        private static readonly ImmutableHashSet<string> ChangingMethods = ImmutableHashSet.Create(
            "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Clear",
            "Enqueue", "Dequeue", "TryDequeue", "Push", "Pop", "TryPop", "TryAdd", "AddFirst", "AddLast", "RemoveFirst", "RemoveLast",
            "UnionWith", "ExceptWith", "IntersectWith", "SymmetricExceptWith", "Sort", "Reverse", "TrimExcess", "EnsureCapacity");

        /// <summary>Calls that take a lock other than the <c>lock</c> statement (Monitor, SemaphoreSlim, ReaderWriterLockSlim, Mutex, Lock, AsyncEx).</summary>
        private static readonly ImmutableHashSet<string> LockingMethods = ImmutableHashSet.Create(
            "Enter", "TryEnter", "EnterScope", "Wait", "WaitAsync", "WaitOne", "EnterWriteLock", "TryEnterWriteLock",
            "EnterUpgradeableReadLock", "LockAsync", "WriterLockAsync");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF2005);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = ConcurrentUnits(deployment.Units);
            if (units.Count == 0)
            {
                return;
            }

            var handlerTypes = units.ToDictionary(
                u => u,
                u => u.Handler?.TypeName is { } typeName ? context.Compilation.GetTypeByMetadataName(typeName) : null);
            context.RegisterSyntaxNodeAction(c => Analyze(c, deployment, handlerTypes), ChangeKinds);
        }

        /// <summary>The units on managed instances of a platform whose profile says one process serves concurrent requests there.</summary>
        private static List<BoundUnit> ConcurrentUnits(IReadOnlyList<BoundUnit> units)
        {
            var concurrent = new List<BoundUnit>();
            foreach (var bound in units)
            {
                if (bound.Unit.ManagedInstances.TryGetValue(out var managed) && managed
                    && PlatformProfiles.Find(bound.Unit.Platform)?.ManagedInstances is { ConcurrentRequests: true })
                {
                    concurrent.Add(bound);
                }
            }

            return concurrent;
        }

        private static void Analyze(SyntaxNodeAnalysisContext context, ProjectDeployment deployment, Dictionary<BoundUnit, INamedTypeSymbol?> handlerTypes)
        {
            var node = context.Node;
            if (!MayChange(node) || StartUpCode.Contains(node) || IsSynchronized(node))
            {
                return;
            }

            var change = Change.Find(node, context.SemanticModel, context.CancellationToken);
            if (change is null)
            {
                return;
            }

            var candidates = handlerTypes
                .Where(h => change.Root.IsStatic || SymbolEqualityComparer.Default.Equals(h.Value, change.Root.ContainingType))
                .Select(h => h.Key)
                .ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var reaching = ReachingUnits.Of(context.SemanticModel, node, candidates, context.CancellationToken)
                .Where(r => !StartUpCode.OnPath(r.Path, context.CancellationToken))
                .ToList();

            var state = Describe(change.Root);
            var (primary, shown) = node switch
            {
                InvocationExpressionSyntax invocation => (invocation.Expression.GetLocation(), node),
                AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment => (assignment.Left.GetLocation(), assignment.Left),
                _ => (node.GetLocation(), node),
            };

            // The config line that puts each unit on managed instances is what makes the code a problem there.
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF2005,
                primary,
                reaching,
                r => r.Unit.Unit.ManagedInstances.Span ?? r.Unit.Unit.Declaration,
                $"{state} is {change.Verb} without synchronization",
                first => new object[]
                {
                    OneLine.Of(shown, 80),
                    change.Verb,
                    state,
                    first.Unit.Unit.Name,
                    deployment.Display(first.Unit.Unit.ManagedInstances.Span ?? first.Unit.Unit.Declaration),
                });
        }

        /// <summary>The syntactic filter that runs before binding: only calls named like a collection change count.</summary>
        private static bool MayChange(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => ChangingMethods.Contains(member.Name.Identifier.ValueText),
                MemberBindingExpressionSyntax binding => ChangingMethods.Contains(binding.Name.Identifier.ValueText),
                _ => false,
            },

            // A plain assignment changes shared state only through an indexer (Cache[key] = value).
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment => assignment.Left is ElementAccessExpressionSyntax,
            _ => true,
        };

        /// <summary>
        /// Inside a <c>lock</c> statement or a <c>[MethodImpl(MethodImplOptions.Synchronized)]</c> method, or in a method
        /// that takes another lock (<c>await gate.WaitAsync()</c>, <c>Monitor.Enter</c>): the author synchronizes.
        /// </summary>
        private static bool IsSynchronized(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LockStatementSyntax:
                        return true;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                        return IsSynchronizedMember(current);
                }
            }

            return false;
        }

        private static bool IsSynchronizedMember(SyntaxNode member)
        {
            if (member is BaseMethodDeclarationSyntax method
                && method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.ToString().Contains("Synchronized")))
            {
                return true;
            }

            return member.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => call.Expression switch
            {
                MemberAccessExpressionSyntax access => LockingMethods.Contains(access.Name.Identifier.ValueText),
                MemberBindingExpressionSyntax binding => LockingMethods.Contains(binding.Name.Identifier.ValueText),
                _ => false,
            });
        }

        /// <summary>"static field 'Metrics.Requests'", "field 'Function.seen' of the handler object".</summary>
        private static string Describe(ISymbol root)
        {
            var kind = root is IPropertySymbol ? "property" : "field";
            var type = root switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            var typeText = type is null ? string.Empty : $" ({type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)})";
            return root.IsStatic
                ? $"static {kind} '{root.ContainingType?.Name}.{root.Name}'{typeText}"
                : $"{kind} '{root.ContainingType?.Name}.{root.Name}'{typeText} of the handler object";
        }


        /// <summary>A change of shared state that is not atomic: what is changed (its root member) and how.</summary>
        private sealed record Change(ISymbol Root, string Verb)
        {
            public static Change? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
            {
                switch (model.GetOperation(node, cancellationToken))
                {
                    case IIncrementOrDecrementOperation step:
                        return OfTarget(step.Target, step.Kind == OperationKind.Increment ? "incremented" : "decremented", model, cancellationToken);
                    case ICompoundAssignmentOperation compound:
                        return OfTarget(compound.Target, "updated in place", model, cancellationToken);
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer }:
                        return OfCollection(indexer.Instance, "changed", model, cancellationToken);
                    case IInvocationOperation invocation when ChangingMethods.Contains(invocation.TargetMethod.Name):
                        var receiver = invocation.Instance
                            ?? (invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null);
                        return OfCollection(receiver, "changed", model, cancellationToken);

                    // The name-based path: an argument's type did not resolve (a package that was not restored), so the
                    // call or the indexer does not bind; the collection it is made on still does.
                    case IInvalidOperation when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }:
                        return OfCollection(model.GetOperation(member.Expression, cancellationToken), "changed", model, cancellationToken);
                    case ISimpleAssignmentOperation { Target: IInvalidOperation { Syntax: ElementAccessExpressionSyntax element } }:
                        return OfCollection(model.GetOperation(element.Expression, cancellationToken), "changed", model, cancellationToken);
                    default:
                        return null;
                }
            }

            /// <summary>A read-modify-write: of the member itself, or of an element of a collection it holds.</summary>
            private static Change? OfTarget(IOperation target, string verb, SemanticModel model, CancellationToken cancellationToken)
            {
                if (target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
                {
                    return OfCollection(indexer.Instance, verb, model, cancellationToken);
                }

                if (target is IInvalidOperation { Syntax: ElementAccessExpressionSyntax element })
                {
                    return OfCollection(model.GetOperation(element.Expression, cancellationToken), verb, model, cancellationToken);
                }

                if (target is IArrayElementReferenceOperation || target is IFieldReferenceOperation || target is IPropertyReferenceOperation)
                {
                    return StateWrite.RootOf(target, model, cancellationToken) is { } root ? new Change(root, verb) : null;
                }

                return null;
            }

            private static Change? OfCollection(IOperation? collection, string verb, SemanticModel model, CancellationToken cancellationToken)
            {
                if (collection?.Type is not { } type || !IsUnsynchronizedCollection(type))
                {
                    return null;
                }

                return StateWrite.RootOf(collection, model, cancellationToken) is { } root ? new Change(root, verb) : null;
            }

            /// <summary>A collection of the framework that is not safe for concurrent changes (not concurrent, immutable or frozen).</summary>
            private static bool IsUnsynchronizedCollection(ITypeSymbol type)
            {
                var ns = type.OriginalDefinition.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                return ns is "System.Collections" or "System.Collections.Generic" or "System.Collections.ObjectModel" or "System.Collections.Specialized";
            }
        }
    }
}
