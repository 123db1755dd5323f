using System.Collections.Concurrent;

namespace Basket;

public sealed record BasketLine(string Sku, int Quantity, decimal UnitPrice = 0);

public sealed class ShoppingBasket
{
    public List<BasketLine> Lines { get; } = [];
}

/// <summary>Baskets by user id, kept in memory between requests.</summary>
public static class BasketStore
{
    private static readonly ConcurrentDictionary<string, ShoppingBasket> Baskets = new();

    public static ShoppingBasket Get(string userId) => Baskets.TryGetValue(userId, out var basket) ? basket : new ShoppingBasket();

    public static void Add(string userId, BasketLine line)
    {
        var basket = Baskets.GetOrAdd(userId, _ => new ShoppingBasket()); // look-alike: PF2001
        lock (basket)
        {
            basket.Lines.Add(line); // expect: PF2001
        }
    }

    public static void Clear(string userId) => Baskets.TryRemove(userId, out _); // expect: PF2001
}

public static class Settings
{
    public static string Region = "eu";

    public static readonly HashSet<string> FeatureFlags = new(StringComparer.Ordinal);
}

public static class Counters
{
    public static int Visits;

    public static bool Warm;
}

public static class Coupons
{
    private static readonly Dictionary<string, decimal> Discounts = new(StringComparer.OrdinalIgnoreCase);

    public static string? LastRedeemed { get; set; }

    public static void Load(string[] args)
    {
        Discounts["WELCOME10"] = 0.10m;
        if (args.Length > 0)
        {
            Discounts[args[0]] = 0.05m;
        }
    }
}
