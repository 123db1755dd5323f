using System.Buffers;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.SQSEvents;
using Amazon.SimpleNotificationService;
using Payments;

// Start-up: once per execution environment.
var dynamo = new AmazonDynamoDBClient(); // look-alike: PF5001
var context = new DynamoDBContext(dynamo);
var gateway = new HttpClient { BaseAddress = new Uri("https://psp.example.com/"), Timeout = TimeSpan.FromSeconds(5) }; // look-alike: PF5001, PF3001
var ledger = new Ledger(context);
Thread.Sleep(TimeSpan.FromSeconds(2)); // look-alike: PF3001

var handler = async (SQSEvent sqsEvent, ILambdaContext lambdaContext) =>
{
    var sns = new AmazonSimpleNotificationServiceClient(); // expect: PF5001
    foreach (var record in sqsEvent.Records)
    {
        var capture = await ledger.CaptureAsync(record.Body, gateway);
        await sns.PublishAsync("arn:aws:sns:eu-central-1:123456789012:captured", capture);
        _ = ledger.AuditAsync(record.MessageId); // expect: PF2004
        ledger.Schedule(record.MessageId);
        await Task.Delay(TimeSpan.FromSeconds(8)); // expect: PF3001
        await Task.Delay(500); // look-alike: PF3001
    }

    var buffer = ArrayPool<byte>.Shared.Rent(2000 * 1024 * 1024); // expect: PF3002
    var small = ArrayPool<byte>.Shared.Rent(64 * 1024); // look-alike: PF3002
    ArrayPool<byte>.Shared.Return(buffer);
    ArrayPool<byte>.Shared.Return(small);
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();
