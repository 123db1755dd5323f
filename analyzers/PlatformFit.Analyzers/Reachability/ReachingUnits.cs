using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PlatformFit.Core.Binding;

namespace PlatformFit.Analyzers.Reachability
{
    /// <summary>A unit whose entry points reach a piece of code, with the path that does.</summary>
    internal sealed record ReachingUnit(BoundUnit Unit, IReadOnlyList<FlowStep> Path);

    /// <summary>Asks, for code a rule found, which of the candidate units actually run it.</summary>
    internal static class ReachingUnits
    {
        public static List<ReachingUnit> Of(SemanticModel model, SyntaxNode site, IEnumerable<BoundUnit> candidates, CancellationToken cancellationToken)
        {
            var reaching = new List<ReachingUnit>();
            var member = ProjectReachability.EnclosingMember(model, site, cancellationToken);
            if (member is null)
            {
                return reaching;
            }

            var project = ProjectReachability.Get(model.Compilation);
            foreach (var unit in candidates)
            {
                if (project.For(unit, cancellationToken).TryGetPath(member, out var path))
                {
                    reaching.Add(new ReachingUnit(unit, path));
                }
            }

            return reaching;
        }

        /// <summary>
        /// The candidate units that run the code at <paramref name="site"/> on every invocation, not only once when
        /// they set up an execution environment (<see cref="UnitReachability.PerInvocation"/>).
        /// </summary>
        public static List<ReachingUnit> PerInvocation(SemanticModel model, SyntaxNode site, IEnumerable<BoundUnit> candidates, CancellationToken cancellationToken)
        {
            var reaching = new List<ReachingUnit>();
            var member = ProjectReachability.EnclosingMember(model, site, cancellationToken);
            var project = ProjectReachability.Get(model.Compilation);
            foreach (var unit in candidates)
            {
                if (project.For(unit, cancellationToken).PerInvocation.TryGetPath(site, member, out var path))
                {
                    reaching.Add(new ReachingUnit(unit, path));
                }
            }

            return reaching;
        }
    }
}
