using System.Collections.Generic;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>Whether a project can run as an executable Lambda handler (the handler string names only the assembly).</summary>
    public enum EntryPointState
    {
        /// <summary>The project has a <c>Main</c> method or top-level statements.</summary>
        Present,

        /// <summary>The project builds a class library (<c>OutputType Library</c>).</summary>
        Library,

        /// <summary>An executable without <c>Main</c> and without top-level statements.</summary>
        Missing,

        /// <summary>A source generator writes the entry point during the build (Lambda Annotations <c>GenerateMain</c>).</summary>
        Generated,
    }

    /// <summary>
    /// The project's code as a handler string needs it, answered by a host that has the symbols (the analyzers ask
    /// Roslyn). Core decides what the answers mean, so that the rule's logic is tested without a compiler.
    /// </summary>
    public interface IHandlerCode
    {
        /// <summary>The assembly name the project builds, exactly as the file will be named.</summary>
        string AssemblyName { get; }

        EntryPointState EntryPoint { get; }

        /// <summary>The metadata names (<c>Namespace.Type</c>, <c>Namespace.Outer+Inner</c>) of the project's own types.</summary>
        IEnumerable<string> TypeNames { get; }

        /// <summary>The project's type with that metadata name, or null.</summary>
        HandlerType? FindType(string metadataName);

        /// <summary>
        /// Whether the name occurs in code the scan's preprocessor symbols exclude (<c>#if PROVIDER_AWS</c> …): a build
        /// with other symbols (<c>dotnet lambda package /p:Provider=aws</c>) may declare what the handler names.
        /// </summary>
        bool InExcludedCode(string name);
    }

    /// <summary>A type a handler names, with the methods Lambda could call on it.</summary>
    public sealed class HandlerType
    {
        public HandlerType(string metadataName, IReadOnlyList<HandlerMethod> methods, bool hasUnresolvedBase, string? unresolvedBaseName = null)
        {
            MetadataName = metadataName;
            Methods = methods;
            HasUnresolvedBase = hasUnresolvedBase;
            UnresolvedBaseName = unresolvedBaseName;
        }

        public string MetadataName { get; }

        /// <summary>The ordinary methods of the type and of every base type the host can see.</summary>
        public IReadOnlyList<HandlerMethod> Methods { get; }

        /// <summary>
        /// A base type does not resolve (a package the scan does not have, such as <c>APIGatewayProxyFunction</c>):
        /// a method the handler names may be declared there, so a missing method is not reported.
        /// </summary>
        public bool HasUnresolvedBase { get; }

        /// <summary>The simple name of the base type that does not resolve (<c>APIGatewayProxyFunction</c>), if known.</summary>
        public string? UnresolvedBaseName { get; }
    }

    /// <summary>A method of a handler type: its name and whether Lambda can call it.</summary>
    public sealed record HandlerMethod(string Name, bool IsPublic);
}
