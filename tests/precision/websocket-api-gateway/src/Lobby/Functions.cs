using System.Net.WebSockets;
using System.Text;
using Amazon.ApiGatewayManagementApi;
using Amazon.ApiGatewayManagementApi.Model;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Lobby;

/// <summary>An API Gateway WebSocket API: connections live in API Gateway, the functions only see events.</summary>
public sealed class Functions
{
    private static readonly AmazonDynamoDBClient Dynamo = new(); // look-alike: PF5001
    private static readonly string Table = Environment.GetEnvironmentVariable("CONNECTIONS_TABLE") ?? "lobby-connections";
    private readonly AmazonApiGatewayManagementApiClient management;

    public Functions()
    {
        management = new AmazonApiGatewayManagementApiClient(new AmazonApiGatewayManagementApiConfig // look-alike: PF5001
        {
            ServiceURL = Environment.GetEnvironmentVariable("WEBSOCKET_ENDPOINT"),
        });
    }

    public async Task<APIGatewayProxyResponse> OnConnect(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var connectionId = request.RequestContext.ConnectionId;
        await Dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = new Dictionary<string, AttributeValue> { ["connectionId"] = new AttributeValue(connectionId) },
        });
        return new APIGatewayProxyResponse { StatusCode = 200 };
    }

    public async Task<APIGatewayProxyResponse> OnDisconnect(APIGatewayProxyRequest request, ILambdaContext context)
    {
        await Dynamo.DeleteItemAsync(Table, new Dictionary<string, AttributeValue> { ["connectionId"] = new AttributeValue(request.RequestContext.ConnectionId) });
        return new APIGatewayProxyResponse { StatusCode = 200 };
    }

    public async Task<APIGatewayProxyResponse> OnMessage(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var scan = await Dynamo.ScanAsync(new ScanRequest { TableName = Table });
        var payload = new MemoryStream(Encoding.UTF8.GetBytes(request.Body ?? string.Empty)); // look-alike: PF3002
        foreach (var item in scan.Items)
        {
            payload.Position = 0;
            await management.PostToConnectionAsync(new PostToConnectionRequest { ConnectionId = item["connectionId"].S, Data = payload });
        }

        if (request.Body?.Contains("\"echo\"", StringComparison.Ordinal) == true)
        {
            await EchoThroughRelayAsync(request.Body, context);
        }

        return new APIGatewayProxyResponse { StatusCode = 200 };
    }

    // A client of someone else's WebSocket server: outbound connections work from Lambda.
    private static async Task EchoThroughRelayAsync(string body, ILambdaContext context)
    {
        using var relay = new ClientWebSocket(); // look-alike: PF1001
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)); // look-alike: PF3001
        await relay.ConnectAsync(new Uri("wss://relay.example.com/echo"), timeout.Token); // look-alike: PF1001
        await relay.SendAsync(Encoding.UTF8.GetBytes(body), WebSocketMessageType.Text, true, timeout.Token);
        context.Logger.LogInformation($"relayed {body.Length} characters");
    }
}
