using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Shipping;

public class Functions
{
    public APIGatewayProxyResponse Quote(APIGatewayProxyRequest request, ILambdaContext context) => new() { StatusCode = 200, Body = "{\"price\":4.95}" };

    public APIGatewayProxyResponse Track(APIGatewayProxyRequest request, ILambdaContext context) => new() { StatusCode = 200 };

    public APIGatewayProxyResponse Book(APIGatewayProxyRequest request, ILambdaContext context) => new() { StatusCode = 201 };

    public Task Reconcile(object input, ILambdaContext context) => Task.CompletedTask;
}
