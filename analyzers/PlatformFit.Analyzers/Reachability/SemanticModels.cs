using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>
    /// One semantic model per syntax tree for the call-graph walk, which binds the bodies of the members a
    /// unit reaches — in any file, not only the one an analyzer action is looking at.
    /// </summary>
    internal sealed class SemanticModels
    {
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();

        public SemanticModels(Compilation compilation) => this.compilation = compilation;

#pragma warning disable RS1030 // The call graph must bind members in other trees than the one being analysed; the models are made once per tree and shared by every rule.
        public SemanticModel For(SyntaxTree tree) => models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }
}
