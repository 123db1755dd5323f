using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF3102: a unit's timeout longer than one of its front doors waits for it (the profile's
    /// <c>integration-timeout-ms</c>, or the integration timeout the config sets where the front door allows raising
    /// it). Reported once per timeout line, for the front door that gives up first, on the line that sets the timeout;
    /// functions that inherit one shared timeout share one finding that names them all.
    /// </summary>
    public static class TimeoutBeyondFrontDoor
    {
        /// <summary>The finding for one unit (a group of one).</summary>
        public static ConfigFinding? Check(DeploymentUnit unit, PlatformProfile profile, ConfigSpanDisplay display) =>
            Mismatch(unit, profile) is { } mismatch ? Finding(new[] { mismatch }, display) : null;

        /// <summary>
        /// The findings for a set of units: units that share one timeout line (a <c>provider</c> or <c>Globals</c> value
        /// they inherit) get one finding on that line naming every function whose front door gives up first, with each
        /// of those front doors as a related location.
        /// </summary>
        public static IEnumerable<ConfigFinding> CheckAll(IEnumerable<DeploymentUnit> units, ConfigSpanDisplay display)
        {
            foreach (var group in UnitGroups.BySpan(units, u => u.TimeoutSeconds))
            {
                var mismatches = new List<UnitMismatch>();
                foreach (var unit in group)
                {
                    if (PlatformProfiles.Find(unit.Platform) is { } profile && Mismatch(unit, profile) is { } mismatch)
                    {
                        mismatches.Add(mismatch);
                    }
                }

                if (mismatches.Count > 0)
                {
                    yield return Finding(mismatches, display);
                }
            }
        }

        private static UnitMismatch? Mismatch(DeploymentUnit unit, PlatformProfile profile)
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

            return tightest is null ? null : new UnitMismatch(unit, timeoutSeconds, tightest, tightestMs);
        }

        /// <summary>One finding for units that share a timeout: the message names the front door that gives up first of all.</summary>
        private static ConfigFinding Finding(IReadOnlyList<UnitMismatch> mismatches, ConfigSpanDisplay display)
        {
            var first = mismatches.OrderBy(m => m.LimitMs).First();
            var related = new List<ConfigSpan>();
            foreach (var mismatch in mismatches)
            {
                related.Add(mismatch.Door.Span);
                if (mismatch.Door.IntegrationTimeoutMs.Span is { } integrationSpan)
                {
                    related.Add(integrationSpan);
                }
            }

            var unit = mismatches[0].Unit;
            var timeoutMs = first.TimeoutSeconds * 1000L;
            return new ConfigFinding(
                RuleCatalog.PF3102,
                unit,
                unit.TimeoutSeconds.Span ?? unit.Declaration,
                related.Distinct().ToList(),
                new[]
                {
                    UnitGroups.Subject(mismatches.Select(m => m.Unit).ToList()),
                    MessageText.Number(first.TimeoutSeconds),
                    MessageText.Origin(unit.TimeoutSeconds, display, unit),
                    first.Door.DisplayName,
                    display(first.Door.Span),
                    MessageText.Seconds(first.LimitMs),
                    MessageText.Seconds(timeoutMs - first.LimitMs),
                });
        }

        private sealed record UnitMismatch(DeploymentUnit Unit, int TimeoutSeconds, FrontDoor Door, long LimitMs);
    }
}
