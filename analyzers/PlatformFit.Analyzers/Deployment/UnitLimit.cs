using System;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// A deployment unit's limit (timeout, memory) as a rule compares code with it: the number, how a message states
    /// it and where it comes from, and the config place to show beside the finding.
    /// <list type="bullet">
    /// <item>A value the config sets (on the unit, or inherited from a shared section): <c>30 s (serverless.yml(9,14))</c>.</item>
    /// <item>A deploy tool's default for an absent key: <c>the Serverless Framework default of 6 s (no timeout is set
    /// at serverless.yml(8,3))</c>, shown on the unit's declaration, where the key would go.</item>
    /// <item>A value that cannot be known (an SSM parameter, an unresolved variable) is never guessed. Only the
    /// platform's maximum is certain then: <c>at most 900 s, the AWS Lambda maximum (…)</c>, unless the unit is (or may
    /// be) on Lambda Managed Instances and the profile says they lift that limit.</item>
    /// </list>
    /// </summary>
    internal sealed record UnitLimit(long Value, string Text, ConfigSpan Related)
    {
        public const string TimeoutLimit = "timeout-seconds";
        public const string MemoryLimit = "memory-mb";

        public static UnitLimit? Of(
            DeploymentUnit unit,
            ConfigValue<int> value,
            PlatformProfile profile,
            string limitName,
            string keyDescription,
            Func<long, string> format,
            ProjectDeployment deployment)
        {
            if (value.IsKnown)
            {
                if (value.Origin == ValueOrigin.ToolDefault || value.Span is null)
                {
                    return new UnitLimit(
                        value.Value,
                        $"{ToolDefault(unit)} of {format(value.Value)} (no {keyDescription} is set at {deployment.Display(unit.Declaration)})",
                        unit.Declaration);
                }

                return new UnitLimit(value.Value, $"{format(value.Value)} ({deployment.Display(value.Span)})", value.Span);
            }

            if (!profile.Limits.TryGetValue(limitName, out var limit) || limit.Max is not long max
                || !profile.LimitBinds(unit, limitName))
            {
                // No maximum is certain: the platform has none, or lifts it for a unit that is (or may be) on managed instances.
                return null;
            }

            var why = value.State == ValueState.Unknown
                ? $"the configured {keyDescription} cannot be evaluated: {value.UnknownReason}"
                : $"no {keyDescription} is configured";
            return new UnitLimit(max, $"at most {format(max)}, the {profile.Name} maximum ({why})", value.Span ?? unit.Declaration);
        }

        /// <summary>
        /// Whose default an absent key falls back to: the generator's, for a unit declared in code; the AWS CDK's, for a
        /// unit a CDK app declares in C#; else by the format of the config that declares the unit.
        /// </summary>
        private static string ToolDefault(DeploymentUnit unit)
        {
            if (unit.CodeTool is { } tool)
            {
                return $"the {tool} default";
            }

            if (unit.ConfigPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                return "the AWS CDK default";
            }

            return DeploymentConfigReader.Recognize(unit.ConfigPath) switch
            {
                ConfigFormat.ServerlessFramework => "the Serverless Framework default",
                ConfigFormat.CloudFormation => "the CloudFormation default",
                ConfigFormat.LambdaToolsDefaults => "the Amazon.Lambda.Tools default",
                _ => "the deploy tool's default",
            };
        }
    }
}
