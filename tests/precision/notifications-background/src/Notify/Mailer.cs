using System.Collections.Concurrent;
using Amazon.SimpleEmailV2;
using Amazon.SimpleEmailV2.Model;

namespace Notify;

public sealed record Notification(string Id, string Subject, string Body, List<string> Recipients, string Channel = "email");

public sealed class Mailer
{
    private readonly AmazonSimpleEmailServiceV2Client ses = new(); // look-alike: PF5001
    private readonly Timer heartbeat;

    public Mailer()
    {
        heartbeat = new Timer(_ => Console.WriteLine("mailer alive"), null, TimeSpan.Zero, TimeSpan.FromMinutes(1)); // expect: PF2004
    }

    public Task SendAsync(Notification notification) => Task.WhenAll(notification.Recipients.Select(r => SendToAsync(r, notification))); // look-alike: PF2004

    public async Task SendToAsync(string recipient, Notification notification)
    {
        await ses.SendEmailAsync(new SendEmailRequest
        {
            FromEmailAddress = "noreply@example.com",
            Destination = new Destination { ToAddresses = [recipient] },
            Content = new EmailContent { Simple = new Message { Subject = new Content { Data = notification.Subject }, Body = new Body { Text = new Content { Data = notification.Body } } } },
        });
    }
}

public sealed class NotificationLog
{
    private readonly ConcurrentDictionary<string, Notification> entries = new();

    public event EventHandler<Notification>? Appended;

    public NotificationLog()
    {
        Appended += async (sender, e) => await Task.Yield(); // look-alike: PF2004
    }

    public Task AppendAsync(Notification notification)
    {
        entries[notification.Id] = notification; // expect: PF2001
        Appended?.Invoke(this, notification);
        return Task.CompletedTask;
    }

    public async Task AuditAsync(string id) => await Task.Delay(10);

    public Notification? Find(string id) => entries.TryGetValue(id, out var n) ? n : null;

    public string ReceiptFor(string id) => $"receipt-{id}";

    public async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1)); // look-alike: PF2004
        while (!entries.IsEmpty && await timer.WaitForNextTickAsync(cancellationToken))
        {
        }
    }
}

public sealed class OutboxFlusher(Mailer mailer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _ = mailer.SendAsync(new Notification("outbox", "flush", string.Empty, [])); // look-alike: PF2004
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken); // look-alike: PF3001
        }
    }
}
