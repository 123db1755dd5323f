using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi, options => options.EnableResponseStreaming = true); // look-alike: PF1002

var app = builder.Build();

// The function URL streams (RESPONSE_STREAM) and the app hands Lambda a streamed response.
app.MapGet("/feed", (CancellationToken ct) => TypedResults.ServerSentEvents(Feed(ct))); // look-alike: PF1002

app.MapGet("/feed/raw", async (HttpContext context) =>
{
    context.Response.ContentType = "text/event-stream"; // look-alike: PF1002
    await foreach (var item in Feed(context.RequestAborted))
    {
        await context.Response.WriteAsync($"data: {item.Data}\n\n");
        await context.Response.Body.FlushAsync(); // look-alike: PF1002
    }
});

app.Run();

static async IAsyncEnumerable<SseItem<string>> Feed([EnumeratorCancellation] CancellationToken cancellationToken)
{
    while (!cancellationToken.IsCancellationRequested)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        yield return new SseItem<string>(DateTimeOffset.UtcNow.ToString("O"));
    }
}
