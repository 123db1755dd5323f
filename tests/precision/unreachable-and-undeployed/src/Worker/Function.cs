using System.Net;
using System.Net.Sockets;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;

namespace Worker;

/// <summary>A Lambda function that no config in this repository deploys (its stack lives elsewhere).</summary>
public class Function
{
    private static readonly List<string> Bodies = new();

    public async Task Handle(SQSEvent sqsEvent, ILambdaContext context)
    {
        var s3 = new AmazonS3Client(); // look-alike: PF5001
        foreach (var record in sqsEvent.Records)
        {
            Bodies.Add(record.Body); // look-alike: PF2001
            await File.AppendAllTextAsync("bodies.log", record.Body); // look-alike: PF2003
            _ = s3.PutObjectAsync(new() { BucketName = "bodies", Key = record.MessageId, ContentBody = record.Body }); // look-alike: PF2004
        }

        await Task.Delay(TimeSpan.FromMinutes(20)); // look-alike: PF3001
        new TcpListener(IPAddress.Any, 7000).Start(); // look-alike: PF1003
    }
}
