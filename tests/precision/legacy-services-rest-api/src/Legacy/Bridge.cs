using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.Lambda.Core;
using Amazon.S3;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Legacy;

public sealed class Bridge
{
    public async Task HandleAsync(object input, ILambdaContext context)
    {
        var dbContext = new DynamoDBContext(new AmazonDynamoDBClient()); // expect: PF5001
        await ArchiveAsync(context);
        await ServeLegacyCallbacksAsync(context);
        var scratch = GC.AllocateUninitializedArray<byte>(900 * 1024 * 1024); // expect: PF3002
        var header = GC.AllocateUninitializedArray<byte>(4096); // look-alike: PF3002
        context.Logger.LogInformation($"{dbContext} {scratch.Length} {header.Length}");
    }

    private static async Task ArchiveAsync(ILambdaContext context)
    {
        using var s3 = new AmazonS3Client(); // expect: PF5001
        await s3.ListBucketsAsync();
    }

    private static async Task ServeLegacyCallbacksAsync(ILambdaContext context)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add("http://+:8080/callbacks/");
        listener.Start(); // expect: PF1003
        var request = await listener.GetContextAsync();
        if (request.Request.IsWebSocketRequest)
        {
            var socket = await request.AcceptWebSocketAsync(null);
            await socket.WebSocket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }

        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Any, 7001));
        server.Listen(16); // expect: PF1003
        listener.Stop();
        context.Logger.LogInformation(Encoding.UTF8.GetString(Array.Empty<byte>()));
    }
}
