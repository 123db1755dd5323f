using Basket;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddDistributedMemoryCache(); // expect: PF2002
builder.Services.AddSession(options => // look-alike: PF2002
{
    options.IdleTimeout = TimeSpan.FromMinutes(30);
    options.Cookie.HttpOnly = true;
});
builder.Services.AddMemoryCache(); // look-alike: PF2002
builder.Services.AddSingleton<Pricing>();

// Start-up: once per environment, the same for every request.
Settings.Region = builder.Configuration["Region"] ?? "eu"; // look-alike: PF2001
Settings.FeatureFlags.Add("express-checkout"); // look-alike: PF2001
Coupons.Load(args); // look-alike: PF2001

var app = builder.Build();
app.UseSession();

app.MapGet("/baskets/{userId}", (string userId) => BasketStore.Get(userId));

app.MapPost("/baskets/{userId}/lines", async (string userId, BasketLine line, Pricing pricing) =>
{
    var price = await pricing.PriceOfAsync(line.Sku);
    BasketStore.Add(userId, line with { UnitPrice = price });
    return Results.Ok(BasketStore.Get(userId));
});

app.MapDelete("/baskets/{userId}", (string userId) =>
{
    BasketStore.Clear(userId);
    return Results.NoContent();
});

app.MapPost("/baskets/{userId}/coupon", (string userId, string code, HttpContext http) =>
{
    http.Session.SetString("coupon", code);
    Coupons.LastRedeemed = code; // expect: PF2001
    return Results.Ok();
});

app.MapGet("/visits", () =>
{
    Interlocked.Increment(ref Counters.Visits); // look-alike: PF2001
    Counters.Warm = true; // look-alike: PF2001
    return Results.Ok(Counters.Visits);
});

app.Run();
