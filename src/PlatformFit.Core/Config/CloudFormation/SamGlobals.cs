using System;
using System.Collections.Generic;
using PlatformFit.Core.Config.Yaml;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>
    /// SAM's <c>Globals</c> merge (samtranslator <c>plugins/globals/globals.py</c>, PLATFORMS.md §6.2): a primitive, or
    /// any function call, is replaced by the resource's value; mappings are merged key by key with the resource
    /// winning; lists are concatenated, Globals first; when the two differ in kind the resource's value wins.
    /// The merged properties keep the original nodes, so every value still has the span it was written at, and the
    /// nodes that came from Globals are collected so that their values carry the origin Inherited.
    /// </summary>
    internal static class SamGlobals
    {
        /// <summary>The properties <c>Globals.Function</c> may hold (globals.py); others make SAM reject the template.</summary>
        private static readonly HashSet<string> FunctionProperties = new(StringComparer.Ordinal)
        {
            "Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig", "Environment",
            "Tags", "PropagateTags", "Tracing", "KmsKeyArn", "AutoPublishAlias", "AutoPublishAliasAllProperties", "Layers",
            "DeploymentPreference", "RolePath", "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn", "Architectures", "SnapStart",
            "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn",
            "TenancyConfig", "DurableConfig", "CapacityProviderConfig", "FunctionScalingConfig", "PublishToLatestPublished",
            "VersionDeletionPolicy",
        };

        public static bool IsFunctionProperty(string key) => FunctionProperties.Contains(key);

        private enum Shape
        {
            Primitive,
            Map,
            List,
        }

        /// <summary>
        /// The resource's properties with <paramref name="globals"/> merged in; <paramref name="inherited"/> receives
        /// every node that came from Globals. <paramref name="ignored"/> are the keys the resource's
        /// <c>IgnoreGlobals</c> opts out of (null: none; containing <c>*</c>: all).
        /// </summary>
        public static YamlNode? Merge(YamlNode? globals, YamlNode? local, ISet<YamlNode> inherited, ICollection<string>? ignored)
        {
            if (globals is null || !globals.IsMapping || (ignored?.Contains("*") ?? false))
            {
                return local;
            }

            var usable = new List<YamlEntry>();
            foreach (var entry in globals.Entries)
            {
                if (entry.Key.Value is { } key && FunctionProperties.Contains(key) && !(ignored?.Contains(key) ?? false))
                {
                    usable.Add(entry);
                }
            }

            var effectiveGlobals = new YamlNode(YamlNodeKind.Mapping, globals.Span, null, null, false) { Entries = usable };
            if (local is null || local.IsNull)
            {
                MarkInherited(effectiveGlobals, inherited);
                return effectiveGlobals;
            }

            return MergeValues(effectiveGlobals, local, inherited);
        }

        private static YamlNode MergeValues(YamlNode global, YamlNode local, ISet<YamlNode> inherited)
        {
            var shape = ShapeOf(global);
            if (shape != ShapeOf(local) || shape == Shape.Primitive)
            {
                return local;
            }

            if (shape == Shape.List)
            {
                var items = new List<YamlNode>(global.Items.Count + local.Items.Count);
                foreach (var item in global.Items)
                {
                    MarkInherited(item, inherited);
                    items.Add(item);
                }

                items.AddRange(local.Items);
                return new YamlNode(YamlNodeKind.Sequence, local.Span, null, null, false) { Items = items };
            }

            var entries = new List<YamlEntry>(global.Entries.Count + local.Entries.Count);
            foreach (var entry in global.Entries)
            {
                var own = entry.Key.Value is { } key ? local.Find(key) : null;
                if (own is null)
                {
                    MarkInherited(entry.Key, inherited);
                    MarkInherited(entry.Value, inherited);
                    entries.Add(entry);
                }
                else
                {
                    entries.Add(new YamlEntry(own.Key, MergeValues(entry.Value, own.Value, inherited)));
                }
            }

            foreach (var entry in local.Entries)
            {
                if (entry.Key.Value is not { } key || global.Find(key) is null)
                {
                    entries.Add(entry);
                }
            }

            return new YamlNode(YamlNodeKind.Mapping, local.Span, null, null, false) { Entries = entries };
        }

        /// <summary>Function calls are primitives to SAM: they resolve to a single value when the stack is created.</summary>
        private static Shape ShapeOf(YamlNode node) =>
            IntrinsicCall.Of(node) is not null || node.IsScalar ? Shape.Primitive : node.IsMapping ? Shape.Map : Shape.List;

        private static void MarkInherited(YamlNode root, ISet<YamlNode> inherited)
        {
            var pending = new Stack<YamlNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                if (!inherited.Add(node))
                {
                    continue;
                }

                foreach (var entry in node.Entries)
                {
                    pending.Push(entry.Key);
                    pending.Push(entry.Value);
                }

                foreach (var item in node.Items)
                {
                    pending.Push(item);
                }
            }
        }
    }
}
