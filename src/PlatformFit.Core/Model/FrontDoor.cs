namespace PlatformFit.Core.Model
{
    /// <summary>How requests reach a deployment unit.</summary>
    public enum FrontDoorKind
    {
        Other,
        RestApi,
        HttpApi,
        WebSocketApi,
        FunctionUrl,
        LoadBalancer,
        Queue,
        Topic,
        Schedule,
        Stream,
        Storage,
        EventBus,
    }

    /// <summary>
    /// One way a platform calls a unit: an API Gateway route, a load balancer target, a queue, a schedule.
    /// <see cref="Source"/> is the event type as the config wrote it (<c>httpApi</c>, <c>HttpApi</c>, <c>alb</c>).
    /// </summary>
    public sealed record FrontDoor(FrontDoorKind Kind, string Source, ConfigSpan Span)
    {
        /// <summary>The route, path or queue the event names, when it names one (<c>POST /orders</c>, <c>$connect</c>).</summary>
        public string? Route { get; init; }

        /// <summary>
        /// For a queue front door, the queue's visibility timeout: a function that runs longer than it sees its
        /// message again. Absent for other front doors; unknown when the queue is not declared in the same file.
        /// </summary>
        public ConfigValue<int> QueueVisibilityTimeoutSeconds { get; init; } = ConfigValue<int>.Absent;

        /// <summary>
        /// For an API front door, the integration timeout in milliseconds when the config states it
        /// (<c>TimeoutInMillis</c>); absent means the front door's own default (in the platform profile).
        /// </summary>
        public ConfigValue<int> IntegrationTimeoutMs { get; init; } = ConfigValue<int>.Absent;

        /// <summary>
        /// How the front door hands the function's response to the client, as the config wrote it: a function URL's
        /// <c>InvokeMode</c> (<c>BUFFERED</c>, <c>RESPONSE_STREAM</c>) or a REST API integration's response transfer
        /// mode (<c>BUFFERED</c>, <c>STREAM</c>). Absent when the config does not say (the platform's default applies).
        /// </summary>
        public ConfigValue<string> ResponseMode { get; init; } = ConfigValue<string>.Absent;

        /// <summary>The profile key of this kind, as <c>rules/platforms/*.yaml</c> names front doors.</summary>
        public string ProfileKey => KeyOf(Kind);

        public static string KeyOf(FrontDoorKind kind) => kind switch
        {
            FrontDoorKind.RestApi => "rest-api",
            FrontDoorKind.HttpApi => "http-api",
            FrontDoorKind.WebSocketApi => "websocket-api",
            FrontDoorKind.FunctionUrl => "function-url",
            FrontDoorKind.LoadBalancer => "alb",
            FrontDoorKind.Queue => "queue",
            FrontDoorKind.Topic => "topic",
            FrontDoorKind.Schedule => "schedule",
            FrontDoorKind.Stream => "stream",
            FrontDoorKind.Storage => "storage",
            FrontDoorKind.EventBus => "event-bus",
            _ => "other",
        };

        /// <summary>A name a person recognises, with its article, for messages: "an API Gateway HTTP API (httpApi)".</summary>
        public string DisplayName => Kind switch
        {
            FrontDoorKind.RestApi => $"an API Gateway REST API ({Source})",
            FrontDoorKind.HttpApi => $"an API Gateway HTTP API ({Source})",
            FrontDoorKind.WebSocketApi => $"an API Gateway WebSocket API ({Source})",
            FrontDoorKind.FunctionUrl => $"a function URL ({Source})",
            FrontDoorKind.LoadBalancer => $"an Application Load Balancer ({Source})",
            _ => $"a '{Source}' event",
        };
    }
}
