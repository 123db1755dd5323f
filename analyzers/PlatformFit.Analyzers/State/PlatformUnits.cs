using System.Collections.Generic;
using System.Linq;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.State
{
    /// <summary>A unit that runs the project, with the profile of the platform it runs on.</summary>
    internal sealed record PlatformUnit(BoundUnit Bound, PlatformProfile Profile);

    /// <summary>
    /// The units a state or background-work rule applies to: those whose platform profile says the execution
    /// trait the rule rests on holds (each environment has its own memory; the environment is frozen between
    /// invocations). A platform without a profile, or whose profile does not say so, is left alone.
    /// </summary>
    internal static class PlatformUnits
    {
        public static List<PlatformUnit> Where(IReadOnlyList<BoundUnit> units, string executionTrait)
        {
            var applicable = new List<PlatformUnit>();
            foreach (var bound in units)
            {
                if (PlatformProfiles.Find(bound.Unit.Platform) is { } profile && profile.ExecutionTraitThatHolds(executionTrait) is not null)
                {
                    applicable.Add(new PlatformUnit(bound, profile));
                }
            }

            return applicable;
        }
    }
}
