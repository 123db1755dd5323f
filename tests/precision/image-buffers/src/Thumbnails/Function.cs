using System.Buffers;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Thumbnails;

public sealed class Function
{
    private const int MaxImageBytes = 600 * 1024 * 1024;
    private const int ChunkBytes = 81920;
    private static readonly AmazonS3Client S3 = new(); // look-alike: PF5001
    private static readonly long[] Histogram = new long[256]; // look-alike: PF3002

    public async Task Handle(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            using var source = await S3.GetObjectStreamAsync(record.S3.Bucket.Name, record.S3.Object.Key, null);
            var whole = new byte[MaxImageBytes]; // expect: PF3002
            var staging = ArrayPool<byte>.Shared.Rent(768 * 1024 * 1024); // expect: PF3002
            using var output = new MemoryStream(1024 * 1024 * 1024); // expect: PF3002
            var pixels = new int[200_000_000]; // expect: PF3002
            var sized = new byte[record.S3.Object.Size]; // look-alike: PF3002
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes); // look-alike: PF3002
            using var thumbnail = new MemoryStream(); // look-alike: PF3002
            using var small = new MemoryStream(4 * 1024 * 1024); // look-alike: PF3002
            var rows = new byte[1024, 1024]; // look-alike: PF3002
            Span<byte> header = stackalloc byte[512]; // look-alike: PF3002
            try
            {
                int read;
                while ((read = await source.ReadAsync(chunk.AsMemory(0, ChunkBytes))) > 0)
                {
                    await thumbnail.WriteAsync(chunk.AsMemory(0, read));
                    Histogram[chunk[0]]++;
                }

                context.Logger.LogInformation($"{whole.Length} {staging.Length} {output.Capacity} {pixels.Length} {sized.Length} {small.Length} {rows.Length} {header.Length}");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
                ArrayPool<byte>.Shared.Return(staging);
            }
        }
    }
}
