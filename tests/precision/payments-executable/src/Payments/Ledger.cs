using Amazon.DynamoDBv2.DataModel;

namespace Payments;

public sealed class Ledger(DynamoDBContext context)
{
    public async Task<string> CaptureAsync(string body, HttpClient gateway)
    {
        using var response = await gateway.PostAsync("captures", new StringContent(body));
        var text = await response.Content.ReadAsStringAsync();
        await context.SaveAsync(new Entry { Id = Guid.NewGuid().ToString("N"), Body = text });
        return text;
    }

    public async Task AuditAsync(string messageId)
    {
        using var audit = new HttpClient(); // expect: PF5001
        await audit.PostAsync("https://audit.example.com/payments", new StringContent(messageId));
    }

    public void Schedule(string messageId)
    {
        ThreadPool.QueueUserWorkItem(_ => AuditAsync(messageId).Wait()); // expect: PF2004
        Task.Run(() => AuditAsync(messageId)).GetAwaiter().GetResult(); // look-alike: PF2004
    }
}

[DynamoDBTable("ledger")]
public sealed class Entry
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string Body { get; set; } = "";
}
