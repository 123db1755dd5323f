using System.Collections.Concurrent;
using System.Globalization;

namespace Basket;

/// <summary>Prices are the same for every user: a per-instance memo is only a cache.</summary>
public sealed class Pricing
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(Environment.GetEnvironmentVariable("PRICING_URL") ?? "https://pricing.example.com/") }; // look-alike: PF5001
    private static readonly ConcurrentDictionary<string, decimal> Memo = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lazy<Dictionary<string, string>> Aliases = new(LoadAliases); // look-alike: PF2001
    private readonly ConcurrentDictionary<string, int> lookups = new();

    public async Task<decimal> PriceOfAsync(string sku)
    {
        lookups.AddOrUpdate(sku, 1, (_, n) => n + 1); // look-alike: PF2001
        var key = Aliases.Value.TryGetValue(sku, out var alias) ? alias : sku;
        if (Memo.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var price = decimal.Parse(await Http.GetStringAsync($"prices/{Uri.EscapeDataString(key)}"), CultureInfo.InvariantCulture);
        Memo[key] = price; // look-alike: PF2001
        return price;
    }

    public static string Normalize(string sku) => Slugs.GetOrAdd(sku, s => s.Trim().ToUpperInvariant()); // look-alike: PF2001

    private static readonly ConcurrentDictionary<string, string> Slugs = new();

    private static Dictionary<string, string> LoadAliases() => new(StringComparer.OrdinalIgnoreCase) { ["apple-red"] = "apple" };
}
