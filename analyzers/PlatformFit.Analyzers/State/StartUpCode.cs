using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Analyzers.Reachability;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// Code that runs once, when an instance of the app starts, rather than for a request: static constructors
    /// and initializers, the program's <c>Main</c> or top-level statements (outside the endpoint and middleware
    /// lambdas they map), the Lambda base classes' <c>Init</c> override and <c>Startup.Configure*</c> methods —
    /// and, through the call path, the handler object's constructor (the Lambda runtime builds it once per
    /// execution environment) and whatever start-up code calls. Decided on syntax, so that it costs no binding.
    /// </summary>
    internal static class StartUpCode
    {
        /// <summary>The lambdas passed to these run per request: endpoint handlers and middleware.</summary>
        private static readonly ImmutableHashSet<string> RequestPipelineMethods = ImmutableHashSet.Create(
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback", "Run", "Use", "UseWhen", "MapWhen");

        private static readonly ImmutableHashSet<string> ConfigurationMethods = ImmutableHashSet.Create(
            "Configure", "ConfigureServices", "ConfigureContainer", "ConfigureWebHost", "ConfigureAppConfiguration");

        /// <summary>Whether <paramref name="node"/> lies in start-up code.</summary>
        public static bool Contains(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AnonymousFunctionExpressionSyntax function when IsRequestPipelineArgument(function):
                        return false;
                    case LocalFunctionStatementSyntax:
                        // A local function in Main is most often an endpoint handler passed as a method group.
                        return false;
                    case ConstructorDeclarationSyntax constructor:
                        // An instance constructor runs whenever the object is made: at start-up for the handler
                        // object and for services, on the request path for objects a request creates. The call
                        // path decides (see OnPath); a static constructor runs once.
                        return constructor.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } }:
                        return field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case PrimaryConstructorBaseTypeSyntax:
                        return false;
                    case GlobalStatementSyntax:
                        return true;
                    case MethodDeclarationSyntax method:
                        return IsStartUpMethod(method, includeMain: true);
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } or BaseTypeDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the call path from the unit's entry point passes through start-up code: the entry is a
        /// constructor or a configuration method, or one of the calls on the way is made from start-up code.
        /// Calls made by reference (a method group handed to <c>MapPost</c>) run later, per request.
        /// </summary>
        public static bool OnPath(IReadOnlyList<FlowStep> path, CancellationToken cancellationToken)
        {
            for (var i = 0; i < path.Count; i++)
            {
                var location = path[i].Location;
                if (!location.IsInSource || location.SourceTree is not { } tree)
                {
                    continue;
                }

                var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                if (i == 0)
                {
                    if (IsStartUpEntry(node))
                    {
                        return true;
                    }

                    continue;
                }

                if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && Contains(node))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStartUpEntry(SyntaxNode node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ConstructorDeclarationSyntax:
                        return true;
                    case MethodDeclarationSyntax method:
                        return IsStartUpMethod(method, includeMain: false);
                    case BaseTypeDeclarationSyntax or CompilationUnitSyntax:
                        return false;
                }
            }

            return false;
        }

        private static bool IsStartUpMethod(MethodDeclarationSyntax method, bool includeMain)
        {
            var name = method.Identifier.ValueText;
            return (includeMain && name == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword))
                || ConfigurationMethods.Contains(name)
                || (name == "Init" && method.Modifiers.Any(SyntaxKind.OverrideKeyword));
        }

        private static bool IsRequestPipelineArgument(AnonymousFunctionExpressionSyntax function) =>
            function.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            && InvokedName(invocation.Expression) is { } name
            && RequestPipelineMethods.Contains(name)
            && invocation.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Task" } };

        internal static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }
}
