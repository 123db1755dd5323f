using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Config.Json;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// Reads a CloudFormation or SAM template (YAML or JSON, short <c>!Tag</c> or long <c>Fn::</c> functions) into
    /// deployment units: every <c>AWS::Serverless::Function</c> (with <c>Globals.Function</c> merged as SAM merges it)
    /// and <c>AWS::Lambda::Function</c>, their front doors from SAM events and from the resources that point at
    /// them (function URLs, API Gateway v1/v2 integrations, SAM WebSocket APIs, ALB target groups, event source
    /// mappings, rules, subscriptions), and every value with the place it was written. Policies (see
    /// <c>README.md</c> beside this file): a <c>Ref</c> takes the deploy's parameter override, else the parameter's
    /// <c>Default</c>; conditions are considered both ways (<see cref="BranchPolicy"/>); anything decided at deploy
    /// time is unknown, never guessed.
    /// </summary>
    public static class CloudFormationTemplateReader
    {
        private const string CloudFormationDefaultsKey = "cloudformation";
        private const string SamDefaultsKey = "sam";

        public static ConfigReadResult Read(string path, string text, ConfigReadContext context)
        {
            var problems = new List<ConfigProblem>();
            if (LenientJson.LooksLikeJson(text))
            {
                text = LenientJson.BlankCommentsAndTabs(text, out var unterminated);
                if (unterminated >= 0)
                {
                    var (line, column) = Position(text, unterminated);
                    problems.Add(new ConfigProblem(path, line, column, ProblemLevel.Warning, "a '/*' comment is never closed; the rest of the file was ignored"));
                }
            }

            var loaded = YamlDocumentLoader.Load(path, text);
            problems.AddRange(loaded.Problems);
            var root = loaded.Documents.Count > 0 ? loaded.Documents[0] : null;
            if (root is null || root.IsNull)
            {
                return Result(path, Array.Empty<DeploymentUnit>(), problems);
            }

            if (!root.IsMapping)
            {
                problems.Add(new ConfigProblem(path, root.Span.StartLine, root.Span.StartColumn, ProblemLevel.Error, "not a CloudFormation template: the file holds no mapping"));
                return Result(path, Array.Empty<DeploymentUnit>(), problems);
            }

            var template = CloudFormationTemplate.Index(root, path, problems);
            var reader = new TemplateReader(path, template, new IntrinsicFunctionEvaluator(template, context, path, problems), problems);
            return Result(path, reader.ReadUnits(), problems);
        }

        /// <summary>
        /// Whether a text is a CloudFormation template by its first few kilobytes: a top-level
        /// <c>AWSTemplateFormatVersion</c>, a top-level <c>Transform</c> naming <c>AWS::Serverless…</c>, or top-level
        /// <c>Resources</c> with <c>AWS::</c> types. Cheap enough for a host to ask of every YAML or JSON file.
        /// </summary>
        public static bool LooksLikeTemplate(string text)
        {
            var window = TopLevelKeys.Window(text);
            var keys = TopLevelKeys.Of(window);
            for (var i = 0; i < keys.Count; i++)
            {
                var end = i + 1 < keys.Count ? keys[i + 1].Offset : window.Length;
                var value = window.Substring(keys[i].ValueOffset, Math.Max(0, end - keys[i].ValueOffset));
                switch (keys[i].Name)
                {
                    case "AWSTemplateFormatVersion":
                        return true;
                    case "Transform" when value.IndexOf("AWS::Serverless", StringComparison.Ordinal) >= 0:
                        return true;
                    case "Resources" when value.IndexOf("AWS::", StringComparison.Ordinal) >= 0:
                        return true;
                }
            }

            return false;
        }

        private static ConfigReadResult Result(string path, IReadOnlyList<DeploymentUnit> units, List<ConfigProblem> problems) =>
            new(path, ConfigFormat.CloudFormation, units, problems);

        private static (int Line, int Column) Position(string text, int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }

        private sealed class TemplateReader
        {
            private readonly string path;
            private readonly CloudFormationTemplate template;
            private readonly IntrinsicFunctionEvaluator evaluator;
            private readonly List<ConfigProblem> problems;
            private readonly QueueLookup queues;

            public TemplateReader(string path, CloudFormationTemplate template, IntrinsicFunctionEvaluator evaluator, List<ConfigProblem> problems)
            {
                this.path = path;
                this.template = template;
                this.evaluator = evaluator;
                this.problems = problems;
                queues = new QueueLookup(template, evaluator);
            }

            public List<DeploymentUnit> ReadUnits()
            {
                var functions = template.Resources
                    .Where(r => r.Is(ResourceTypes.SamFunction) || r.Is(ResourceTypes.LambdaFunction))
                    .ToList();
                if (functions.Count == 0)
                {
                    return new List<DeploymentUnit>();
                }

                var globals = template.Globals("Function");
                ReportUnsupportedGlobals(globals);
                var reads = functions.Select(f => ReadFunction(f, globals?.Value)).ToList();

                var finder = new FrontDoorFinder(template, evaluator, queues, reads.Select(r => r.Function).ToList(), reads.Select(r => r.Name).ToList());
                var external = finder.Find(problems, path);

                var units = new List<DeploymentUnit>(reads.Count);
                foreach (var read in reads)
                {
                    var doors = read.Doors;
                    if (external.TryGetValue(read.Function.LogicalId, out var more))
                    {
                        doors.AddRange(more.OrderBy(d => d.Span.Start));
                    }

                    units.Add(read.Unit(doors));
                }

                return units;
            }

            private void ReportUnsupportedGlobals(YamlEntry? globals)
            {
                if (globals is null)
                {
                    return;
                }

                foreach (var entry in globals.Value.Entries)
                {
                    if (entry.Key.Value is { } key && !SamGlobals.IsFunctionProperty(key))
                    {
                        problems.Add(new ConfigProblem(path, entry.Key.Span.StartLine, entry.Key.Span.StartColumn, ProblemLevel.Warning,
                            $"'{key}' is not allowed in Globals.Function (SAM rejects the template); it is not applied to the functions"));
                    }
                }
            }

            private FunctionRead ReadFunction(TemplateResource function, YamlNode? globals)
            {
                var isSam = function.Is(ResourceTypes.SamFunction);
                var conditionNode = function.Body["Condition"];
                var condition = conditionNode is { IsScalar: true, Tag: null, Value: { Length: > 0 } name }
                    ? ConfigValue<string>.Known(name, conditionNode.Span)
                    : ConfigValue<string>.Absent;
                var values = evaluator.AssumingCondition(condition.IsKnown ? condition.Value : null);

                var inherited = new HashSet<YamlNode>();
                var properties = isSam
                    ? SamGlobals.Merge(globals, function.Properties, inherited, IgnoredGlobals(function))
                    : function.Properties;
                properties ??= new YamlNode(YamlNodeKind.Mapping, function.Key.Span, null, null, false);

                ValueOrigin OriginOf(YamlNode? node) => node is not null && inherited.Contains(node) ? ValueOrigin.Inherited : ValueOrigin.Declared;
                ConfigValue<string> Text(string key) => values.Text(properties[key], BranchPolicy.SameValue, OriginOf(properties[key]));
                ConfigValue<int> Size(YamlNode? node) => values.Number(node, BranchPolicy.Largest, OriginOf(node));

                var defaults = PlatformProfiles.AwsLambda.ToolDefaultsFor(isSam ? SamDefaultsKey : CloudFormationDefaultsKey);
                var packageType = Text("PackageType");
                var isImage = packageType.TryGetValue(out var type) && string.Equals(type, "Image", StringComparison.OrdinalIgnoreCase);

                var handler = Text("Handler");
                if (handler.State == ValueState.Absent && isImage)
                {
                    // A .NET image's handler is its CMD: ImageConfig.Command[0] (the base image's entry point runs it).
                    var command = values.Evaluate(properties["ImageConfig"]).Node?["Command"];
                    var commands = command is not null ? values.Evaluate(command).SequenceItems : null;
                    var first = commands is { Count: > 0 } ? commands[0] : null;
                    handler = values.Text(first, BranchPolicy.SameValue, OriginOf(first));
                }

                var ephemeral = values.Evaluate(properties["EphemeralStorage"]);
                var ephemeralSize = ephemeral.Node is { IsMapping: true } storage ? storage["Size"] : null;

                var doors = new List<FrontDoor>();
                if (isSam)
                {
                    ReadFunctionUrl(properties, values, doors);
                    ReadEvents(properties, values, doors);
                }

                return new FunctionRead(function, FunctionNameOf(properties, values))
                {
                    Handler = handler,
                    Runtime = Text("Runtime"),
                    Architecture = ReadArchitecture(properties["Architectures"], values, OriginOf),
                    MemoryMb = Defaulted(Size(properties["MemorySize"]), defaults.MemoryMb),
                    TimeoutSeconds = Defaulted(Size(properties["Timeout"]), defaults.TimeoutSeconds),
                    EphemeralStorageMb = Size(ephemeralSize),
                    Artifact = ReadArtifact(function, properties, values, isImage, OriginOf),
                    Condition = condition,
                    PackageType = packageType,
                    ManagedInstances = ReadCapacityProvider(properties.Find("CapacityProviderConfig"), values),
                    GcHeapHardLimit = ReadGcHeapHardLimit(properties["Environment"], values, OriginOf),
                    Tool = ToolOf(function),
                    Doors = doors,
                };
            }

            /// <summary>
            /// <c>CapacityProviderConfig</c> puts the function on Lambda Managed Instances; <c>!Ref AWS::NoValue</c> removes
            /// it, and an expression that cannot be evaluated (a condition other than the one assumed) leaves it unknown.
            /// </summary>
            private static ConfigValue<bool> ReadCapacityProvider(YamlEntry? entry, IntrinsicFunctionEvaluator values)
            {
                if (entry is null)
                {
                    return ConfigValue<bool>.Absent;
                }

                var value = values.Evaluate(entry.Value);
                return value.Kind switch
                {
                    TemplateValueKind.Missing => ConfigValue<bool>.Absent,
                    TemplateValueKind.Unknown => ConfigValue<bool>.Unknown(value.UnknownReason!, value.Span ?? entry.Value.Span),
                    _ => ConfigValue<bool>.Known(true, entry.Key.Span),
                };
            }

            /// <summary>The resource's <c>Metadata.Tool</c>, when it is a plain string.</summary>
            private static ConfigValue<string> ToolOf(TemplateResource function) =>
                function.Body["Metadata"] is { IsMapping: true } metadata && metadata["Tool"] is { IsScalar: true, Tag: null, Value: { Length: > 0 } tool } node
                    ? ConfigValue<string>.Known(tool, node.Span)
                    : ConfigValue<string>.Absent;

            /// <summary>The GC heap hard limit <c>Environment.Variables</c> sets (Globals merged); unknown when they cannot be evaluated.</summary>
            private static ConfigValue<EnvironmentVariable> ReadGcHeapHardLimit(YamlNode? environment, IntrinsicFunctionEvaluator values, Func<YamlNode?, ValueOrigin> originOf)
            {
                if (environment is null)
                {
                    return ConfigValue<EnvironmentVariable>.Absent;
                }

                var evaluated = values.Evaluate(environment);
                if (evaluated.IsUnknown)
                {
                    return ConfigValue<EnvironmentVariable>.Unknown(evaluated.UnknownReason!, evaluated.Span ?? environment.Span);
                }

                var variablesNode = evaluated.Node is { IsMapping: true } mapping ? mapping["Variables"] : null;
                var variables = variablesNode is null ? null : values.Evaluate(variablesNode);
                if (variables is { IsUnknown: true })
                {
                    return ConfigValue<EnvironmentVariable>.Unknown(variables.UnknownReason!, variables.Span ?? variablesNode!.Span);
                }

                if (variables?.Node is not { IsMapping: true } map)
                {
                    return ConfigValue<EnvironmentVariable>.Absent;
                }

                foreach (var name in EnvironmentVariable.GcHeapHardLimitNames)
                {
                    if (map[name] is { } node)
                    {
                        var text = values.Text(node, BranchPolicy.SameValue, originOf(node));
                        return text.State switch
                        {
                            ValueState.Known => ConfigValue<EnvironmentVariable>.Known(new EnvironmentVariable(name, text.Value), text.Span, text.Origin),
                            ValueState.Unknown => ConfigValue<EnvironmentVariable>.Unknown(text.UnknownReason!, text.Span),
                            _ => ConfigValue<EnvironmentVariable>.Absent,
                        };
                    }
                }

                return ConfigValue<EnvironmentVariable>.Absent;
            }

            private static HashSet<string>? IgnoredGlobals(TemplateResource function)
            {
                var ignore = function.Body["IgnoreGlobals"];
                if (ignore is null)
                {
                    return null;
                }

                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var node in ignore.IsSequence ? ignore.Items : new[] { ignore })
                {
                    if (node.IsScalar && node.Value is { } name)
                    {
                        names.Add(name);
                    }
                }

                return names;
            }

            private static ConfigValue<int> Defaulted(ConfigValue<int> value, int? fallback) =>
                value.State == ValueState.Absent && fallback is int known ? ConfigValue<int>.Known(known, null, ValueOrigin.ToolDefault) : value;

            /// <summary>The deployed function name when the template fixes it, for tying resources that name it literally.</summary>
            private static string? FunctionNameOf(YamlNode properties, IntrinsicFunctionEvaluator values) =>
                values.Text(properties["FunctionName"]).TryGetValue(out var name) && name.Length > 0 ? name : null;

            private ConfigValue<string> ReadArchitecture(YamlNode? node, IntrinsicFunctionEvaluator values, Func<YamlNode?, ValueOrigin> originOf)
            {
                if (node is null)
                {
                    return ConfigValue<string>.Absent;
                }

                var list = values.Evaluate(node);
                if (list.SequenceItems is { } items)
                {
                    if (items.Count == 0)
                    {
                        return ConfigValue<string>.Absent;
                    }

                    if (items.Count > 1)
                    {
                        var message = $"Architectures lists {items.Count} architectures (SAM concatenates Globals and function lists); Lambda accepts exactly one";
                        problems.Add(new ConfigProblem(path, node.Span.StartLine, node.Span.StartColumn, ProblemLevel.Warning, message));
                        return ConfigValue<string>.Unknown(message, node.Span);
                    }

                    return values.Text(items[0], BranchPolicy.SameValue, originOf(items[0]));
                }

                if (list.Kind == TemplateValueKind.List && list.Items.Count == 1 && list.Items[0].IsText)
                {
                    return ConfigValue<string>.Known(list.Items[0].Text!, list.Span, originOf(node));
                }

                return list.IsMissing
                    ? ConfigValue<string>.Absent
                    : ConfigValue<string>.Unknown(list.IsUnknown ? list.UnknownReason! : "Architectures is not a list", list.Span ?? node.Span);
            }

            /// <summary>
            /// What is deployed, as written: SAM <c>CodeUri</c> (a path, or <c>{Bucket, Key}</c> as <c>s3://bucket/key</c>),
            /// <c>ImageUri</c>, or for an image built by SAM the <c>Metadata.DockerContext</c> folder; Lambda <c>Code</c>
            /// (<c>S3Bucket</c>/<c>S3Key</c>, <c>ImageUri</c>). Inline code has no artifact.
            /// </summary>
            private static ConfigValue<string> ReadArtifact(
                TemplateResource function, YamlNode properties, IntrinsicFunctionEvaluator values, bool isImage, Func<YamlNode?, ValueOrigin> originOf)
            {
                if (isImage)
                {
                    var image = properties["ImageUri"] ?? values.Evaluate(properties["Code"]).Node?["ImageUri"];
                    if (image is not null)
                    {
                        return values.Text(image, BranchPolicy.SameValue, originOf(image));
                    }

                    var context = function.Body["Metadata"]?["DockerContext"];
                    return values.Text(context);
                }

                var codeUri = properties["CodeUri"];
                if (codeUri is not null)
                {
                    var code = values.Evaluate(codeUri);
                    return code.Node is { IsMapping: true } location
                        ? S3Location(values, location["Bucket"], location["Key"], codeUri, originOf(codeUri))
                        : values.Text(codeUri, BranchPolicy.SameValue, originOf(codeUri));
                }

                if (values.Evaluate(properties["Code"]).Node is { IsMapping: true } lambdaCode)
                {
                    return lambdaCode["ImageUri"] is { } imageUri
                        ? values.Text(imageUri)
                        : lambdaCode["S3Bucket"] is not null ? S3Location(values, lambdaCode["S3Bucket"], lambdaCode["S3Key"], lambdaCode, ValueOrigin.Declared)
                        : ConfigValue<string>.Absent;
                }

                return ConfigValue<string>.Absent;
            }

            private static ConfigValue<string> S3Location(IntrinsicFunctionEvaluator values, YamlNode? bucketNode, YamlNode? keyNode, YamlNode at, ValueOrigin origin)
            {
                var bucket = values.Text(bucketNode);
                var key = values.Text(keyNode);
                if (bucket.IsKnown && key.IsKnown)
                {
                    // The .NET tools leave both empty for the deploy to fill in: the package is built from the project.
                    var text = bucket.Value.Length == 0 && key.Value.Length == 0 ? string.Empty : $"s3://{bucket.Value}/{key.Value}";
                    return ConfigValue<string>.Known(text, at.Span, origin);
                }

                var unknown = bucket.IsKnown ? key : bucket;
                return unknown.State == ValueState.Unknown
                    ? ConfigValue<string>.Unknown(unknown.UnknownReason!, unknown.Span)
                    : ConfigValue<string>.Unknown("the S3 location names no bucket or key", at.Span);
            }

            private static void ReadFunctionUrl(YamlNode properties, IntrinsicFunctionEvaluator values, List<FrontDoor> doors)
            {
                var url = properties.Find("FunctionUrlConfig");
                if (url is not null && values.Evaluate(url.Value).Node is { IsMapping: true })
                {
                    doors.Add(new FrontDoor(FrontDoorKind.FunctionUrl, "FunctionUrlConfig", url.Key.Span));
                }
            }

            private void ReadEvents(YamlNode properties, IntrinsicFunctionEvaluator values, List<FrontDoor> doors)
            {
                var events = values.Evaluate(properties["Events"]);
                if (events.IsUnknown)
                {
                    problems.Add(new ConfigProblem(path, events.Span!.StartLine, events.Span.StartColumn, ProblemLevel.Warning, $"the events cannot be listed: {events.UnknownReason}"));
                    return;
                }

                foreach (var entry in events.Node is { IsMapping: true } mapping ? mapping.Entries : Array.Empty<YamlEntry>())
                {
                    var body = values.Evaluate(entry.Value).Node;
                    if (body is null || !body.IsMapping || !values.Text(body["Type"]).TryGetValue(out var type))
                    {
                        problems.Add(new ConfigProblem(path, entry.Key.Span.StartLine, entry.Key.Span.StartColumn, ProblemLevel.Warning,
                            $"event '{entry.Key.Value}' has no literal 'Type' and was skipped"));
                        continue;
                    }

                    var eventProperties = values.Evaluate(body["Properties"]).Node is { IsMapping: true } p ? p : null;
                    doors.Add(ReadEvent(type, entry.Key, eventProperties, values));
                }
            }

            private FrontDoor ReadEvent(string type, YamlNode key, YamlNode? properties, IntrinsicFunctionEvaluator values)
            {
                var kind = SamEventKind(type);
                var door = new FrontDoor(kind, type, key.Span);
                switch (type)
                {
                    case "Api":
                    case "HttpApi":
                        var method = values.Text(properties?["Method"]);
                        var routePath = values.Text(properties?["Path"]);
                        return door with
                        {
                            Route = method.IsKnown || routePath.IsKnown
                                ? (method.IsKnown ? method.Value.ToUpperInvariant() + " " : string.Empty) + (routePath.IsKnown ? routePath.Value : "*")
                                : null,
                            IntegrationTimeoutMs = values.Number(properties?["TimeoutInMillis"]),
                        };
                    case "SQS":
                        var queue = properties?["Queue"];
                        return door with { Route = ResourceOrText(queue, values), QueueVisibilityTimeoutSeconds = queues.VisibilityOf(queue) };
                    case "Schedule":
                    case "ScheduleV2":
                        return door with { Route = values.Text(properties?["Schedule"] ?? properties?["ScheduleExpression"]).TryGetValue(out var schedule) ? schedule : null };
                    case "SNS":
                        return door with { Route = ResourceOrText(properties?["Topic"], values) };
                    case "Kinesis":
                    case "DynamoDB":
                    case "MSK":
                    case "MQ":
                    case "SelfManagedKafka":
                    case "DocumentDB":
                        return door with { Route = ResourceOrText(properties?["Stream"] ?? properties?["Queues"] ?? properties?["Topics"], values) };
                    case "S3":
                        return door with { Route = ResourceOrText(properties?["Bucket"], values) };
                    default:
                        return door;
                }
            }

            /// <summary>The template resource an expression names (its logical id), else its text when known.</summary>
            private string? ResourceOrText(YamlNode? expression, IntrinsicFunctionEvaluator values)
            {
                foreach (var id in TemplateReferences.In(expression))
                {
                    if (template.Resource(id) is not null)
                    {
                        return id;
                    }
                }

                return values.Text(expression).TryGetValue(out var text) ? text : null;
            }

            private static FrontDoorKind SamEventKind(string type) => type switch
            {
                "Api" => FrontDoorKind.RestApi,
                "HttpApi" => FrontDoorKind.HttpApi,
                "SQS" or "MQ" or "MSK" or "SelfManagedKafka" => FrontDoorKind.Queue,
                "SNS" => FrontDoorKind.Topic,
                "Schedule" or "ScheduleV2" => FrontDoorKind.Schedule,
                "Kinesis" or "DynamoDB" or "DocumentDB" => FrontDoorKind.Stream,
                "S3" => FrontDoorKind.Storage,
                "EventBridgeRule" or "CloudWatchEvent" => FrontDoorKind.EventBus,
                _ => FrontDoorKind.Other,
            };
        }

        /// <summary>A function's values while its front doors from other resources are still being collected.</summary>
        private sealed class FunctionRead
        {
            public FunctionRead(TemplateResource function, string? name)
            {
                Function = function;
                Name = name;
            }

            public TemplateResource Function { get; }

            /// <summary>The <c>FunctionName</c> the template fixes, if any.</summary>
            public string? Name { get; }

            public ConfigValue<string> Handler { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<string> Runtime { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<string> Architecture { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<int> MemoryMb { get; init; } = ConfigValue<int>.Absent;

            public ConfigValue<int> TimeoutSeconds { get; init; } = ConfigValue<int>.Absent;

            public ConfigValue<int> EphemeralStorageMb { get; init; } = ConfigValue<int>.Absent;

            public ConfigValue<string> Artifact { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<string> Condition { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<string> Tool { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<string> PackageType { get; init; } = ConfigValue<string>.Absent;

            public ConfigValue<bool> ManagedInstances { get; init; } = ConfigValue<bool>.Absent;

            public ConfigValue<EnvironmentVariable> GcHeapHardLimit { get; init; } = ConfigValue<EnvironmentVariable>.Absent;

            public List<FrontDoor> Doors { get; init; } = new();

            public DeploymentUnit Unit(IReadOnlyList<FrontDoor> doors) =>
                new(Function.LogicalId, PlatformProfiles.AwsLambdaId, Function.Key.Span.Path, Function.Key.Span)
                {
                    Handler = Handler,
                    Runtime = Runtime,
                    Architecture = Architecture,
                    MemoryMb = MemoryMb,
                    TimeoutSeconds = TimeoutSeconds,
                    EphemeralStorageMb = EphemeralStorageMb,
                    Artifact = Artifact,
                    Condition = Condition,
                    PackageType = PackageType,
                    ManagedInstances = ManagedInstances,
                    GcHeapHardLimit = GcHeapHardLimit,
                    Tool = Tool,
                    FrontDoors = doors,
                };
        }
    }
}
