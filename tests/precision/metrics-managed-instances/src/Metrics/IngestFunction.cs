using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Metrics;

public sealed record MetricPoint(string Name, string Source, double Value);

/// <summary>Runs on Lambda Managed Instances: one process handles many SQS batches at once.</summary>
public sealed class IngestFunction
{
    private static readonly Dictionary<string, int> PointsPerSource = new();
    private static readonly ConcurrentDictionary<string, double> LastValue = new();
    private static readonly HashSet<string> KnownNames = new();
    private static readonly Queue<string> RecentBatches = new();
    private static readonly object KnownNamesGate = new();
    private static readonly SemaphoreSlim FlushGate = new(1, 1);
    private static readonly List<MetricPoint> Pending = new();
    private static readonly Dictionary<string, string> Units = new() { ["latency"] = "ms", ["size"] = "bytes" };
    private static long pointsSeen;
    private static long batchesSeen;
    private static DateTimeOffset lastBatchAt;
    private int invocations;

    public async Task Handle(SQSEvent batch, ILambdaContext context)
    {
        invocations++; // expect: PF2005
        Interlocked.Increment(ref batchesSeen); // look-alike: PF2005
        lastBatchAt = DateTimeOffset.UtcNow; // look-alike: PF2005

        foreach (var record in batch.Records)
        {
            var point = JsonSerializer.Deserialize<MetricPoint>(record.Body)!;
            PointsPerSource[point.Source] = PointsPerSource.GetValueOrDefault(point.Source) + 1; // expect: PF2005
            LastValue[point.Name] = point.Value; // look-alike: PF2005; expect: PF2001
            pointsSeen += 1; // expect: PF2005
            lock (KnownNamesGate)
            {
                KnownNames.Add(point.Name); // look-alike: PF2005; expect: PF2001
            }

            var unit = Units.GetValueOrDefault(point.Name, "count"); // look-alike: PF2005
            context.Logger.LogDebug($"{point.Name}={point.Value}{unit}");
            await BufferAsync(point);
        }

        RecentBatches.Enqueue(context.AwsRequestId); // expect: PF2005; look-alike: PF2001
        if (RecentBatches.Count > 50)
        {
            RecentBatches.Dequeue(); // expect: PF2005
        }
    }

    private static async Task BufferAsync(MetricPoint point)
    {
        await FlushGate.WaitAsync();
        try
        {
            Pending.Add(point); // look-alike: PF2005; expect: PF2001
        }
        finally
        {
            FlushGate.Release();
        }
    }
}
