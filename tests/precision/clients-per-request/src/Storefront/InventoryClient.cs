namespace Storefront;

public sealed class InventoryClient(HttpClient http)
{
    private static readonly SocketsHttpHandler SharedHandler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
    private static HttpClient? fallback;
    private static readonly Lazy<HttpClient> Pricing = new(() => new HttpClient { BaseAddress = new Uri("https://pricing.example.com/") }); // look-alike: PF5001

    public Task<string> StockAsync(string id) => http.GetStringAsync($"stock/{id}");

    public Task<string> FallbackStockAsync(string id)
    {
        fallback ??= new HttpClient(); // look-alike: PF5001
        return fallback.GetStringAsync($"https://inventory-fallback.example.com/stock/{id}");
    }

    public async Task<string> PriceAsync(string id)
    {
        using var pooled = new HttpClient(SharedHandler, disposeHandler: false); // look-alike: PF5001
        var price = await pooled.GetStringAsync($"https://pricing.example.com/{id}");
        return price + await Pricing.Value.GetStringAsync($"discounts/{id}");
    }
}
