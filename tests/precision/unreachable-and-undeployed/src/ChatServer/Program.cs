// Runs in a container (see Dockerfile): WebSockets, SignalR and sessions are fine there.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR(); // look-alike: PF2002
builder.Services.AddDistributedMemoryCache(); // look-alike: PF2002
builder.Services.AddSession();
builder.Services.AddHostedService<Janitor>(); // look-alike: PF2004
builder.WebHost.UseUrls("http://0.0.0.0:5000"); // look-alike: PF1003

var app = builder.Build();
app.UseWebSockets(); // look-alike: PF1001
app.UseSession();
app.MapGet("/events", async (HttpContext context) =>
{
    context.Response.ContentType = "text/event-stream"; // look-alike: PF1002
    await context.Response.WriteAsync("data: hello\n\n");
});
app.Run();

public sealed class Janitor : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
}
