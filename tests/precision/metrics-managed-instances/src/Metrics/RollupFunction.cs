using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;

namespace Metrics;

/// <summary>Standard Lambda: one invocation per execution environment at a time.</summary>
public sealed class RollupFunction
{
    private static readonly Dictionary<string, double> Totals = new();
    private static int runs;

    public Task Handle(ScheduledEvent tick, ILambdaContext context)
    {
        runs++; // look-alike: PF2005
        Totals["all"] = Totals.GetValueOrDefault("all") + runs; // look-alike: PF2005
        context.Logger.LogInformation($"rollup {runs} at {tick.Time:O}");
        return Task.CompletedTask;
    }
}
