using System.IO.Compression;
using System.Text;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Data.Sqlite;
using Serilog;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Reports;

public sealed record ReportRequest(string Month, string? Bucket);

public sealed class ReportFunction
{
    private static readonly IAmazonS3 S3 = new AmazonS3Client(); // look-alike: PF5001
    private static readonly string ScratchFolder = Path.Combine(Path.GetTempPath(), "reports");
    private static readonly string CacheFolder = Path.Combine(AppContext.BaseDirectory, "cache");
    private readonly ILogger log;

    public ReportFunction()
    {
        log = new LoggerConfiguration()
            .WriteTo.Console()
            .WriteTo.File("logs/reports-.log", rollingInterval: RollingInterval.Day) // expect: PF2003
            .CreateLogger();
    }

    public async Task Run(ReportRequest request, ILambdaContext context)
    {
        var templates = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "monthly.html")); // look-alike: PF2003
        using (var template = new FileStream(Path.Combine(AppContext.BaseDirectory, "templates", "logo.png"), FileMode.Open, FileAccess.Read)) // look-alike: PF2003
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))) // look-alike: PF2003
        {
            log.Information("template {Length} bytes, settings {Settings}", template.Length, reader.ReadLine());
        }

        Directory.CreateDirectory(ScratchFolder); // look-alike: PF2003
        var csv = Path.Combine(ScratchFolder, $"{request.Month}.csv");
        await File.WriteAllTextAsync(csv, BuildCsv(request.Month)); // look-alike: PF2003
        await File.WriteAllTextAsync($"/tmp/{request.Month}.html", templates); // look-alike: PF2003
        File.AppendAllText(Path.GetTempFileName(), request.Month); // look-alike: PF2003

        Directory.CreateDirectory(CacheFolder); // expect: PF2003
        File.WriteAllText(Path.Combine(CacheFolder, "last-month.txt"), request.Month); // expect: PF2003
        await File.AppendAllTextAsync("audit.log", $"{DateTime.UtcNow:O} {request.Month}\n"); // expect: PF2003
        using (var writer = new StreamWriter("/var/reports/summary.txt")) // expect: PF2003
        {
            await writer.WriteLineAsync(request.Month);
        }

        var archive = Path.Combine(ScratchFolder, $"{request.Month}.zip");
        ZipFile.CreateFromDirectory(ScratchFolder, archive); // look-alike: PF2003
        var outputFolder = Environment.GetEnvironmentVariable("REPORT_OUTPUT") ?? Path.GetTempPath();
        File.Copy(archive, Path.Combine(outputFolder, "latest.zip"), overwrite: true); // look-alike: PF2003

        using var index = new SqliteConnection("Data Source=reports.db"); // expect: PF2003
        using var memory = new SqliteConnection("Data Source=:memory:"); // look-alike: PF2003
        await index.OpenAsync();

        await S3.PutObjectAsync(new PutObjectRequest { BucketName = request.Bucket ?? "reports", Key = $"{request.Month}.zip", FilePath = archive });
        context.Logger.LogInformation($"report {request.Month} uploaded");
    }

    private static string BuildCsv(string month)
    {
        var csv = new StringBuilder();
        csv.AppendLine("month,total");
        csv.AppendLine($"{month},0");
        return csv.ToString();
    }
}
