using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Billing;

public class Invoices
{
    public APIGatewayHttpApiV2ProxyResponse Create(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
        new() { StatusCode = 201, Body = request.Body };
}

public class Refunds
{
    public APIGatewayHttpApiV2ProxyResponse Issue(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
        new() { StatusCode = 202 };
}

public class Reports
{
    public APIGatewayHttpApiV2ProxyResponse Render(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
        new() { StatusCode = 200, Body = "<html></html>" };
}

public class Ledger
{
    public Task Post(object input, ILambdaContext context)
    {
        context.Logger.LogInformation("ledger posted");
        return Task.CompletedTask;
    }
}

public class Exports
{
    public async Task Run(SQSEvent sqsEvent, ILambdaContext context)
    {
        foreach (var record in sqsEvent.Records)
        {
            context.Logger.LogInformation(record.Body);
            await Task.Yield();
        }
    }

    public Task Audit(SQSEvent sqsEvent, ILambdaContext context) => Task.CompletedTask;
}
