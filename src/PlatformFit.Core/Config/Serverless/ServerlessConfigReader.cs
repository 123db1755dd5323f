using System;
using System.Collections.Generic;
using System.Globalization;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Config.Serverless
{
    /// <summary>
    /// Reads a Serverless Framework service (<c>serverless.yml</c>, <c>.yaml</c>, <c>.json</c>) into deployment
    /// units: provider values merged into each function the way the framework merges them, events as front
    /// doors, the framework's defaults for absent keys, and every value with the place it was written.
    /// </summary>
    public static class ServerlessConfigReader
    {
        private const string ToolDefaultsKey = "serverless-framework";

        public static ConfigReadResult Read(string path, string text, ConfigReadContext context)
        {
            var loaded = YamlDocumentLoader.Load(path, text);
            var problems = new List<ConfigProblem>(loaded.Problems);
            if (loaded.Documents.Count == 0 || !loaded.Documents[0].IsMapping)
            {
                if (problems.Count == 0)
                {
                    problems.Add(new ConfigProblem(path, 1, 1, ProblemLevel.Error, "not a Serverless Framework service: the file holds no mapping"));
                }

                return new ConfigReadResult(path, ConfigFormat.ServerlessFramework, Array.Empty<DeploymentUnit>(), problems);
            }

            var root = loaded.Documents[0];
            var resolver = new ServerlessVariableResolver(root, path, context, problems);
            var reader = new ServiceReader(path, root, resolver, problems);
            var units = reader.ReadUnits();
            return new ConfigReadResult(path, ConfigFormat.ServerlessFramework, units, problems);
        }

        /// <summary>
        /// Whether a text is a Serverless Framework service by its first few kilobytes, whatever the file is called
        /// (the framework's <c>--config serverless.prod.yml</c>): top-level <c>service</c> and <c>provider</c> keys, and
        /// a provider that names AWS. Variables files (<c>serverless.env.yml</c>) and Compose files have no such keys.
        /// </summary>
        public static bool LooksLikeService(string text)
        {
            var window = TopLevelKeys.Window(text);
            var keys = TopLevelKeys.Of(window);
            var service = false;
            var awsProvider = false;
            for (var i = 0; i < keys.Count; i++)
            {
                var end = i + 1 < keys.Count ? keys[i + 1].Offset : window.Length;
                var value = window.Substring(keys[i].ValueOffset, Math.Max(0, end - keys[i].ValueOffset));
                switch (keys[i].Name)
                {
                    case "service":
                        service = true;
                        break;
                    case "provider":
                        awsProvider = value.IndexOf("aws", StringComparison.OrdinalIgnoreCase) >= 0;
                        break;
                }
            }

            return service && awsProvider;
        }

        private sealed class ServiceReader
        {
            private readonly string path;
            private readonly YamlNode root;
            private readonly ServerlessVariableResolver resolver;
            private readonly List<ConfigProblem> problems;
            private readonly ToolDefaults defaults;

            public ServiceReader(string path, YamlNode root, ServerlessVariableResolver resolver, List<ConfigProblem> problems)
            {
                this.path = path;
                this.root = root;
                this.resolver = resolver;
                this.problems = problems;
                defaults = PlatformProfiles.AwsLambda.ToolDefaultsFor(ToolDefaultsKey);
            }

            public List<DeploymentUnit> ReadUnits()
            {
                var units = new List<DeploymentUnit>();
                var provider = resolver.Resolve(root["provider"]).Node;
                if (provider is null || !provider.IsMapping)
                {
                    if (root["functions"] is not null)
                    {
                        problems.Add(Problem(root, ProblemLevel.Warning, "no 'provider' mapping with 'name: aws': the functions are not scanned"));
                    }

                    return units;
                }

                var providerName = Text(provider["name"]);
                if (!providerName.IsKnown || !string.Equals(providerName.Value, "aws", StringComparison.OrdinalIgnoreCase))
                {
                    var at = provider.Find("name")?.Value ?? provider;
                    problems.Add(Problem(at, ProblemLevel.Note, providerName.IsKnown
                        ? $"provider '{providerName.Value}' is not AWS; its functions are not scanned"
                        : "the provider is not known to be AWS; its functions are not scanned"));
                    return units;
                }

                var servicePackage = resolver.Resolve(root["package"]).Node;
                var functions = resolver.Resolve(root["functions"]);
                foreach (var (nameNode, body) in FunctionEntries(functions))
                {
                    units.Add(ReadFunction(nameNode, body, provider, servicePackage));
                }

                return units;
            }

            /// <summary>Functions as a mapping, or (older services) a list of mappings.</summary>
            private IEnumerable<(YamlNode Name, YamlNode Body)> FunctionEntries(Resolved functions)
            {
                if (functions.IsUnknown)
                {
                    problems.Add(Problem(root.Find("functions")!.Value, ProblemLevel.Warning, $"the functions cannot be listed: {functions.UnknownReason}"));
                    yield break;
                }

                var node = functions.Node;
                if (node is null || node.IsNull)
                {
                    yield break;
                }

                var groups = node.IsSequence ? node.Items : new[] { node };
                foreach (var group in groups)
                {
                    var mapping = resolver.Resolve(group).Node;
                    if (mapping is null || !mapping.IsMapping)
                    {
                        problems.Add(Problem(group, ProblemLevel.Warning, "a functions entry that is not a mapping was skipped"));
                        continue;
                    }

                    foreach (var entry in mapping.Entries)
                    {
                        var body = resolver.Resolve(entry.Value).Node;
                        if (body is null || !body.IsMapping)
                        {
                            problems.Add(Problem(entry.Key, ProblemLevel.Warning, $"function '{entry.Key.Value}' is not a mapping and was skipped"));
                            continue;
                        }

                        yield return (entry.Key, body);
                    }
                }
            }

            private DeploymentUnit ReadFunction(YamlNode nameNode, YamlNode body, YamlNode provider, YamlNode? servicePackage)
            {
                var functionPackage = resolver.Resolve(body["package"]).Node;
                return new DeploymentUnit(nameNode.Value ?? string.Empty, PlatformProfiles.AwsLambdaId, path, nameNode.Span)
                {
                    Handler = Text(body["handler"]),
                    Runtime = Inherit(Text(body["runtime"]), Text(provider["runtime"]), ConfigValue<string>.Absent),
                    Architecture = Inherit(Text(body["architecture"]), Text(provider["architecture"]), ConfigValue<string>.Absent),
                    MemoryMb = Inherit(Number(body["memorySize"]), Number(provider["memorySize"]), Default(defaults.MemoryMb)),
                    TimeoutSeconds = Inherit(Number(body["timeout"]), Number(provider["timeout"]), Default(defaults.TimeoutSeconds)),
                    EphemeralStorageMb = Number(body["ephemeralStorageSize"]),
                    Artifact = Inherit(
                        Text(functionPackage?["artifact"]),
                        Text(servicePackage?["artifact"]),
                        ConfigValue<string>.Absent),
                    FrontDoors = ReadFrontDoors(body),
                    PackageType = body.Find("image") is { } image
                        ? ConfigValue<string>.Known("Image", image.Key.Span)
                        : ConfigValue<string>.Absent,
                    ManagedInstances = CapacityProvider(body),
                    GcHeapHardLimit = Inherit(GcHeapHardLimitIn(body), GcHeapHardLimitIn(provider), ConfigValue<EnvironmentVariable>.Absent),
                };
            }

            private List<FrontDoor> ReadFrontDoors(YamlNode body)
            {
                var doors = new List<FrontDoor>();
                var url = body.Find("url");
                if (url is not null)
                {
                    var value = resolver.Resolve(url.Value);
                    var enabled = value.Node is { IsMapping: true } || (value.IsText && !string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase));
                    if (enabled)
                    {
                        var invokeMode = value.Node is { IsMapping: true } settings ? Text(settings["invokeMode"]) : ConfigValue<string>.Absent;
                        doors.Add(new FrontDoor(FrontDoorKind.FunctionUrl, "url", url.Key.Span) { ResponseMode = invokeMode });
                    }
                }

                var events = resolver.Resolve(body["events"]);
                if (events.IsUnknown)
                {
                    problems.Add(Problem(body.Find("events")!.Key, ProblemLevel.Warning, $"the events cannot be listed: {events.UnknownReason}"));
                    return doors;
                }

                if (events.Node is not { IsSequence: true } list)
                {
                    return doors;
                }

                foreach (var item in list.Items)
                {
                    var evt = resolver.Resolve(item).Node;
                    if (evt is null || !evt.IsMapping || evt.Entries.Count == 0)
                    {
                        continue;
                    }

                    var entry = evt.Entries[0];
                    var type = entry.Key.Value ?? string.Empty;
                    doors.Add(new FrontDoor(KindOf(type), type, entry.Key.Span)
                    {
                        Route = RouteOf(type, entry.Value),
                        IntegrationTimeoutMs = type == "http" ? IntegrationTimeoutOf(entry.Value) : ConfigValue<int>.Absent,
                    });
                }

                return doors;
            }

            private string? RouteOf(string type, YamlNode value)
            {
                var resolved = resolver.Resolve(value);
                if (resolved.IsText)
                {
                    return resolved.Text;
                }

                var node = resolved.Node;
                if (node is null || !node.IsMapping)
                {
                    return null;
                }

                switch (type)
                {
                    case "websocket":
                        return Text(node["route"]).TryGetValue(out var route) ? route : null;
                    case "http":
                    case "httpApi":
                        var method = Text(node["method"]);
                        var routePath = Text(node["path"]);
                        return (method.IsKnown ? method.Value.ToUpperInvariant() + " " : string.Empty) + (routePath.IsKnown ? routePath.Value : "*");
                    case "sqs":
                    case "stream":
                        return Text(node["arn"]).TryGetValue(out var arn) ? arn : null;
                    default:
                        return null;
                }
            }

            /// <summary>A REST API event's own integration timeout (<c>http: { timeoutInMillis: 60000 }</c>).</summary>
            private ConfigValue<int> IntegrationTimeoutOf(YamlNode value) =>
                resolver.Resolve(value).Node is { IsMapping: true } node ? Number(node["timeoutInMillis"]) : ConfigValue<int>.Absent;

            private static FrontDoorKind KindOf(string type) => type switch
            {
                "http" => FrontDoorKind.RestApi,
                "httpApi" => FrontDoorKind.HttpApi,
                "websocket" => FrontDoorKind.WebSocketApi,
                "alb" => FrontDoorKind.LoadBalancer,
                "sqs" or "activemq" or "rabbitmq" or "msk" or "kafka" => FrontDoorKind.Queue,
                "sns" => FrontDoorKind.Topic,
                "schedule" => FrontDoorKind.Schedule,
                "stream" => FrontDoorKind.Stream,
                "s3" => FrontDoorKind.Storage,
                "eventBridge" or "cloudwatchEvent" => FrontDoorKind.EventBus,
                _ => FrontDoorKind.Other,
            };

            private ConfigValue<string> Text(YamlNode? node)
            {
                if (node is null)
                {
                    return ConfigValue<string>.Absent;
                }

                var value = resolver.Resolve(node);
                if (value.IsUnknown)
                {
                    return ConfigValue<string>.Unknown(value.UnknownReason!, node.Span);
                }

                if (value.IsText)
                {
                    return ConfigValue<string>.Known(value.Text!, node.Span);
                }

                return value.IsMissing
                    ? ConfigValue<string>.Unknown($"'{Shorten(node.Value)}' has no value at stage '{resolver.Stage}'", node.Span)
                    : ConfigValue<string>.Unknown("not a single value", node.Span);
            }

            private ConfigValue<int> Number(YamlNode? node)
            {
                var text = Text(node);
                if (!text.IsKnown)
                {
                    return text.State == ValueState.Absent ? ConfigValue<int>.Absent : ConfigValue<int>.Unknown(text.UnknownReason!, text.Span);
                }

                if (int.TryParse(text.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                {
                    return ConfigValue<int>.Known(number, text.Span);
                }

                problems.Add(Problem(node!, ProblemLevel.Warning, $"'{Shorten(text.Value)}' is not a whole number"));
                return ConfigValue<int>.Unknown($"'{Shorten(text.Value)}' is not a whole number", text.Span);
            }

            /// <summary>
            /// A function with a <c>capacityProvider</c> runs on Lambda Managed Instances, whatever form the value takes
            /// (a provider name, a reference, a mapping); <c>null</c> or <c>false</c> turns it off.
            /// </summary>
            private ConfigValue<bool> CapacityProvider(YamlNode body)
            {
                var entry = body.Find("capacityProvider");
                if (entry is null)
                {
                    return ConfigValue<bool>.Absent;
                }

                var value = resolver.Resolve(entry.Value);
                if (value.IsUnknown)
                {
                    return ConfigValue<bool>.Unknown(value.UnknownReason!, entry.Value.Span);
                }

                var off = value.IsMissing || value.Node is { IsNull: true }
                    || (value.IsText && (value.Text!.Length == 0 || string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase)));
                return off ? ConfigValue<bool>.Absent : ConfigValue<bool>.Known(true, entry.Key.Span);
            }

            /// <summary>
            /// The GC heap hard limit an <c>environment</c> mapping sets; absent when it sets none (so a function's own
            /// environment falls back to the provider's, as the framework merges them), unknown when it cannot be read.
            /// </summary>
            private ConfigValue<EnvironmentVariable> GcHeapHardLimitIn(YamlNode owner)
            {
                var environment = owner.Find("environment");
                if (environment is null)
                {
                    return ConfigValue<EnvironmentVariable>.Absent;
                }

                var resolved = resolver.Resolve(environment.Value);
                if (resolved.IsUnknown)
                {
                    return ConfigValue<EnvironmentVariable>.Unknown(resolved.UnknownReason!, environment.Value.Span);
                }

                if (resolved.Node is not { IsMapping: true } variables)
                {
                    return ConfigValue<EnvironmentVariable>.Absent;
                }

                foreach (var name in EnvironmentVariable.GcHeapHardLimitNames)
                {
                    if (variables.Find(name) is { } entry)
                    {
                        var value = Text(entry.Value);
                        return value.State switch
                        {
                            ValueState.Known => ConfigValue<EnvironmentVariable>.Known(new EnvironmentVariable(name, value.Value), value.Span),
                            ValueState.Unknown => ConfigValue<EnvironmentVariable>.Unknown(value.UnknownReason!, value.Span),
                            _ => ConfigValue<EnvironmentVariable>.Absent,
                        };
                    }
                }

                return ConfigValue<EnvironmentVariable>.Absent;
            }

            /// <summary>The function's own value, else the provider's, else the framework's default.</summary>
            private static ConfigValue<T> Inherit<T>(ConfigValue<T> own, ConfigValue<T> shared, ConfigValue<T> fallback) =>
                own.State != ValueState.Absent ? own : shared.State != ValueState.Absent ? shared.AsInherited() : fallback;

            private static ConfigValue<int> Default(int? value) =>
                value is int known ? ConfigValue<int>.Known(known, null, ValueOrigin.ToolDefault) : ConfigValue<int>.Absent;

            private ConfigProblem Problem(YamlNode at, ProblemLevel level, string message) =>
                new(path, at.Span.StartLine, at.Span.StartColumn, level, message);

            private static string Shorten(string? text) => Excerpt.Of(text, 60);
        }
    }
}
