using Amazon.DynamoDBv2;
using Amazon.Lambda.Core;
using Amazon.S3;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Storefront.Jobs;

public class SyncFunction
{
    private readonly IAmazonS3 s3;
    private static AmazonDynamoDBClient? dynamo;

    public SyncFunction()
    {
        s3 = new AmazonS3Client(); // look-alike: PF5001
    }

    public async Task HandleAsync(object input, ILambdaContext context)
    {
        if (dynamo is null)
        {
            dynamo = new AmazonDynamoDBClient(); // look-alike: PF5001
        }

        var s3PerCall = new AmazonS3Client(Amazon.RegionEndpoint.EUNorth1); // expect: PF5001
        var buckets = await s3PerCall.ListBucketsAsync();
        var tables = await dynamo.ListTablesAsync();
        await s3.ListBucketsAsync();
        context.Logger.LogInformation($"{buckets.Buckets?.Count} buckets, {tables.TableNames.Count} tables");
    }
}
