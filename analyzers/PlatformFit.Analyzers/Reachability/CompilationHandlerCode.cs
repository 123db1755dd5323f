using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// The compilation's answers to what a handler string asks: its assembly name, whether it has an entry point, its
    /// own types by metadata name, and the methods of one type with those of its base types. Everything is computed
    /// on demand: a handler that resolves costs one type lookup.
    /// </summary>
    internal sealed class CompilationHandlerCode : IHandlerCode
    {
        private readonly Compilation compilation;
        private readonly CancellationToken cancellationToken;
        private readonly Lazy<EntryPointState> entryPoint;
        private readonly Lazy<HashSet<string>> excludedNames;

        public CompilationHandlerCode(Compilation compilation, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.cancellationToken = cancellationToken;
            entryPoint = new Lazy<EntryPointState>(FindEntryPoint);
            excludedNames = new Lazy<HashSet<string>>(FindExcludedNames);
        }

        public string AssemblyName => compilation.AssemblyName ?? string.Empty;

        public EntryPointState EntryPoint => entryPoint.Value;

        public IEnumerable<string> TypeNames
        {
            get
            {
                foreach (var type in SourceTypes.All(compilation, cancellationToken))
                {
                    yield return MetadataName(type);
                }
            }
        }

        public HandlerType? FindType(string metadataName)
        {
            var type = compilation.Assembly.GetTypeByMetadataName(metadataName);
            if (type is null)
            {
                return null;
            }

            var methods = new List<HandlerMethod>();
            var unresolvedBase = false;
            string? unresolvedBaseName = null;
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (current.TypeKind == TypeKind.Error)
                {
                    // A base class from a package the scan does not have (APIGatewayProxyFunction …) may declare the method.
                    unresolvedBase = true;
                    unresolvedBaseName = current.Name;
                    break;
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                    {
                        methods.Add(new HandlerMethod(method.Name, method.DeclaredAccessibility == Accessibility.Public));
                    }
                }
            }

            return new HandlerType(MetadataName(type), methods, unresolvedBase, unresolvedBaseName);
        }

        public bool InExcludedCode(string name) => excludedNames.Value.Contains(name);

        /// <summary>The identifiers in the text that <c>#if</c> excludes from this compilation, read only when a handler does not resolve.</summary>
        private HashSet<string> FindExcludedNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var trivia in tree.GetRoot(cancellationToken).DescendantTrivia())
                {
                    if (!trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                    {
                        continue;
                    }

                    var text = trivia.ToString();
                    for (var i = 0; i < text.Length; i++)
                    {
                        if (!SyntaxFacts.IsIdentifierStartCharacter(text[i]))
                        {
                            continue;
                        }

                        var start = i;
                        while (i + 1 < text.Length && SyntaxFacts.IsIdentifierPartCharacter(text[i + 1]))
                        {
                            i++;
                        }

                        names.Add(text.Substring(start, i - start + 1));
                    }
                }
            }

            return names;
        }

        private EntryPointState FindEntryPoint()
        {
            if (compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata)
            {
                return EntryPointState.Library;
            }

            if (compilation.GetEntryPoint(cancellationToken) is not null)
            {
                return EntryPointState.Present;
            }

            return GeneratesMain() ? EntryPointState.Generated : EntryPointState.Missing;
        }

        /// <summary>
        /// <c>[assembly: LambdaGlobalProperties(GenerateMain = true)]</c>: Lambda Annotations' generator writes
        /// <c>Main</c> during the build, which a scan that runs no generator does not see. Read from the syntax, so
        /// it also holds when Amazon.Lambda.Annotations does not resolve.
        /// </summary>
        private bool GeneratesMain()
        {
            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is not ("LambdaGlobalPropertiesAttribute" or "LambdaGlobalProperties")
                    || attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == "GenerateMain" && argument.Expression.ToString() == "true")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary><c>Namespace.Type</c>, <c>Namespace.Outer+Inner</c>, as a handler string writes a type.</summary>
        private static string MetadataName(INamedTypeSymbol type)
        {
            if (type.ContainingType is { } outer)
            {
                return MetadataName(outer) + "+" + type.MetadataName;
            }

            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
        }
    }
}
