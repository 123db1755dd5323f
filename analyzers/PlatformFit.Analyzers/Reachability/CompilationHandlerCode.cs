using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
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

        public CompilationHandlerCode(Compilation compilation, CancellationToken cancellationToken)
        {
            this.compilation = compilation;
            this.cancellationToken = cancellationToken;
            entryPoint = new Lazy<EntryPointState>(FindEntryPoint);
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
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (current.TypeKind == TypeKind.Error)
                {
                    // A base class from a package the scan does not have (APIGatewayProxyFunction …) may declare the method.
                    unresolvedBase = true;
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

            return new HandlerType(MetadataName(type), methods, unresolvedBase);
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
