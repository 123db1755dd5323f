using System;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF4001 and PF4002: the unit's runtime judged against its lifecycle dates in the profile, at the scan date (an
    /// input, never the clock). Past the deprecation date: PF4001; past the date AWS blocks creating functions:
    /// PF4002 instead. One check for both, because a runtime is in exactly one of those states on a given day.
    /// Container images bring their own runtime and are left alone, as are runtimes the profile does not list.
    /// </summary>
    public static class RetiredRuntime
    {
        public static ConfigFinding? Check(DeploymentUnit unit, PlatformProfile profile, DateTime? scanDate)
        {
            if (scanDate is not DateTime today || unit.IsImage || !unit.Runtime.TryGetValue(out var id) || unit.Runtime.Span is not { } span
                || profile.Runtime(id) is not { } runtime)
            {
                return null;
            }

            var date = today.Date;
            var successor = runtime.Successor ?? "a supported runtime";
            if (runtime.BlockCreate is DateTime blockCreate && date >= blockCreate.Date)
            {
                var blocked = runtime.BlockUpdate is DateTime blockUpdate
                    ? date >= blockUpdate.Date
                        ? $"AWS blocks creating functions on it since {runtime.DateText(blockCreate)} and updating them since {runtime.DateText(blockUpdate)}, so every deployment of this function fails"
                        : $"AWS blocks creating functions on it since {runtime.DateText(blockCreate)}, so deploying to a new stage, account or region fails, and updating existing functions fails from {runtime.DateText(blockUpdate)}"
                    : $"AWS blocks creating functions on it since {runtime.DateText(blockCreate)}, so deploying to a new stage, account or region fails";
                return new ConfigFinding(RuleCatalog.PF4002, unit, span, Array.Empty<ConfigSpan>(), new[] { id, ScanDate.ToText(date), blocked, successor });
            }

            if (runtime.Deprecated is DateTime deprecated && date >= deprecated.Date)
            {
                var next = runtime.BlockCreate is DateTime create
                    ? runtime.BlockUpdate is DateTime update
                        ? $"creating functions on it is blocked from {runtime.DateText(create)}, updating them from {runtime.DateText(update)}"
                        : $"creating functions on it is blocked from {runtime.DateText(create)}"
                    : "AWS has not announced when it blocks creating and updating functions on it";
                return new ConfigFinding(RuleCatalog.PF4001, unit, span, Array.Empty<ConfigSpan>(), new[] { id, runtime.DateText(deprecated), ScanDate.ToText(date), next, successor });
            }

            return null;
        }
    }
}
