var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.WebHost.UseUrls("http://0.0.0.0:8080"); // look-alike: PF1003
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(8081)); // look-alike: PF1003

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.Run();
