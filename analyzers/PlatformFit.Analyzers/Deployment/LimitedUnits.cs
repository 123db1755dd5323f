using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PlatformFit.Analyzers.Reachability;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>A unit that runs some code, whose limit the code exceeds.</summary>
    internal sealed record ExceededLimit(ReachingUnit Reaching, UnitLimit Limit);

    /// <summary>
    /// The project's units that have a known limit of one kind (timeout, memory), found once per compilation, and
    /// the question a limit rule asks at each site: which units run this code and have a limit it exceeds.
    /// </summary>
    internal sealed class LimitedUnits
    {
        private readonly List<(BoundUnit Unit, UnitLimit Limit)> units;

        private LimitedUnits(List<(BoundUnit Unit, UnitLimit Limit)> units)
        {
            this.units = units;
            Smallest = units.Count == 0 ? long.MaxValue : units.Min(u => u.Limit.Value);
        }

        public bool IsEmpty => units.Count == 0;

        /// <summary>The lowest limit of any unit: code within it exceeds none, and needs no reachability.</summary>
        public long Smallest { get; }

        /// <summary>The units on <paramref name="platforms"/> (a rule's <c>platforms:</c>) whose limit <paramref name="limitOf"/> knows.</summary>
        public static LimitedUnits For(ProjectDeployment deployment, IReadOnlyList<string> platforms, Func<DeploymentUnit, PlatformProfile, UnitLimit?> limitOf)
        {
            var units = new List<(BoundUnit, UnitLimit)>();
            foreach (var bound in deployment.Units)
            {
                if (platforms.Contains(bound.Unit.Platform) && PlatformProfiles.Find(bound.Unit.Platform) is { } profile && limitOf(bound.Unit, profile) is { } limit)
                {
                    units.Add((bound, limit));
                }
            }

            return new LimitedUnits(units);
        }

        /// <summary>
        /// The units that run the code at <paramref name="site"/> and whose limit <paramref name="exceeds"/> says it
        /// passes, in config order; with <paramref name="perInvocation"/>, only units that run it while handling an
        /// event (not only at start-up or in a hosted service the framework starts).
        /// </summary>
        public List<ExceededLimit> ExceededAt(SemanticModel model, SyntaxNode site, Func<long, bool> exceeds, CancellationToken cancellationToken, bool perInvocation = false)
        {
            var candidates = units.Where(u => exceeds(u.Limit.Value)).ToList();
            if (candidates.Count == 0)
            {
                return new List<ExceededLimit>();
            }

            var reaching = perInvocation
                ? ReachingUnits.PerInvocation(model, site, candidates.Select(c => c.Unit), cancellationToken)
                : ReachingUnits.Of(model, site, candidates.Select(c => c.Unit), cancellationToken);
            return reaching
                .Select(r => new ExceededLimit(r, candidates.First(c => c.Unit == r.Unit).Limit))
                .ToList();
        }
    }
}
