using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Importer;

public sealed class ImportFunction
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);
    private static readonly HttpClient Partner = new() // look-alike: PF5001
    {
        BaseAddress = new Uri("https://partner.example.com/"),
        Timeout = TimeSpan.FromMinutes(3), // expect: PF3001
    };
    private static readonly HttpClient Catalog = new() { Timeout = TimeSpan.FromSeconds(8) }; // look-alike: PF3001
    private static readonly AmazonS3Client S3 = new(new AmazonS3Config { Timeout = TimeSpan.FromSeconds(90) }); // expect: PF3001
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        if (!await Gate.WaitAsync(LockWait)) // expect: PF3001
        {
            throw new TimeoutException("another import holds the gate");
        }

        try
        {
            foreach (var record in sqsEvent.Records)
            {
                await ImportWithRetryAsync(record.Body, context);
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ImportWithRetryAsync(string body, ILambdaContext context)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // expect: PF3001
                using var response = await Partner.PostAsync("imports", new StringContent(body), cts.Token);
                response.EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts)
            {
                context.Logger.LogWarning($"attempt {attempt} failed: {ex.Message}");
                Thread.Sleep(90_000); // expect: PF3001
                Thread.Sleep(TimeSpan.FromSeconds(Math.Pow(2, attempt))); // look-alike: PF3001
                await Task.Delay(1_500 * attempt); // look-alike: PF3001
            }
        }
    }

    public static async Task<string> LookUpAsync(string sku, ILambdaContext context)
    {
        using var cts = new CancellationTokenSource();
        cts.CancelAfter(context.RemainingTime - TimeSpan.FromSeconds(2)); // look-alike: PF3001
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // look-alike: PF3001
        await Task.Delay(TimeSpan.FromMinutes(10), budget.Token); // look-alike: PF3001
        await Task.Delay(Timeout.InfiniteTimeSpan, cts.Token); // look-alike: PF3001
        return await Catalog.GetStringAsync($"https://catalog.example.com/items/{sku}", cts.Token);
    }
}
