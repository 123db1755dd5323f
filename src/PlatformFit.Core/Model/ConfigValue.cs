using System;

namespace PlatformFit.Core.Model
{
    /// <summary>Whether a config value could be read, and from where.</summary>
    public enum ValueState
    {
        /// <summary>The file does not say, and the deploy tool has no default for it.</summary>
        Absent,

        /// <summary>The value is known: written in the file, inherited, or the tool's default.</summary>
        Known,

        /// <summary>The file says something that cannot be evaluated statically (an SSM parameter, an unresolved variable).</summary>
        Unknown,
    }

    /// <summary>Where a known value came from: rules that explain a finding say so.</summary>
    public enum ValueOrigin
    {
        /// <summary>Written on the unit itself.</summary>
        Declared,

        /// <summary>Inherited from a shared section (Serverless <c>provider</c>, SAM <c>Globals</c>).</summary>
        Inherited,

        /// <summary>The deploy tool's default for an absent key.</summary>
        ToolDefault,
    }

    /// <summary>
    /// One value of a deployment config with the exact place it was written. A value that cannot be known
    /// statically is <see cref="ValueState.Unknown"/>, never guessed: rules do not fire on it.
    /// </summary>
    public sealed class ConfigValue<T>
    {
        private readonly T? value;

        private ConfigValue(ValueState state, T? value, ConfigSpan? span, ValueOrigin origin, string? unknownReason)
        {
            State = state;
            this.value = value;
            Span = span;
            Origin = origin;
            UnknownReason = unknownReason;
        }

        /// <summary>A value the file does not give and no tool default fills.</summary>
        public static ConfigValue<T> Absent { get; } = new(ValueState.Absent, default, null, ValueOrigin.Declared, null);

        public ValueState State { get; }

        /// <summary>The place the value (or the expression that could not be evaluated) was written; null for a tool default.</summary>
        public ConfigSpan? Span { get; }

        public ValueOrigin Origin { get; }

        /// <summary>Why the value is unknown, e.g. <c>${ssm:/app/timeout} is resolved at deploy time</c>.</summary>
        public string? UnknownReason { get; }

        public bool IsKnown => State == ValueState.Known;

        /// <summary>The value; only valid when <see cref="IsKnown"/>.</summary>
        public T Value => IsKnown ? value! : throw new InvalidOperationException($"The value is {State}.");

        public static ConfigValue<T> Known(T value, ConfigSpan? span, ValueOrigin origin = ValueOrigin.Declared) =>
            new(ValueState.Known, value, span, origin, null);

        public static ConfigValue<T> Unknown(string reason, ConfigSpan? span) =>
            new(ValueState.Unknown, default, span, ValueOrigin.Declared, reason);

        public bool TryGetValue(out T result)
        {
            result = value!;
            return IsKnown;
        }

        /// <summary>The same value seen through a shared section: a unit inherits it from the provider or Globals.</summary>
        public ConfigValue<T> AsInherited() =>
            State == ValueState.Known && Origin == ValueOrigin.Declared ? new(State, value, Span, ValueOrigin.Inherited, null) : this;

        public override string ToString() => State switch
        {
            ValueState.Known => $"{value}",
            ValueState.Unknown => $"<unknown: {UnknownReason}>",
            _ => "<absent>",
        };
    }
}
