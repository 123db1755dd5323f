using Gallery;
using Microsoft.EntityFrameworkCore;
using NLog;
using NLog.Targets;
using NLog.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
builder.Services.AddControllers();
builder.Services.AddStackExchangeRedisCache(options => options.Configuration = Environment.GetEnvironmentVariable("REDIS_URL"));
builder.Services.AddSession(); // look-alike: PF2002
builder.Services.AddDbContext<GalleryDb>(options => options.UseSqlite("Data Source=gallery.db")); // expect: PF2003
builder.Services.AddDbContext<ThumbnailDb>(options => options.UseSqlite("Data Source=/tmp/thumbnails.db")); // look-alike: PF2003

var config = new NLog.Config.LoggingConfiguration();
config.AddRuleForAllLevels(new FileTarget("file") { FileName = "${basedir}/logs/gallery.log" }); // expect: PF2003
config.AddRuleForAllLevels(new ConsoleTarget("console"));
LogManager.Configuration = config;
builder.Host.UseNLog();

var app = builder.Build();
app.UseSession();

app.MapPost("/albums/{album}/photos", async (string album, IFormFile photo, IWebHostEnvironment env) =>
{
    var folder = Path.Combine(env.WebRootPath, "uploads", album);
    Directory.CreateDirectory(folder); // expect: PF2003
    var target = Path.Combine(folder, Path.GetFileName(photo.FileName));
    await using (var stream = new FileStream(target, FileMode.Create)) // expect: PF2003
    {
        await photo.CopyToAsync(stream);
    }

    var scratch = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
    await using (var copy = File.Create(scratch)) // look-alike: PF2003
    {
        await photo.CopyToAsync(copy);
    }

    return Results.Created($"/albums/{album}/photos/{photo.FileName}", null);
});

app.MapGet("/albums/{album}/photos/{name}", (string album, string name, IWebHostEnvironment env) =>
{
    var path = Path.Combine(env.WebRootPath, "uploads", album, name);
    if (!File.Exists(path)) // look-alike: PF2003
    {
        return Results.NotFound();
    }

    return Results.File(File.OpenRead(path), "image/jpeg"); // look-alike: PF2003
});

app.MapControllers();
app.Run();
