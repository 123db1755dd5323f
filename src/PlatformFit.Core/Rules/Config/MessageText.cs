using System.Globalization;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>The small pieces config-rule messages are made of, written the same way in every message.</summary>
    internal static class MessageText
    {
        /// <summary><c>10,240</c>: invariant group separators, whatever the host's culture.</summary>
        public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>Milliseconds as seconds: <c>29</c>, <c>29.5</c>.</summary>
        public static string Seconds(long milliseconds) => (milliseconds / 1000m).ToString("0.###", CultureInfo.InvariantCulture);

        /// <summary>
        /// Where a value comes from: its config place, marked when the unit inherits it, or the tool's default — named
        /// when <paramref name="unit"/> is declared by a tool in code (<c>the Amazon.Lambda.Annotations default</c>).
        /// </summary>
        public static string Origin<T>(ConfigValue<T> value, ConfigSpanDisplay display, DeploymentUnit? unit = null)
        {
            if (value.Span is null)
            {
                return unit?.CodeTool is { } tool ? $"the {tool} default" : "the deploy tool's default";
            }

            return value.Origin == ValueOrigin.Inherited ? $"{display(value.Span)}, inherited" : display(value.Span);
        }
    }
}
