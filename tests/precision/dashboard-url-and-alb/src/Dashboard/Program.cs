using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddControllers();
builder.Services.AddSingleton<MetricsSource>();

var app = builder.Build();
app.UseWebSockets(); // expect: PF1001

app.MapGet("/metrics/events", (MetricsSource source, CancellationToken ct) =>
    TypedResults.ServerSentEvents(source.ReadAsync(ct), eventType: "metric")); // expect: PF1002

app.MapGet("/metrics", async (MetricsSource source, CancellationToken ct) => Results.Ok(await source.SnapshotAsync(ct)));

app.Map("/metrics/socket", async context =>
{
    if (context.WebSockets.IsWebSocketRequest) // look-alike: PF1001
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync(); // expect: PF1001
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
    }
});

app.MapControllers();
app.Run();
