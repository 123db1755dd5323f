using System.Collections.Concurrent;

namespace Orders.Api;

public sealed record Order(string Id, string CustomerId, decimal Total);

/// <summary>A DI singleton used as the order store: each execution environment has its own.</summary>
public sealed class OrderIndex
{
    private readonly ConcurrentDictionary<string, Order> byId = new();

    public void Remember(Order order) => byId[order.Id] = order; // expect: PF2001

    public Order? Find(string id) => byId.TryGetValue(id, out var order) ? order : null;
}

public interface IRateLimiterStore
{
    bool TryTake(string client);
}

public sealed class InMemoryRateLimiterStore : IRateLimiterStore
{
    private readonly Dictionary<string, int> taken = new();

    public bool TryTake(string client)
    {
        lock (taken)
        {
            taken[client] = taken.TryGetValue(client, out var n) ? n + 1 : 1; // look-alike: PF2001
            return taken[client] <= 100;
        }
    }
}
