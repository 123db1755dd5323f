using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Orders.Worker;

public class Function
{
    private static readonly HashSet<string> Processed = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, int> Squares = new();
    private readonly Dictionary<string, string> lastBody = new();
    private readonly string queueName;
    private int invocations;

    public Function()
    {
        queueName = Environment.GetEnvironmentVariable("QUEUE_NAME") ?? "orders"; // look-alike: PF2001
    }

    public void Handle(SQSEvent sqsEvent, ILambdaContext context)
    {
        invocations++; // look-alike: PF2001
        foreach (var message in sqsEvent.Records)
        {
            if (!Processed.Add(message.MessageId)) // expect: PF2001
            {
                context.Logger.LogWarning($"duplicate {message.MessageId} on {queueName}");
                continue;
            }

            lastBody[message.EventSourceArn] = message.Body; // expect: PF2001
            context.Logger.LogInformation($"square of {message.Body.Length} is {SquareOf(message.Body.Length)}");
        }
    }

    private static int SquareOf(int n)
    {
        var key = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Squares.TryGetValue(key, out var square))
        {
            square = n * n;
            Squares[key] = square; // look-alike: PF2001
        }

        return square;
    }
}
