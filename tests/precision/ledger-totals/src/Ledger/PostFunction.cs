using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Ledger;

public sealed record Entry(string Id, string Account, decimal Amount);

public sealed class PostFunction
{
    private static readonly Dictionary<string, decimal> Balances = new();
    private static readonly SocketsHttpHandler Shared = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }; // look-alike: PF3001
    private static decimal grandTotal;
    private static int posted;

    public async Task<string> Handle(Entry entry, ILambdaContext context)
    {
        grandTotal += entry.Amount; // expect: PF2001
        posted++; // look-alike: PF2001
        Balances[entry.Account] = Balances.GetValueOrDefault(entry.Account) + entry.Amount; // expect: PF2001

        using var perCall = new HttpClientHandler { AllowAutoRedirect = false };
        using var notify = new HttpClient(perCall); // expect: PF5001
        using var pooled = new HttpClient(Shared, disposeHandler: false); // look-alike: PF5001

        using var statsd = new UdpClient(new IPEndPoint(IPAddress.Any, 0)); // look-alike: PF1003
        using var syslog = new UdpClient(0); // look-alike: PF1003
        await statsd.SendAsync(Encoding.UTF8.GetBytes($"ledger.posted:{posted}|c"), "stats.example.com", 8125);
        await syslog.SendAsync(Encoding.UTF8.GetBytes(entry.Id), "logs.example.com", 514);

        await using (var journal = new StreamWriter("journal.log", append: true)) // expect: PF2003
        {
            await journal.WriteLineAsync($"{entry.Id} {entry.Account} {entry.Amount}");
        }

        await using (var spool = new StreamWriter(Path.Combine(Path.GetTempPath(), "spool.log"), append: true)) // look-alike: PF2003
        {
            await spool.WriteLineAsync(entry.Id);
        }

        await pooled.PostAsync("https://audit.example.com/entries", new StringContent(entry.Id));
        return await notify.GetStringAsync($"https://notify.example.com/{entry.Account}");
    }
}
