using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// A write into memory that outlives the request: a static field or property (or an instance member of
    /// <c>this</c>, which matters where <c>this</c> is the Lambda handler object), assigned directly, or a
    /// collection held there — or an element of one — added to, set or removed from.
    /// </summary>
    /// <param name="Root">The field or property that holds the state.</param>
    /// <param name="Keys">What selects the entry written (indexer arguments, dictionary keys, lookups on the way).</param>
    /// <param name="Values">What is written.</param>
    internal sealed record StateWrite(ISymbol Root, IReadOnlyList<IOperation> Keys, IReadOnlyList<IOperation> Values)
    {
        private const int MaxLocalDepth = 4;

        /// <summary>Collection methods that add or replace entries, and which of their arguments is the key.</summary>
        private static readonly ImmutableHashSet<string> KeyedAdds = ImmutableHashSet.Create("Add", "TryAdd", "TryUpdate", "AddOrUpdate", "GetOrAdd");

        private static readonly ImmutableHashSet<string> ElementAdds = ImmutableHashSet.Create(
            "AddRange", "Enqueue", "Push", "PushRange", "AddFirst", "AddLast", "UnionWith", "Insert", "InsertRange");

        /// <summary>Removals: the key removed is the evidence that the collection holds per-request entries.</summary>
        private static readonly ImmutableHashSet<string> Removals = ImmutableHashSet.Create("Remove", "TryRemove", "RemoveAll", "RemoveWhere");

        /// <summary>Calls that return an element of the collection they are made on (what a later write mutates).</summary>
        private static readonly ImmutableHashSet<string> ElementAccessors = ImmutableHashSet.Create(
            "GetOrAdd", "GetValueOrDefault", "TryGetValue", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last",
            "LastOrDefault", "Find", "ElementAt", "ElementAtOrDefault", "Peek", "TryPeek");

        /// <summary>Atomic writes through a <c>ref</c> to the field: <c>Interlocked.Exchange(ref _last, value)</c>.</summary>
        private static readonly ImmutableHashSet<string> RefWrites = ImmutableHashSet.Create("Exchange", "CompareExchange", "Add", "Write");

        /// <summary>Names of the calls that may write, for the syntactic filter that runs before any binding.</summary>
        public static bool IsWriteMethodName(string name) =>
            KeyedAdds.Contains(name) || ElementAdds.Contains(name) || Removals.Contains(name) || RefWrites.Contains(name);

        /// <summary>The state write <paramref name="node"/> (an assignment or an invocation) makes, or null.</summary>
        public static StateWrite? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var operation = model.GetOperation(node, cancellationToken);
            switch (operation)
            {
                case IAssignmentOperation assignment:
                    // Simple, compound (+=) and coalescing (??=) assignments alike.
                    return Rooted(assignment.Target, new List<IOperation>(), new[] { assignment.Value }, model, cancellationToken);
                case IInvocationOperation invocation:
                    return FromInvocation(invocation, model, cancellationToken);
                case IInvalidOperation when node is InvocationExpressionSyntax invocation:
                    return FromUnresolvedInvocation(invocation, model, cancellationToken);
                default:
                    return null;
            }
        }

        private static StateWrite? FromInvocation(IInvocationOperation invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments
                .Where(a => !(method.IsExtensionMethod && a.Parameter?.Ordinal == 0) && a.ArgumentKind != ArgumentKind.DefaultValue)
                .OrderBy(a => a.Parameter?.Ordinal ?? 0)
                .Select(a => a.Value)
                .ToList();

            if (RefWrites.Contains(method.Name) && method.ContainingType?.Name is "Interlocked" or "Volatile")
            {
                var target = invocation.Arguments.FirstOrDefault(a => a.Parameter?.RefKind == RefKind.Ref);
                return target is null ? null : Rooted(target.Value, new List<IOperation>(), arguments.Skip(1).Take(1).ToList(), model, cancellationToken);
            }

            if (!IsCollection(method.ReducedFrom?.ContainingType ?? method.ContainingType))
            {
                return null;
            }

            var receiver = invocation.Instance ?? (method.IsExtensionMethod ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null);
            return receiver is null ? null : Split(method.Name, receiver, arguments, model, cancellationToken);
        }

        /// <summary>
        /// The name-based path: a call that does not bind (an argument of a type from a package that did not
        /// restore) on a receiver that does.
        /// </summary>
        private static StateWrite? FromUnresolvedInvocation(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax member || !IsWriteMethodName(member.Name.Identifier.ValueText))
            {
                return null;
            }

            var receiver = model.GetOperation(member.Expression, cancellationToken);
            if (receiver?.Type is not { } type || !(type.TypeKind == TypeKind.Error || IsCollection(type)))
            {
                return null;
            }

            var arguments = new List<IOperation>();
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (model.GetOperation(argument.Expression, cancellationToken) is { } value)
                {
                    arguments.Add(value);
                }
            }

            return Split(member.Name.Identifier.ValueText, receiver, arguments, model, cancellationToken);
        }

        private static StateWrite? Split(string name, IOperation receiver, List<IOperation> arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            var keys = new List<IOperation>();
            IReadOnlyList<IOperation> values;
            if (KeyedAdds.Contains(name))
            {
                if (arguments.Count >= 2)
                {
                    keys.Add(arguments[0]);
                    values = arguments.Skip(1).ToList();
                }
                else
                {
                    values = arguments;
                }
            }
            else if (ElementAdds.Contains(name))
            {
                values = name is "Insert" or "InsertRange" ? arguments.Skip(1).ToList() : arguments;
            }
            else if (Removals.Contains(name))
            {
                values = arguments.Take(1).ToList();
            }
            else
            {
                return null;
            }

            return Rooted(receiver, keys, values, model, cancellationToken);
        }

        /// <summary>The field or property that holds what <paramref name="target"/> refers to (through elements and locals), or null.</summary>
        public static ISymbol? RootOf(IOperation target, SemanticModel model, CancellationToken cancellationToken) =>
            Rooted(target, new List<IOperation>(), Array.Empty<IOperation>(), model, cancellationToken)?.Root;

        /// <summary>
        /// Follows what is written to back to the field or property that holds it, collecting the keys that select
        /// elements on the way (<c>Carts[user].Items</c>, <c>Carts.GetOrAdd(user, …).Items</c>, a local taken from
        /// <c>Carts.TryGetValue(user, out var cart)</c>).
        /// </summary>
        private static StateWrite? Rooted(IOperation target, List<IOperation> keys, IReadOnlyList<IOperation> values, SemanticModel model, CancellationToken cancellationToken)
        {
            var current = target;
            var localDepth = 0;
            while (true)
            {
                switch (current)
                {
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        break;
                    case IFieldReferenceOperation field:
                        if (field.Field.IsStatic || field.Instance is IInstanceReferenceOperation)
                        {
                            return IsStateMember(field.Field, field.Field.Type) ? new StateWrite(field.Field, keys, values) : null;
                        }

                        current = field.Instance;
                        break;
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                        keys.AddRange(indexer.Arguments.Select(a => a.Value));
                        current = indexer.Instance;
                        break;
                    case IPropertyReferenceOperation property:
                        if (property.Property.IsStatic || property.Instance is IInstanceReferenceOperation)
                        {
                            return IsStateMember(property.Property, property.Property.Type) ? new StateWrite(property.Property, keys, values) : null;
                        }

                        current = property.Instance;
                        break;
                    case IArrayElementReferenceOperation element:
                        keys.AddRange(element.Indices);
                        current = element.ArrayReference;
                        break;
                    case IInvalidOperation { Syntax: ElementAccessExpressionSyntax element }:
                        // An indexer whose argument has a type that did not resolve: by syntax, as a name-based match.
                        foreach (var argument in element.ArgumentList.Arguments)
                        {
                            if (model.GetOperation(argument.Expression, cancellationToken) is { } key)
                            {
                                keys.Add(key);
                            }
                        }

                        current = model.GetOperation(element.Expression, cancellationToken);
                        break;
                    case IInvocationOperation accessor when ElementAccessors.Contains(accessor.TargetMethod.Name):
                        var method = accessor.TargetMethod;
                        foreach (var argument in accessor.Arguments)
                        {
                            var isReceiver = method.IsExtensionMethod && argument.Parameter?.Ordinal == 0;
                            if (!isReceiver && argument.Parameter?.RefKind != RefKind.Out && argument.ArgumentKind != ArgumentKind.DefaultValue)
                            {
                                keys.Add(argument.Value);
                            }
                        }

                        current = accessor.Instance ?? (method.IsExtensionMethod ? accessor.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : null);
                        break;
                    case ILocalReferenceOperation local when localDepth++ < MaxLocalDepth:
                        current = LocalOrigin.Of(local.Local, model, cancellationToken);
                        break;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// A member that holds state: declared in the project, not a constant, not per-thread or per-async-flow
        /// (<c>[ThreadStatic]</c>, <c>AsyncLocal&lt;T&gt;</c>, <c>ThreadLocal&lt;T&gt;</c>), not a <c>Lazy&lt;T&gt;</c>.
        /// </summary>
        private static bool IsStateMember(ISymbol member, ITypeSymbol type)
        {
            if (!member.Locations.Any(l => l.IsInSource) || member is IFieldSymbol { IsConst: true })
            {
                return false;
            }

            if (member.GetAttributes().Any(a => a.AttributeClass?.Name is "ThreadStaticAttribute" or "ThreadStatic"))
            {
                return false;
            }

            return type.Name is not ("AsyncLocal" or "ThreadLocal" or "Lazy");
        }

        /// <summary>A mutable collection of the framework (System.Collections.*, not the immutable ones) or one that implements its interfaces.</summary>
        private static bool IsCollection(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            var ns = type.OriginalDefinition.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns.StartsWith("System.Collections", StringComparison.Ordinal))
            {
                return !ns.StartsWith("System.Collections.Immutable", StringComparison.Ordinal);
            }

            return type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.ICollection<T>" or "System.Collections.IList" or "System.Collections.IDictionary");
        }

        /// <summary>The expression a write syntactically targets, for the filter that runs before binding; null if none.</summary>
        public static ExpressionSyntax? TargetSyntax(SyntaxNode node)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left;
                case InvocationExpressionSyntax invocation:
                    var name = StartUpCode.InvokedName(invocation.Expression);
                    if (name is null || !IsWriteMethodName(name))
                    {
                        return null;
                    }

                    var byRef = invocation.ArgumentList.Arguments.FirstOrDefault(a => a.RefKindKeyword.IsKind(SyntaxKind.RefKeyword));
                    if (byRef is not null)
                    {
                        return byRef.Expression;
                    }

                    return invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax member => member.Expression,
                        MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        /// <summary>"Static field 'CartStore.Carts'", as the message names the state.</summary>
        /// <param name="singleton">The member belongs to a service registered as a singleton rather than to the handler object.</param>
        public string DescribeRoot(bool singleton = false)
        {
            var name = $"{Root.ContainingType?.Name}.{Root.Name}";
            if (Root.IsStatic)
            {
                return $"Static {(Root is IPropertySymbol ? "property" : "field")} '{name}'";
            }

            return singleton
                ? $"Field '{name}' of a singleton service, which lives as long as the execution environment,"
                : $"Field '{name}' of the handler object, which lives as long as the execution environment,";
        }
    }
}
