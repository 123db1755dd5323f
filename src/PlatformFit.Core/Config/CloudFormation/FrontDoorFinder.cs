using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// Front doors that other resources put before a function: a resource points at the function through
    /// <c>Ref</c>, <c>Fn::GetAtt</c>, an <c>Fn::Sub</c> variable or <c>Fn::Join</c> (or names it literally), and
    /// the door is placed where that resource is declared. Covers function URLs, API Gateway v2 routes and
    /// integrations (WebSocket and HTTP), SAM WebSocket APIs, OpenAPI bodies, REST API methods, ALB target
    /// groups, event source mappings, EventBridge rules and schedules, SNS subscriptions and S3 notifications.
    /// </summary>
    internal sealed class FrontDoorFinder
    {
        private const int MaxResourceDepth = 32;

        /// <summary>The source of a Lambda authorizer's door: API Gateway calls it to decide on a request, not to serve it.</summary>
        private const string AuthorizerSource = "Authorizer";

        private static readonly string[] HttpMethods = { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY" };

        private readonly CloudFormationTemplate template;
        private readonly IntrinsicFunctionEvaluator evaluator;
        private readonly QueueLookup queues;
        private readonly HashSet<string> functionIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> functionsByName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<FrontDoor>> doors = new(StringComparer.Ordinal);

        public FrontDoorFinder(CloudFormationTemplate template, IntrinsicFunctionEvaluator evaluator, QueueLookup queues, IReadOnlyList<TemplateResource> functions, IReadOnlyList<string?> names)
        {
            this.template = template;
            this.evaluator = evaluator;
            this.queues = queues;
            for (var i = 0; i < functions.Count; i++)
            {
                functionIds.Add(functions[i].LogicalId);
                if (names[i] is { } name)
                {
                    functionsByName[name] = functions[i].LogicalId;
                }
            }
        }

        /// <summary>The doors found, by the logical id of the function they lead to.</summary>
        public Dictionary<string, List<FrontDoor>> Find(List<ConfigProblem> problems, string path)
        {
            var apiKinds = new Dictionary<string, FrontDoorKind?>(StringComparer.Ordinal);
            var integrations = new List<TemplateResource>();
            var routes = new List<TemplateResource>();
            foreach (var resource in template.Resources)
            {
                switch (resource.Type)
                {
                    case ResourceTypes.LambdaUrl:
                        Add(resource.Property("TargetFunctionArn"), FrontDoorKind.FunctionUrl, resource);
                        break;
                    case ResourceTypes.TargetGroup:
                        ReadTargetGroup(resource);
                        break;
                    case ResourceTypes.EventSourceMapping:
                        ReadEventSourceMapping(resource);
                        break;
                    case ResourceTypes.ApiV2:
                        var kind = ProtocolKind(resource);
                        apiKinds[resource.LogicalId] = kind;
                        Add(resource.Property("Target"), kind ?? FrontDoorKind.HttpApi, resource, door => door with { Route = "$default" });
                        ReadOpenApiBody(resource, resource.Property("Body"), kind ?? FrontDoorKind.HttpApi);
                        break;
                    case ResourceTypes.ApiV2Integration:
                        integrations.Add(resource);
                        break;
                    case ResourceTypes.ApiV2Route:
                        routes.Add(resource);
                        break;
                    case ResourceTypes.SamWebSocketApi:
                        ReadSamWebSocketApi(resource);
                        break;
                    case ResourceTypes.SamApi:
                        ReadOpenApiBody(resource, resource.Property("DefinitionBody"), FrontDoorKind.RestApi);
                        ReadSamAuthorizers(resource);
                        break;
                    case ResourceTypes.SamHttpApi:
                        ReadOpenApiBody(resource, resource.Property("DefinitionBody"), FrontDoorKind.HttpApi);
                        ReadSamAuthorizers(resource);
                        break;
                    case ResourceTypes.RestApiAuthorizer:
                    case ResourceTypes.ApiV2Authorizer:
                        var authorizerName = Text(resource.Property("Name")) ?? resource.LogicalId;
                        Add(resource.Property("AuthorizerUri"), FrontDoorKind.Other, resource, door => door with { Source = AuthorizerSource, Route = authorizerName });
                        break;
                    case ResourceTypes.RestApi:
                        ReadOpenApiBody(resource, resource.Property("Body"), FrontDoorKind.RestApi);
                        break;
                    case ResourceTypes.RestApiMethod:
                        ReadRestApiMethod(resource);
                        break;
                    case ResourceTypes.EventsRule:
                        ReadEventsRule(resource);
                        break;
                    case ResourceTypes.SchedulerSchedule:
                        var expression = Text(resource.Property("ScheduleExpression"));
                        Add(evaluator.Evaluate(resource.Property("Target")).Node?["Arn"], FrontDoorKind.Schedule, resource, door => door with { Route = expression });
                        break;
                    case ResourceTypes.SnsSubscription:
                        if (string.Equals(Text(resource.Property("Protocol")), "lambda", StringComparison.OrdinalIgnoreCase))
                        {
                            var topic = ResourceOrText(resource.Property("TopicArn"));
                            Add(resource.Property("Endpoint"), FrontDoorKind.Topic, resource, door => door with { Route = topic });
                        }

                        break;
                    case ResourceTypes.SnsTopic:
                        foreach (var subscription in Items(resource.Property("Subscription")))
                        {
                            if (string.Equals(Text(subscription["Protocol"]), "lambda", StringComparison.OrdinalIgnoreCase))
                            {
                                Add(subscription["Endpoint"], FrontDoorKind.Topic, resource, door => door with { Route = resource.LogicalId });
                            }
                        }

                        break;
                    case ResourceTypes.S3Bucket:
                        var notifications = evaluator.Evaluate(resource.Property("NotificationConfiguration")).Node;
                        foreach (var configuration in Items(notifications?["LambdaConfigurations"]))
                        {
                            Add(configuration["Function"], FrontDoorKind.Storage, resource, door => door with { Route = resource.LogicalId });
                        }

                        break;
                }
            }

            ReadRoutes(routes, integrations, apiKinds, problems, path);
            return doors;
        }

        private void ReadTargetGroup(TemplateResource group)
        {
            if (!string.Equals(Text(group.Property("TargetType")), "lambda", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            foreach (var target in Items(group.Property("Targets")))
            {
                Add(target["Id"], FrontDoorKind.LoadBalancer, group);
            }
        }

        private void ReadEventSourceMapping(TemplateResource mapping)
        {
            var source = mapping.Property("EventSourceArn");
            var queue = queues.QueueOf(source);
            var sourceText = Text(source) ?? string.Empty;
            var sourceResource = TemplateReferences.In(source).Select(template.Resource).FirstOrDefault(r => r is not null);
            FrontDoorKind kind;
            if (queue is not null || sourceText.IndexOf(":sqs:", StringComparison.Ordinal) >= 0)
            {
                kind = FrontDoorKind.Queue;
            }
            else if (sourceResource is { } r && (r.Is(ResourceTypes.KinesisStream) || r.Is(ResourceTypes.DynamoDbTable)) ||
                sourceText.IndexOf(":kinesis:", StringComparison.Ordinal) >= 0 || sourceText.IndexOf(":dynamodb:", StringComparison.Ordinal) >= 0)
            {
                kind = FrontDoorKind.Stream;
            }
            else if (sourceText.IndexOf(":kafka:", StringComparison.Ordinal) >= 0 || sourceText.IndexOf(":mq:", StringComparison.Ordinal) >= 0 ||
                mapping.Property("SelfManagedEventSource") is not null)
            {
                kind = FrontDoorKind.Queue;
            }
            else
            {
                kind = FrontDoorKind.Other;
            }

            var route = sourceResource?.LogicalId ?? (sourceText.Length > 0 ? sourceText : null);
            var visibility = kind == FrontDoorKind.Queue && (queue is not null || sourceText.IndexOf(":sqs:", StringComparison.Ordinal) >= 0)
                ? queues.VisibilityOf(source)
                : ConfigValue<int>.Absent;
            Add(mapping.Property("FunctionName"), kind, mapping, door => door with { Route = route, QueueVisibilityTimeoutSeconds = visibility });
        }

        private FrontDoorKind? ProtocolKind(TemplateResource api)
        {
            var protocol = Text(api.Property("ProtocolType"));
            return string.Equals(protocol, "WEBSOCKET", StringComparison.OrdinalIgnoreCase) ? FrontDoorKind.WebSocketApi
                : string.Equals(protocol, "HTTP", StringComparison.OrdinalIgnoreCase) ? FrontDoorKind.HttpApi
                : null;
        }

        /// <summary>
        /// <c>AWS::ApiGatewayV2::Route</c> → <c>Target: integrations/${Integration}</c> → <c>AWS::ApiGatewayV2::Integration</c>
        /// → <c>IntegrationUri</c> naming the function. The door sits on the route (with its route key); an
        /// integration that no route reaches still makes one, on the integration.
        /// </summary>
        private void ReadRoutes(List<TemplateResource> routes, List<TemplateResource> integrations, Dictionary<string, FrontDoorKind?> apiKinds, List<ConfigProblem> problems, string path)
        {
            var byId = integrations.ToDictionary(i => i.LogicalId, StringComparer.Ordinal);
            var reached = new HashSet<string>(StringComparer.Ordinal);
            foreach (var route in routes)
            {
                var routeKey = Text(route.Property("RouteKey"));
                var targets = TemplateReferences.In(route.Property("Target")).Where(byId.ContainsKey).ToList();
                if (targets.Count == 0)
                {
                    if (route.Property("Target") is { } target)
                    {
                        problems.Add(new ConfigProblem(path, target.Span.StartLine, target.Span.StartColumn, ProblemLevel.Note,
                            $"the target of route '{route.LogicalId}' names no integration of this template; its function is not known"));
                    }

                    continue;
                }

                foreach (var id in targets)
                {
                    reached.Add(id);
                    var integration = byId[id];
                    var kind = ApiKind(route.Property("ApiId"), apiKinds) ?? ApiKind(integration.Property("ApiId"), apiKinds) ?? KindOfRouteKey(routeKey);
                    var timeout = evaluator.Number(integration.Property("TimeoutInMillis"));
                    Add(integration.Property("IntegrationUri"), kind, route, door => door with { Route = routeKey, IntegrationTimeoutMs = timeout });
                }
            }

            foreach (var integration in integrations)
            {
                if (!reached.Contains(integration.LogicalId) && ApiKind(integration.Property("ApiId"), apiKinds) is { } kind)
                {
                    var timeout = evaluator.Number(integration.Property("TimeoutInMillis"));
                    Add(integration.Property("IntegrationUri"), kind, integration, door => door with { IntegrationTimeoutMs = timeout });
                }
            }
        }

        private static FrontDoorKind? ApiKind(YamlNode? apiId, Dictionary<string, FrontDoorKind?> apiKinds)
        {
            foreach (var id in TemplateReferences.In(apiId))
            {
                if (apiKinds.TryGetValue(id, out var kind))
                {
                    return kind;
                }
            }

            return null;
        }

        /// <summary>
        /// For a route whose API is not in the template: <c>$connect</c> and <c>$disconnect</c> exist only on WebSocket
        /// APIs and <c>VERB /path</c> only on HTTP APIs; anything else (<c>$default</c>, custom keys) cannot tell.
        /// </summary>
        private static FrontDoorKind KindOfRouteKey(string? routeKey)
        {
            if (routeKey is "$connect" or "$disconnect")
            {
                return FrontDoorKind.WebSocketApi;
            }

            var space = routeKey?.IndexOf(' ') ?? -1;
            return space > 0 && HttpMethods.Contains(routeKey!.Substring(0, space).ToUpperInvariant()) ? FrontDoorKind.HttpApi : FrontDoorKind.Other;
        }

        /// <summary><c>AWS::Serverless::WebSocketApi</c>: <c>Routes: { $connect: { FunctionArn: !GetAtt OnConnect.Arn } }</c>.</summary>
        private void ReadSamWebSocketApi(TemplateResource api)
        {
            var routes = evaluator.Evaluate(api.Property("Routes")).Node;
            foreach (var entry in routes is { IsMapping: true } ? routes.Entries : Array.Empty<YamlEntry>())
            {
                var routeKey = entry.Key.Value;
                var route = evaluator.Evaluate(entry.Value).Node;
                Add(route?["FunctionArn"], FrontDoorKind.WebSocketApi, api, door => door with { Route = routeKey }, entry.Key.Span);
            }
        }

        /// <summary>
        /// Lambda authorizers of a SAM API (<c>Auth.Authorizers.Name.FunctionArn</c>): API Gateway invokes the function
        /// before each request, with an authorizer event rather than the request; the door says so by its source.
        /// </summary>
        private void ReadSamAuthorizers(TemplateResource api)
        {
            var authorizers = evaluator.Evaluate(evaluator.Evaluate(api.Property("Auth")).Node?["Authorizers"]).Node;
            foreach (var entry in authorizers is { IsMapping: true } ? authorizers.Entries : Array.Empty<YamlEntry>())
            {
                var name = entry.Key.Value;
                var authorizer = evaluator.Evaluate(entry.Value).Node;
                Add(authorizer?["FunctionArn"], FrontDoorKind.Other, api, door => door with { Source = AuthorizerSource, Route = name }, entry.Key.Span);
            }
        }

        /// <summary>An OpenAPI definition whose operations integrate a function (<c>x-amazon-apigateway-integration.uri</c>).</summary>
        private void ReadOpenApiBody(TemplateResource api, YamlNode? body, FrontDoorKind kind)
        {
            var definition = evaluator.Evaluate(body).Node;
            var paths = definition?["paths"];
            foreach (var pathEntry in paths is { IsMapping: true } ? paths.Entries : Array.Empty<YamlEntry>())
            {
                foreach (var operation in pathEntry.Value.IsMapping ? pathEntry.Value.Entries : Array.Empty<YamlEntry>())
                {
                    var integration = operation.Value.IsMapping ? operation.Value["x-amazon-apigateway-integration"] : null;
                    if (integration is null)
                    {
                        continue;
                    }

                    var method = operation.Key.Value == "x-amazon-apigateway-any-method" ? "ANY" : (operation.Key.Value ?? string.Empty).ToUpperInvariant();
                    var route = $"{method} {pathEntry.Key.Value}";
                    var timeout = evaluator.Number(integration["timeoutInMillis"]);
                    Add(integration["uri"], kind, api, door => door with { Route = route, IntegrationTimeoutMs = timeout }, operation.Key.Span);
                }
            }
        }

        /// <summary><c>AWS::ApiGateway::Method</c> with a Lambda integration; the route is the method and the resource path.</summary>
        private void ReadRestApiMethod(TemplateResource method)
        {
            var integration = evaluator.Evaluate(method.Property("Integration")).Node;
            if (integration is null || !integration.IsMapping)
            {
                return;
            }

            var verb = Text(method.Property("HttpMethod"))?.ToUpperInvariant();
            var resourcePath = ResourcePath(method.Property("ResourceId"), 0);
            var route = verb is null ? resourcePath : resourcePath is null ? verb : $"{verb} {resourcePath}";
            var timeout = evaluator.Number(integration["TimeoutInMillis"]);
            Add(integration["Uri"], FrontDoorKind.RestApi, method, door => door with { Route = route, IntegrationTimeoutMs = timeout });
        }

        /// <summary>The path of an <c>AWS::ApiGateway::Resource</c> chain; <c>RootResourceId</c> is <c>/</c>.</summary>
        private string? ResourcePath(YamlNode? resourceId, int depth)
        {
            if (resourceId is null || depth > MaxResourceDepth)
            {
                return null;
            }

            if (IntrinsicCall.Of(resourceId) is { Name: "Fn::GetAtt" } call && call.GetAttTarget(out var attribute) is not null && attribute == "RootResourceId")
            {
                return "/";
            }

            var resource = TemplateReferences.In(resourceId).Select(template.Resource).FirstOrDefault(r => r is not null && r.Is(ResourceTypes.RestApiResource));
            var part = resource is null ? null : Text(resource.Property("PathPart"));
            var parent = resource is null ? null : ResourcePath(resource.Property("ParentId"), depth + 1);
            return part is null || parent is null ? null : parent.TrimEnd('/') + "/" + part;
        }

        private void ReadEventsRule(TemplateResource rule)
        {
            var schedule = Text(rule.Property("ScheduleExpression"));
            var kind = rule.Property("ScheduleExpression") is not null ? FrontDoorKind.Schedule : FrontDoorKind.EventBus;
            foreach (var target in Items(rule.Property("Targets")))
            {
                Add(target["Arn"], kind, rule, door => door with { Route = schedule });
            }
        }

        /// <summary>Adds a door on every function <paramref name="pointer"/> leads to, placed at the creating resource.</summary>
        private void Add(YamlNode? pointer, FrontDoorKind kind, TemplateResource creator, Func<FrontDoor, FrontDoor>? complete = null, ConfigSpan? at = null)
        {
            if (pointer is null)
            {
                return;
            }

            foreach (var function in FunctionsIn(pointer))
            {
                var door = new FrontDoor(kind, creator.Type, at ?? creator.Key.Span);
                if (complete is not null)
                {
                    door = complete(door);
                }

                if (!doors.TryGetValue(function, out var list))
                {
                    doors[function] = list = new List<FrontDoor>();
                }

                list.Add(door);
            }
        }

        /// <summary>
        /// The functions an expression leads to: by reference, else by a literal function name or ARN
        /// (<c>arn:aws:lambda:…:function:name[:qualifier]</c>) that a function of the template fixes.
        /// </summary>
        private List<string> FunctionsIn(YamlNode pointer)
        {
            var found = TemplateReferences.In(pointer).Where(functionIds.Contains).ToList();
            if (found.Count > 0 || functionsByName.Count == 0 || Text(pointer) is not { } text)
            {
                return found;
            }

            var marker = text.IndexOf(":function:", StringComparison.Ordinal);
            var name = marker < 0 ? text : text.Substring(marker + ":function:".Length);
            var qualifier = name.IndexOf(':');
            name = qualifier < 0 ? name : name.Substring(0, qualifier);
            if (functionsByName.TryGetValue(name, out var id))
            {
                found.Add(id);
            }

            return found;
        }

        private string? ResourceOrText(YamlNode? expression) =>
            TemplateReferences.In(expression).FirstOrDefault(id => template.Resource(id) is not null) ?? Text(expression);

        private string? Text(YamlNode? node) => evaluator.Text(node).TryGetValue(out var text) ? text : null;

        private IReadOnlyList<YamlNode> Items(YamlNode? node) =>
            evaluator.Evaluate(node).SequenceItems?.Select(item => evaluator.Evaluate(item).Node).Where(item => item is { IsMapping: true }).Select(item => item!).ToList()
            ?? (IReadOnlyList<YamlNode>)Array.Empty<YamlNode>();
    }
}
