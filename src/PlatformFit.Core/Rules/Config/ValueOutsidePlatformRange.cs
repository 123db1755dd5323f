using System;
using System.Collections.Generic;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF3101: a unit's memory, timeout or ephemeral storage outside the range its platform accepts (the profile's
    /// <c>limits</c>). Reported on the value's config line; values that cannot be evaluated and the deploy tools'
    /// defaults are never reported. A value the unit inherits from a shared section gives the same message for
    /// every unit that inherits it, so hosts report it once.
    /// </summary>
    public static class ValueOutsidePlatformRange
    {
        private static readonly Setting[] Settings =
        {
            new("memory-mb", "memory", "MB", unit => unit.MemoryMb),
            new("timeout-seconds", "timeout", "s", unit => unit.TimeoutSeconds),
            new("ephemeral-storage-mb", "ephemeral storage", "MB", unit => unit.EphemeralStorageMb),
        };

        public static IEnumerable<ConfigFinding> Check(DeploymentUnit unit, PlatformProfile profile)
        {
            foreach (var setting in Settings)
            {
                var value = setting.Read(unit);
                if (!value.TryGetValue(out var number) || value.Origin == ValueOrigin.ToolDefault || value.Span is null
                    || !profile.Limits.TryGetValue(setting.LimitKey, out var limit) || limit.Min is not long min || limit.Max is not long max
                    || !profile.LimitBinds(unit, setting.LimitKey))
                {
                    continue;
                }

                if (number >= min && number <= max)
                {
                    continue;
                }

                var subject = value.Origin == ValueOrigin.Inherited
                    ? $"The shared {setting.Name} that functions inherit"
                    : $"The {setting.Name} of function '{unit.Name}'";
                yield return new ConfigFinding(
                    RuleCatalog.PF3101,
                    unit,
                    value.Span,
                    Array.Empty<ConfigSpan>(),
                    new[] { subject, MessageText.Number(number), setting.Unit, MessageText.Number(min), MessageText.Number(max), profile.Name });
            }
        }

        private sealed record Setting(string LimitKey, string Name, string Unit, Func<DeploymentUnit, ConfigValue<int>> Read);
    }
}
