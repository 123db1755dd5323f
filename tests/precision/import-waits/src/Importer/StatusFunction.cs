using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Importer;

public sealed class StatusFunction
{
    public async Task<APIGatewayHttpApiV2ProxyResponse> Get(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(15)); // expect: PF3001
        await Task.Delay(TimeSpan.FromSeconds(5)); // look-alike: PF3001
        var sku = request.PathParameters?["id"] ?? "unknown";
        return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = await ImportFunction.LookUpAsync(sku, context) };
    }
}
