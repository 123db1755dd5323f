using System;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// What a syntax tree must contain for an analyzer to report anything in it: the names of the calls and types it
    /// looks for, and where names are not enough, text, code shapes or declared state. A host that runs analyzers per
    /// tree (the CLI, through <see cref="TreeTriggers"/>) skips semantic analysis of trees that match no analyzer's
    /// triggers; an analyzer without this attribute is run on every tree, and one that declares nothing looks at no
    /// tree (a config-only rule reported at compilation end; <see cref="ConfigRuleAnalyzer"/> declares it for them all).
    /// The IDE ignores it.
    /// </summary>
    /// <remarks>
    /// A trigger may be wider than what the analyzer reports, never narrower: a tree skipped must not hide a finding.
    /// Every analyzer here reports its findings in the tree of the code it looks at (call paths and config lines travel
    /// as properties and additional locations), which is what makes a per-tree answer complete.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
    public sealed class TriggerNamesAttribute : Attribute
    {
        public TriggerNamesAttribute(params string[] names) => Names = names;

        /// <summary>
        /// Identifiers, compared ordinally with what the code writes; a <c>*</c> stands for any run of characters
        /// (<c>*Client</c>, <c>Amazon*Client</c>).
        /// </summary>
        public string[] Names { get; }

        /// <summary>
        /// Words the file's text contains anywhere (comments and strings too), ignoring case: for analyzers that search
        /// the text themselves, or match a name or a string literal ignoring case.
        /// </summary>
        public string[] Text { get; set; } = Array.Empty<string>();

        /// <summary>Code shapes no name gives away.</summary>
        public TriggerShapes Shapes { get; set; }
    }

    /// <summary>Code shapes that make a tree a candidate for an analyzer whatever names it uses.</summary>
    [Flags]
    public enum TriggerShapes
    {
        None = 0,

        /// <summary><c>new T[n]</c> with a size written.</summary>
        SizedArrayCreation = 1,

        /// <summary>
        /// <c>new(…)</c> whose type the declaration around it does not write (<c>client = new(…)</c>, an argument): where
        /// it does (<c>HttpClient client = new()</c>), the written type name is the trigger.
        /// </summary>
        UnwrittenTargetTypedNew = 2,

        /// <summary>An <c>async void</c> method or local function.</summary>
        AsyncVoidMethod = 4,

        /// <summary>An <c>async</c> lambda or anonymous method (whether it returns void only binding tells).</summary>
        AsyncLambda = 8,

        /// <summary>A call whose result is dropped (a statement, <c>_ = …</c>, an expression body, a local).</summary>
        DiscardedInvocation = 16,

        /// <summary>
        /// An identifier naming a field or property that can hold state across requests: a static one declared in
        /// source, or a member of a deployed Lambda handler type (computed per compilation, as PF2001 does).
        /// </summary>
        StateMemberName = 32,
    }
}
