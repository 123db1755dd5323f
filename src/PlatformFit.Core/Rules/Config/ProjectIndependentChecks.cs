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

            if (TimeoutBeyondFrontDoor.Check(unit, profile, display) is { } timeout)
            {
                yield return timeout;
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
