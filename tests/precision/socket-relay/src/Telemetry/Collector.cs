using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Telemetry;

public sealed class Collector
{
    public async Task HandleAsync(ScheduledEvent scheduled, ILambdaContext context)
    {
        var samples = new List<string>();
        samples.AddRange(await ReceiveSyslogAsync(context));
        samples.AddRange(await AcceptAgentsAsync(context));
        await ForwardAsync(samples, context);
    }

    private static async Task<IReadOnlyList<string>> ReceiveSyslogAsync(ILambdaContext context)
    {
        using var udp = new UdpClient(514); // expect: PF1003
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3)); // look-alike: PF3001
        var lines = new List<string>();
        try
        {
            while (true)
            {
                var datagram = await udp.ReceiveAsync(cts.Token);
                lines.Add(Encoding.UTF8.GetString(datagram.Buffer));
            }
        }
        catch (OperationCanceledException)
        {
            context.Logger.LogInformation($"received {lines.Count} syslog lines");
        }

        return lines;
    }

    private static async Task<IReadOnlyList<string>> AcceptAgentsAsync(ILambdaContext context)
    {
        var listener = new TcpListener(IPAddress.Any, 9100);
        listener.Start(); // expect: PF1003
        try
        {
            using var client = await listener.AcceptTcpClientAsync();
            using var reader = new StreamReader(client.GetStream());
            return [await reader.ReadToEndAsync()];
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task ForwardAsync(IReadOnlyList<string> samples, ILambdaContext context)
    {
        using var tcp = new TcpClient(); // look-alike: PF1003
        await tcp.ConnectAsync("metrics.internal.example.com", 2003); // look-alike: PF1003
        await using var stream = tcp.GetStream();
        foreach (var sample in samples)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(sample + "\n"));
        }

        using var statsd = new UdpClient(); // look-alike: PF1003
        var datagram = Encoding.UTF8.GetBytes($"relay.samples:{samples.Count}|c");
        await statsd.SendAsync(datagram, datagram.Length, "statsd.internal.example.com", 8125);

        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        raw.Bind(new IPEndPoint(IPAddress.Any, 0)); // look-alike: PF1003
        raw.Connect("statsd.internal.example.com", 8125);
        raw.Send(datagram);
    }
}
