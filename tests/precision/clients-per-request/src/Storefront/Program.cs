using Amazon.DynamoDBv2;
using Amazon.SQS;
using Storefront;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
builder.Services.AddControllers();
builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient()); // look-alike: PF5001
builder.Services.AddAWSService<IAmazonSQS>();
builder.Services.AddHttpClient<InventoryClient>(c => c.BaseAddress = new Uri("https://inventory.example.com/"));
builder.Services.AddHttpClient("reviews");

var startupProbe = new HttpClient(); // look-alike: PF5001
await startupProbe.GetAsync("https://inventory.example.com/health");

var app = builder.Build();

app.MapGet("/products/{id}", async (string id) =>
{
    using var http = new HttpClient(); // expect: PF5001
    var dynamo = new AmazonDynamoDBClient(); // expect: PF5001
    var item = await dynamo.GetItemAsync("products", new() { ["id"] = new(id) });
    return Results.Ok(new { id, stock = await http.GetStringAsync($"https://inventory.example.com/stock/{id}"), item.IsItemSet });
});

app.MapGet("/products/{id}/reviews", async (string id, IHttpClientFactory factory) =>
{
    var http = factory.CreateClient("reviews"); // look-alike: PF5001
    return Results.Ok(await http.GetStringAsync($"https://reviews.example.com/{id}"));
});

app.MapGet("/products/{id}/stock", async (string id, InventoryClient inventory) => Results.Ok(await inventory.StockAsync(id)));

app.MapControllers();
app.Run();
