using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Api;

public class CatalogFunction
{
    private static readonly HttpClient Http = new(); // look-alike: PF5001
    private static readonly Dictionary<string, string> Seen = new();

    public async Task<APIGatewayHttpApiV2ProxyResponse> Handle(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        var id = request.PathParameters["id"];
        var body = await Http.GetStringAsync($"https://catalog.example.com/items/{id}");
        return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = body };
    }

    // Kept for a migration script that was deleted; nothing deployed calls it.
    public static void Remember(APIGatewayHttpApiV2ProxyRequest request)
    {
        Seen[request.RequestContext.RequestId] = request.Body; // look-alike: PF2001
        File.WriteAllText("seen.json", request.Body); // look-alike: PF2003
        Thread.Sleep(TimeSpan.FromMinutes(1)); // look-alike: PF3001
        _ = Task.Run(() => Console.WriteLine(request.Body)); // look-alike: PF2004
        var client = new HttpClient(); // look-alike: PF5001
        var buffer = new byte[512 * 1024 * 1024]; // look-alike: PF3002
        Console.WriteLine($"{client.Timeout} {buffer.Length}");
    }
}
