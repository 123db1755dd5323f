var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
builder.Services.AddSession(options => options.Cookie.Name = ".portal"); // expect: PF2002
builder.Services.AddHttpClient("crm", client =>
{
    client.BaseAddress = new Uri("https://crm.example.com/");
    client.Timeout = TimeSpan.FromMinutes(2); // expect: PF3001
});
builder.Services.AddHttpClient("geo", client => client.Timeout = TimeSpan.FromSeconds(10)); // look-alike: PF3001

var app = builder.Build();
app.UseSession();
app.UseWebSockets(); // expect: PF1001

app.MapGet("/profile", async (HttpContext context, IHttpClientFactory factory) =>
{
    context.Session.SetString("seen", "yes");
    var crm = factory.CreateClient("crm"); // look-alike: PF5001
    await Parallel.ForEachAsync(new[] { "a", "b" }, async (id, ct) => await crm.GetStringAsync(id, ct)); // look-alike: PF2004
    var warmUp = Task.Factory.StartNew(() => Thread.Sleep(100)); // look-alike: PF2004
    await warmUp;
    return Results.Ok();
});

app.Run();
