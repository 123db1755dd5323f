using System;
using System.Collections.Generic;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF3102: a unit's timeout longer than one of its front doors waits for it (the profile's
    /// <c>integration-timeout-ms</c>, or the integration timeout the config sets where the front door allows raising
    /// it). Reported once per unit, for the front door that gives up first, on the line that sets the timeout.
    /// </summary>
    public static class TimeoutBeyondFrontDoor
    {
        public static ConfigFinding? Check(DeploymentUnit unit, PlatformProfile profile, ConfigSpanDisplay display)
        {
            if (!unit.TimeoutSeconds.TryGetValue(out var timeoutSeconds))
            {
                return null;
            }

            var timeoutMs = timeoutSeconds * 1000L;
            FrontDoor? tightest = null;
            long tightestMs = long.MaxValue;
            foreach (var door in unit.FrontDoors)
            {
                if (profile.FrontDoor(door.ProfileKey) is not { IntegrationTimeoutMs: int defaultMs } capability)
                {
                    continue;
                }

                long limitMs = defaultMs;
                if (door.IntegrationTimeoutMs.State == ValueState.Unknown)
                {
                    continue;
                }

                if (door.IntegrationTimeoutMs.TryGetValue(out var declaredMs))
                {
                    // A front door that cannot be raised still answers at its own ceiling, whatever the config asks for.
                    limitMs = capability.IntegrationTimeoutRaisable ? declaredMs : Math.Min(declaredMs, defaultMs);
                }

                if (timeoutMs > limitMs && limitMs < tightestMs)
                {
                    tightest = door;
                    tightestMs = limitMs;
                }
            }

            if (tightest is null)
            {
                return null;
            }

            var related = new List<ConfigSpan> { tightest.Span };
            if (tightest.IntegrationTimeoutMs.Span is { } integrationSpan)
            {
                related.Add(integrationSpan);
            }

            return new ConfigFinding(
                RuleCatalog.PF3102,
                unit,
                unit.TimeoutSeconds.Span ?? unit.Declaration,
                related,
                new[]
                {
                    unit.Name,
                    MessageText.Number(timeoutSeconds),
                    MessageText.Origin(unit.TimeoutSeconds, display, unit),
                    tightest.DisplayName,
                    display(tightest.Span),
                    MessageText.Seconds(tightestMs),
                    MessageText.Seconds(timeoutMs - tightestMs),
                });
        }
    }
}
