using Notify;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<Mailer>();
builder.Services.AddSingleton<NotificationLog>();
builder.Services.AddHostedService<OutboxFlusher>(); // expect: PF2004

var app = builder.Build();

app.MapPost("/notifications", async (Notification notification, Mailer mailer, NotificationLog log, ILogger<Program> logger) =>
{
    await log.AppendAsync(notification); // look-alike: PF2004
    _ = Task.Run(() => mailer.SendAsync(notification)); // expect: PF2004
    mailer.SendAsync(notification with { Channel = "push" }); // expect: PF2004
    var audit = log.AuditAsync(notification.Id); // expect: PF2004
    notification.Recipients.ForEach(async r => await mailer.SendToAsync(r, notification)); // expect: PF2004
    await Task.WhenAll(notification.Recipients.Select(r => mailer.SendToAsync(r, notification))); // look-alike: PF2004
    var receipt = Task.Run(() => log.ReceiptFor(notification.Id)); // look-alike: PF2004
    logger.LogInformation("queued {Id}", notification.Id);
    return Results.Accepted($"/notifications/{notification.Id}", await receipt);
});

app.MapGet("/notifications/{id}", async (string id, NotificationLog log) =>
{
    var found = await Task.Run(() => log.Find(id)); // look-alike: PF2004
    return found is null ? Results.NotFound() : Results.Ok(found);
});

app.Run();
