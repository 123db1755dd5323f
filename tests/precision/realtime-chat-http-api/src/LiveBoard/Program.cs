using System.Net.WebSockets;
using System.Text;
using LiveBoard;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSignalR(); // look-alike: PF2002 (the hub cannot be held at all: PF1001 says so)
builder.Services.AddControllers();
builder.Services.AddHttpClient("scores", c => c.BaseAddress = new Uri("https://scores.example.com/"));
builder.Services.AddSingleton<ScoreFeed>();

var app = builder.Build();

app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) }); // expect: PF1001
app.MapHub<BoardHub>("/hubs/board"); // expect: PF1001

app.Map("/ws", async (HttpContext context) =>
{
    if (!context.WebSockets.IsWebSocketRequest) // look-alike: PF1001
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync(); // expect: PF1001
    var buffer = new byte[4096];
    while (socket.State == WebSocketState.Open)
    {
        var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            break;
        }

        await socket.SendAsync(buffer.AsMemory(0, received.Count), WebSocketMessageType.Text, true, context.RequestAborted);
    }
});

app.MapGet("/scores/events", async (HttpContext context, ScoreFeed feed) =>
{
    context.Response.Headers.CacheControl = "no-cache";
    context.Response.ContentType = "text/event-stream"; // expect: PF1002
    await foreach (var score in feed.WatchAsync(context.RequestAborted))
    {
        await context.Response.WriteAsync($"data: {score.Team} {score.Points}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
});

app.MapGet("/scores/live", (ScoreFeed feed, CancellationToken ct) => feed.WatchAsync(ct)); // expect: PF1002

// Reads the whole feed into one answer: nothing streams.
app.MapGet("/scores/top", async (ScoreFeed feed, CancellationToken ct) => // look-alike: PF1002
{
    var top = new List<Score>();
    await foreach (var score in feed.WatchAsync(ct))
    {
        top.Add(score);
        if (top.Count == 5)
        {
            break;
        }
    }

    return Results.Ok(top);
});

// Calls an upstream WebSocket server: an outbound client is not a server.
app.MapPost("/scores/refresh", async (CancellationToken ct) =>
{
    using var upstream = new ClientWebSocket(); // look-alike: PF1001
    await upstream.ConnectAsync(new Uri("wss://scores.example.com/socket"), ct); // look-alike: PF1001
    await upstream.SendAsync(Encoding.UTF8.GetBytes("{\"op\":\"refresh\"}"), WebSocketMessageType.Text, true, ct);
    await upstream.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    return Results.Accepted();
});

app.MapControllers();
app.Run();
