namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>The resource types that declare Lambda functions or put a front door before one.</summary>
    internal static class ResourceTypes
    {
        public const string SamFunction = "AWS::Serverless::Function";
        public const string LambdaFunction = "AWS::Lambda::Function";
        public const string LambdaUrl = "AWS::Lambda::Url";
        public const string EventSourceMapping = "AWS::Lambda::EventSourceMapping";
        public const string SqsQueue = "AWS::SQS::Queue";
        public const string KinesisStream = "AWS::Kinesis::Stream";
        public const string DynamoDbTable = "AWS::DynamoDB::Table";
        public const string SamApi = "AWS::Serverless::Api";
        public const string SamHttpApi = "AWS::Serverless::HttpApi";
        public const string SamWebSocketApi = "AWS::Serverless::WebSocketApi";
        public const string RestApi = "AWS::ApiGateway::RestApi";
        public const string RestApiMethod = "AWS::ApiGateway::Method";
        public const string RestApiResource = "AWS::ApiGateway::Resource";
        public const string RestApiAuthorizer = "AWS::ApiGateway::Authorizer";
        public const string ApiV2Authorizer = "AWS::ApiGatewayV2::Authorizer";
        public const string ApiV2 = "AWS::ApiGatewayV2::Api";
        public const string ApiV2Route = "AWS::ApiGatewayV2::Route";
        public const string ApiV2Integration = "AWS::ApiGatewayV2::Integration";
        public const string TargetGroup = "AWS::ElasticLoadBalancingV2::TargetGroup";
        public const string EventsRule = "AWS::Events::Rule";
        public const string SchedulerSchedule = "AWS::Scheduler::Schedule";
        public const string SnsTopic = "AWS::SNS::Topic";
        public const string SnsSubscription = "AWS::SNS::Subscription";
        public const string S3Bucket = "AWS::S3::Bucket";
    }
}
