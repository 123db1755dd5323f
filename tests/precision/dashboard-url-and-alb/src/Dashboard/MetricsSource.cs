using System.Runtime.CompilerServices;

namespace Dashboard;

public sealed record Metric(string Name, double Value);

public sealed class MetricsSource
{
    public async IAsyncEnumerable<Metric> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // look-alike: PF3001
            yield return new Metric("requests", i);
        }
    }

    public async Task<IReadOnlyList<Metric>> SnapshotAsync(CancellationToken cancellationToken)
    {
        var all = new List<Metric>();
        await foreach (var metric in ReadAsync(cancellationToken)) // look-alike: PF1002
        {
            all.Add(metric);
            if (all.Count >= 3)
            {
                break;
            }
        }

        return all;
    }
}
