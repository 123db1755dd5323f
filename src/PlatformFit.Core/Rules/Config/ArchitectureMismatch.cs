using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF4004: the units run on one instruction set and the project is built for another (its runtime identifier's
    /// architecture, <c>linux-x64</c> ↔ <c>x86_64</c>, <c>linux-arm64</c> ↔ <c>arm64</c>, from the profile). A unit
    /// that names no architecture runs on the profile's default. Reported once per architecture value, on its line
    /// (or on the unit's declaration when it names none). Silent when the project sets no runtime identifier, for
    /// identifiers of other architectures or operating systems, for unknown values and for container images.
    /// </summary>
    public static class ArchitectureMismatch
    {
        public static IEnumerable<ConfigFinding> Check(IEnumerable<DeploymentUnit> units, ProjectBuild build, ConfigSpanDisplay display)
        {
            if (build.RuntimeIdentifier is not { } rid)
            {
                yield break;
            }

            foreach (var group in UnitGroups.BySpan(units.Where(u => !u.IsImage), u => u.Architecture))
            {
                var unit = group[0];
                if (unit.Architecture.State == ValueState.Unknown
                    || PlatformProfiles.Find(unit.Platform) is not { Architectures: { } architectures })
                {
                    continue;
                }

                var built = ArchitectureOf(rid, architectures);
                var runs = unit.Architecture.TryGetValue(out var declared) ? declared.Trim() : architectures.Default;
                if (built is null || !architectures.RuntimeIdentifierSuffixes.TryGetValue(runs, out var runsSuffix) || string.Equals(built, runs, StringComparison.Ordinal))
                {
                    continue;
                }

                var origin = unit.Architecture.IsKnown ? MessageText.Origin(unit.Architecture, display) : "the default when a function names none";
                yield return new ConfigFinding(
                    RuleCatalog.PF4004,
                    unit,
                    unit.Architecture.Span ?? unit.Declaration,
                    Array.Empty<ConfigSpan>(),
                    new[]
                    {
                        UnitGroups.Subject(group),
                        runs,
                        origin,
                        built,
                        $"{rid}, {build.RuntimeIdentifierSource}",
                        $"set the architecture to {built}, or build for linux-{runsSuffix}",
                    });
            }
        }

        /// <summary>The platform architecture a Linux runtime identifier builds for; null for other systems and architectures.</summary>
        private static string? ArchitectureOf(string rid, ArchitectureSupport architectures)
        {
            var normalized = rid.Trim().ToLowerInvariant();
            if (!normalized.StartsWith("linux", StringComparison.Ordinal))
            {
                return null;
            }

            var suffix = normalized.Substring(normalized.LastIndexOf('-') + 1);
            foreach (var pair in architectures.RuntimeIdentifierSuffixes)
            {
                if (string.Equals(pair.Value, suffix, StringComparison.Ordinal))
                {
                    return pair.Key;
                }
            }

            return null;
        }
    }
}
