using System;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// The identifiers without which an analyzer cannot report anything in a syntax tree (the names of the calls
    /// and types it looks for). A host that runs analyzers per tree (the CLI) skips semantic analysis of trees that
    /// contain none of them; an analyzer without this attribute is run on every tree, and one that declares no name
    /// looks at no tree (a config-only rule reported at compilation end). The IDE ignores it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class TriggerNamesAttribute : Attribute
    {
        public TriggerNamesAttribute(params string[] names) => Names = names;

        public string[] Names { get; }
    }
}
