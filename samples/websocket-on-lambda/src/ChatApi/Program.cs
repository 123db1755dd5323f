using System.Net.WebSockets;
using ChatApi;

var builder = WebApplication.CreateBuilder(args);

// Runs the app on Lambda behind the HTTP API; outside Lambda, Kestrel serves it as usual.
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<ChatRoom>();

var app = builder.Build();

app.MapGet("/rooms/{room}", (string room, ChatRoom rooms) => Results.Ok(new
{
    room,
    members = rooms.CountMembers(room),
}));

app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

app.Map("/ws", async (HttpContext context, ChatRoom rooms) =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    var room = context.Request.Query["room"].ToString();
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    await rooms.JoinAsync(room, socket, context.RequestAborted);
});

app.Run();
