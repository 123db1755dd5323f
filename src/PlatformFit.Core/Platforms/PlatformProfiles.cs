using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Core.Platforms
{
    /// <summary>
    /// The platform profiles that ship with PlatformFit, read once from the <c>rules/platforms/*.yaml</c> files
    /// embedded in this assembly. A malformed profile is a build-time mistake of ours: it throws, and a test
    /// loads every profile so that it cannot ship.
    /// </summary>
    public static class PlatformProfiles
    {
        public const string AwsLambdaId = "aws-lambda";

        private static readonly Lazy<PlatformProfile> AwsLambdaProfile = new(() => Load(AwsLambdaId));

        public static PlatformProfile AwsLambda => AwsLambdaProfile.Value;

        /// <summary>The profile with the given id, or null when none ships.</summary>
        public static PlatformProfile? Find(string id) => id == AwsLambdaId ? AwsLambda : null;

        /// <summary>Reads a profile from its YAML text; <paramref name="path"/> names it in errors.</summary>
        public static PlatformProfile Parse(string path, string text)
        {
            var loaded = YamlDocumentLoader.Load(path, text);
            if (loaded.Problems.Count > 0 || loaded.Documents.Count != 1 || !loaded.Documents[0].IsMapping)
            {
                throw new InvalidDataException($"{path}: {(loaded.Problems.Count > 0 ? loaded.Problems[0].ToString() : "not a mapping")}");
            }

            var root = loaded.Documents[0];
            var sources = new Dictionary<string, PlatformSource>(StringComparer.Ordinal);
            foreach (var entry in Entries(root["sources"]))
            {
                var key = entry.Key.Value!;
                sources[key] = new PlatformSource(key, Required(path, entry.Value, "url"), entry.Value["read"]?.Value);
            }

            var limits = new Dictionary<string, PlatformLimit>(StringComparer.Ordinal);
            foreach (var entry in Entries(root["limits"]))
            {
                var name = entry.Key.Value!;
                limits[name] = new PlatformLimit(name, Long(entry.Value["min"]), Long(entry.Value["max"]), Long(entry.Value["default"]), Source(path, entry.Value, sources));
            }

            var toolDefaults = new Dictionary<string, ToolDefaults>(StringComparer.Ordinal);
            foreach (var entry in Entries(root["tool-defaults"]))
            {
                toolDefaults[entry.Key.Value!] = new ToolDefaults(
                    (int?)Long(entry.Value["memory-mb"]), (int?)Long(entry.Value["timeout-seconds"]), Source(path, entry.Value, sources));
            }

            var frontDoors = new Dictionary<string, FrontDoorCapability>(StringComparer.Ordinal);
            foreach (var entry in Entries(root["front-doors"]))
            {
                var key = entry.Key.Value!;
                var websocket = entry.Value["websocket"]?.Value switch
                {
                    "managed" => WebSocketSupport.Managed,
                    "true" => WebSocketSupport.PassThrough,
                    "false" => WebSocketSupport.None,
                    var other => throw new InvalidDataException($"{path}: front door '{key}' has websocket '{other}'; expected false, managed or true"),
                };
                var response = entry.Value["response"];
                frontDoors[key] = new FrontDoorCapability(key, websocket, (int?)Long(entry.Value["integration-timeout-ms"]), Source(path, entry.Value, sources), entry.Value["note"]?.Value)
                {
                    Response = response is null ? null : new ResponseDelivery(response["streams-when"]?.Value, Long(response["max-bytes"]), Source(path, response, sources)),
                    IntegrationTimeoutRaisable = entry.Value["integration-timeout-raisable"]?.Value == "true",
                };
            }

            var runtimes = new List<RuntimeLifecycle>();
            foreach (var item in root["runtimes"]?.Items ?? Array.Empty<YamlNode>())
            {
                runtimes.Add(new RuntimeLifecycle(
                    Required(path, item, "id"),
                    item["framework"]?.Value,
                    Date(path, item["deprecated"]),
                    Date(path, item["block-create"]),
                    Date(path, item["block-update"]),
                    item["image-only"]?.Value == "true",
                    item["os-only"]?.Value == "true",
                    Source(path, item, sources))
                {
                    Successor = item["successor"]?.Value,
                    YearOnlyDates = IsYear(item["deprecated"]) || IsYear(item["block-create"]) || IsYear(item["block-update"]),
                });
            }

            var executionModel = root["execution-model"] is { } model
                ? new ExecutionModel(model["reuses-environment"]?.Value == "true", Source(path, model, sources))
                : null;

            var writablePaths = new List<WritablePath>();
            foreach (var item in root["writable-paths"]?.Items ?? Array.Empty<YamlNode>())
            {
                writablePaths.Add(new WritablePath(Required(path, item, "path"), item["temp-directory"]?.Value == "true", Source(path, item, sources)));
            }

            var execution = new Dictionary<string, ExecutionTrait>(StringComparer.Ordinal);
            foreach (var entry in Entries(root["execution"]))
            {
                var key = entry.Key.Value!;
                var holds = entry.Value["value"]?.Value switch
                {
                    "true" => true,
                    "false" => false,
                    var other => throw new InvalidDataException($"{path}({entry.Value.Span.StartLine},{entry.Value.Span.StartColumn}): execution trait '{key}' has value '{other}'; expected true or false"),
                };
                execution[key] = new ExecutionTrait(key, holds, Source(path, entry.Value, sources), entry.Value["note"]?.Value);
            }

            var inbound = root["inbound-network"];
            var managed = root["managed-instances"];
            return new PlatformProfile(Required(path, root, "id"), Required(path, root, "name"), sources, limits, toolDefaults, frontDoors, runtimes)
            {
                InboundNetwork = inbound is null ? null : new PlatformCapability("inbound-network", Bool(path, inbound, "allowed"), Source(path, inbound, sources)),
                ExecutionModel = executionModel,
                WritablePaths = writablePaths,
                Execution = execution,
                Architectures = ReadArchitectures(path, root["architectures"], sources),
                HandlerBaseClasses = root["handler-base-classes"] is { } bases
                    ? new HandlerBaseClasses(Names(bases["types"]), Names(bases["methods"]), Source(path, bases, sources))
                    : null,
                OtherLanguageRuntimes = ReadOtherLanguageRuntimes(path, root["other-language-runtimes"], sources),
                ManagedInstances = managed is null ? null : ReadManagedInstances(path, managed, limits, sources),
            };
        }

        private static List<string> Names(YamlNode? sequence)
        {
            var names = new List<string>();
            foreach (var item in sequence?.Items ?? Array.Empty<YamlNode>())
            {
                if (item.Value is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }

            return names;
        }

        private static ArchitectureSupport? ReadArchitectures(string path, YamlNode? node, Dictionary<string, PlatformSource> sources)
        {
            if (node is null)
            {
                return null;
            }

            var suffixes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in Entries(node["runtime-identifier-suffixes"]))
            {
                suffixes[entry.Key.Value!] = entry.Value.Value ?? string.Empty;
            }

            var fallback = Required(path, node, "default");
            return suffixes.ContainsKey(fallback)
                ? new ArchitectureSupport(fallback, suffixes, Source(path, node, sources))
                : throw new InvalidDataException($"{path}({node.Span.StartLine},{node.Span.StartColumn}): the default architecture '{fallback}' has no runtime-identifier suffix");
        }

        private static OtherLanguageRuntimes? ReadOtherLanguageRuntimes(string path, YamlNode? node, Dictionary<string, PlatformSource> sources)
        {
            if (node is null)
            {
                return null;
            }

            return new OtherLanguageRuntimes(Names(node["prefixes"]), Source(path, node, sources));
        }

        private static PlatformProfile Load(string id)
        {
            var resource = $"PlatformFit.Platforms.{id}.yaml";
            using var stream = typeof(PlatformProfiles).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The platform profile '{id}' is not embedded in PlatformFit.Core.");
            using var reader = new StreamReader(stream);
            return Parse($"rules/platforms/{id}.yaml", reader.ReadToEnd());
        }

        private static IReadOnlyList<YamlEntry> Entries(YamlNode? node) => node?.Entries ?? Array.Empty<YamlEntry>();

        private static string Required(string path, YamlNode node, string key) =>
            node[key]?.Value is { Length: > 0 } value
                ? value
                : throw new InvalidDataException($"{path}({node.Span.StartLine},{node.Span.StartColumn}): '{key}' is required");

        /// <summary>Every number must name a source the profile lists.</summary>
        private static ManagedInstances ReadManagedInstances(string path, YamlNode node, Dictionary<string, PlatformLimit> limits, Dictionary<string, PlatformSource> sources)
        {
            var exempt = new List<string>();
            foreach (var item in node["exempt-limits"]?.Items ?? Array.Empty<YamlNode>())
            {
                var key = item.Value ?? string.Empty;
                if (!limits.ContainsKey(key))
                {
                    throw new InvalidDataException($"{path}({item.Span.StartLine},{item.Span.StartColumn}): managed-instances names limit '{key}', which the profile does not define");
                }

                exempt.Add(key);
            }

            return new ManagedInstances(exempt, Bool(path, node, "concurrent-requests"), Source(path, node, sources));
        }

        private static string Source(string path, YamlNode node, Dictionary<string, PlatformSource> sources)
        {
            var key = Required(path, node, "source");
            return sources.ContainsKey(key)
                ? key
                : throw new InvalidDataException($"{path}({node.Span.StartLine},{node.Span.StartColumn}): source '{key}' is not listed under sources");
        }

        private static bool Bool(string path, YamlNode node, string key) => Required(path, node, key) switch
        {
            "true" => true,
            "false" => false,
            var other => throw new InvalidDataException($"{path}({node.Span.StartLine},{node.Span.StartColumn}): '{key}' is '{other}'; expected true or false"),
        };

        private static long? Long(YamlNode? node) =>
            node?.Value is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

        /// <summary>
        /// A <c>yyyy-MM-dd</c> date, or a year alone where the sources give no day (<c>2019</c>): that year's last day,
        /// so that a scan never judges a date passed before it certainly has.
        /// </summary>
        private static DateTime? Date(string path, YamlNode? node)
        {
            if (node?.Value is not { } text)
            {
                return null;
            }

            if (IsYear(node))
            {
                return new DateTime(int.Parse(text, CultureInfo.InvariantCulture), 12, 31, 0, 0, 0, DateTimeKind.Utc);
            }

            return DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
                ? date
                : throw new InvalidDataException($"{path}({node.Span.StartLine},{node.Span.StartColumn}): '{text}' is not a yyyy-MM-dd date or a year");
        }

        private static bool IsYear(YamlNode? node) => node?.Value is { Length: 4 } text && text.All(char.IsDigit);
    }
}
