using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>How a host names a config place in a message, e.g. <c>serverless.yml(14,9)</c> (repository-relative).</summary>
    public delegate string ConfigSpanDisplay(ConfigSpan span);

    /// <summary>
    /// A finding about a deployment config alone: the rule, the unit, the config place to report on, the config
    /// places that make it a problem, and the message arguments. Every host formats the message with the rule's
    /// format from <see cref="RuleCatalog"/>, so the IDE, the build and the CLI print the same text.
    /// </summary>
    public sealed class ConfigFinding
    {
        public ConfigFinding(RuleMetadata rule, DeploymentUnit unit, ConfigSpan primary, IReadOnlyList<ConfigSpan> related, IReadOnlyList<string> messageArguments)
        {
            Rule = rule;
            Unit = unit;
            Primary = primary;
            Related = related;
            MessageArguments = messageArguments;
        }

        public RuleMetadata Rule { get; }

        public DeploymentUnit Unit { get; }

        public ConfigSpan Primary { get; }

        public IReadOnlyList<ConfigSpan> Related { get; }

        /// <summary>Already formatted (numbers with invariant group separators), so no host's culture can change the text.</summary>
        public IReadOnlyList<string> MessageArguments { get; }

        public string Message => string.Format(CultureInfo.InvariantCulture, Rule.MessageFormat, MessageArguments.Cast<object>().ToArray());

        public override string ToString() => $"{Primary}: {Rule.Id}: {Message}";
    }
}
