using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace Labels;

public class Printer
{
    public Task Print(SQSEvent sqsEvent, ILambdaContext context) => Task.CompletedTask;
}
