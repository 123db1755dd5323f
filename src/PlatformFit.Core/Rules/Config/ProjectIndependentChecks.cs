using System;
using System.Collections.Generic;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// The config rules that need nothing from a project — PF3101, PF3102, PF3103, PF4001, PF4002 and PF3002's GC heap limit — in one call, for
    /// a host that checks units no project binds to (the CLI, for a <c>serverless.yml</c> whose code is not in the
    /// repository). The analyzers run the same checks one rule per analyzer.
    /// </summary>
    public static class ProjectIndependentChecks
    {
        /// <summary>The checks of a set of units: each unit's own, and PF3102 once per shared timeout line.</summary>
        public static IEnumerable<ConfigFinding> CheckAll(IReadOnlyList<DeploymentUnit> units, DateTime? scanDate, ConfigSpanDisplay display)
        {
            foreach (var unit in units)
            {
                foreach (var finding in Check(unit, scanDate, display))
                {
                    yield return finding;
                }
            }

            foreach (var finding in TimeoutBeyondFrontDoor.CheckAll(units, display))
            {
                yield return finding;
            }
        }

        /// <summary>The checks of one unit on its own (PF3102, which groups units that share a timeout, is in <see cref="CheckAll"/>).</summary>
        public static IEnumerable<ConfigFinding> Check(DeploymentUnit unit, DateTime? scanDate, ConfigSpanDisplay display)
        {
            if (PlatformProfiles.Find(unit.Platform) is not { } profile)
            {
                yield break;
            }

            foreach (var finding in ValueOutsidePlatformRange.Check(unit, profile))
            {
                yield return finding;
            }

            foreach (var finding in QueueVisibilityShorterThanTimeout.Check(unit, display))
            {
                yield return finding;
            }

            if (RetiredRuntime.Check(unit, profile, scanDate) is { } runtime)
            {
                yield return runtime;
            }

            if (GcHeapLimitBeyondMemory.Check(unit, profile, display) is { } heapLimit)
            {
                yield return heapLimit;
            }
        }
    }
}
