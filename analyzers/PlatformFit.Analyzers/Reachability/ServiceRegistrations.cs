using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// Dependency injection registrations of the project's own classes by their generic form
    /// (<c>AddScoped&lt;T&gt;()</c>, <c>AddSingleton&lt;IService, T&gt;()</c>): the service type code asks for and the
    /// implementation the container builds. Matched by the method's name, so that it holds where
    /// Microsoft.Extensions.DependencyInjection does not resolve; each file's text is searched before its syntax.
    /// </summary>
    internal static class ServiceRegistrations
    {
        public static List<(ITypeSymbol Service, INamedTypeSymbol Implementation)> Of(
            Compilation compilation, SemanticModels models, ImmutableHashSet<string> methods, CancellationToken cancellationToken)
        {
            var found = new List<(ITypeSymbol, INamedTypeSymbol)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                if (!methods.Any(m => text.IndexOf(m + "<", System.StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<GenericNameSyntax>())
                {
                    if (!methods.Contains(name.Identifier.ValueText) || name.TypeArgumentList.Arguments.Count is not (1 or 2) ||
                        name.Parent is not (MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } or InvocationExpressionSyntax))
                    {
                        continue;
                    }

                    var model = models.For(tree);
                    var arguments = name.TypeArgumentList.Arguments;
                    if (model.GetTypeInfo(arguments[arguments.Count - 1], cancellationToken).Type is INamedTypeSymbol { TypeKind: TypeKind.Class } implementation &&
                        EntryPointResolver.IsSource(implementation) &&
                        model.GetTypeInfo(arguments[0], cancellationToken).Type is { TypeKind: not TypeKind.Error } service)
                    {
                        found.Add((service, implementation));
                    }
                }
            }

            return found;
        }
    }
}
