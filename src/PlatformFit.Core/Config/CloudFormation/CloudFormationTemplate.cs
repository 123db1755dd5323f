using System;
using System.Collections.Generic;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.CloudFormation
{
    /// <summary>One entry of a template's <c>Resources</c>: its logical id, type, properties and resource attributes.</summary>
    internal sealed class TemplateResource
    {
        public TemplateResource(YamlNode key, YamlNode body, string type)
        {
            Key = key;
            Body = body;
            Type = type;
        }

        /// <summary>The logical id's key node: where the resource is declared.</summary>
        public YamlNode Key { get; }

        public string LogicalId => Key.Value ?? string.Empty;

        public YamlNode Body { get; }

        public string Type { get; }

        public YamlNode? Properties => Body["Properties"] is { IsMapping: true } properties ? properties : null;

        public YamlNode? Property(string name) => Properties?[name];

        public bool Is(string type) => string.Equals(Type, type, StringComparison.Ordinal);
    }

    /// <summary>The sections of a CloudFormation or SAM template that reading units needs, indexed once.</summary>
    internal sealed class CloudFormationTemplate
    {
        private readonly Dictionary<string, YamlNode> parameters;
        private readonly Dictionary<string, TemplateResource> resourcesById;

        private CloudFormationTemplate(YamlNode root, Dictionary<string, YamlNode> parameters, List<TemplateResource> resources)
        {
            Root = root;
            this.parameters = parameters;
            Resources = resources;
            resourcesById = new Dictionary<string, TemplateResource>(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                resourcesById[resource.LogicalId] = resource;
            }
        }

        public YamlNode Root { get; }

        public YamlNode? Mappings => Root["Mappings"] is { IsMapping: true } mappings ? mappings : null;

        /// <summary>The <c>Globals</c> section's entry for a SAM resource kind (<c>Function</c>), with its key.</summary>
        public YamlEntry? Globals(string kind) => Root["Globals"] is { IsMapping: true } globals ? globals.Find(kind) : null;

        /// <summary>Resources in the order the file declares them.</summary>
        public IReadOnlyList<TemplateResource> Resources { get; }

        public YamlNode? Parameter(string name) => parameters.TryGetValue(name, out var parameter) ? parameter : null;

        public TemplateResource? Resource(string logicalId) => resourcesById.TryGetValue(logicalId, out var resource) ? resource : null;

        public static CloudFormationTemplate Index(YamlNode root, string path, List<ConfigProblem> problems)
        {
            var parameters = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            if (root["Parameters"] is { IsMapping: true } parameterSection)
            {
                foreach (var entry in parameterSection.Entries)
                {
                    if (entry.Key.Value is { } name && entry.Value.IsMapping)
                    {
                        parameters[name] = entry.Value;
                    }
                }
            }

            var resources = new List<TemplateResource>();
            var section = root.Find("Resources");
            if (section is not null && !section.Value.IsMapping && !section.Value.IsNull)
            {
                problems.Add(Problem(path, section.Key, ProblemLevel.Warning, "'Resources' is not a mapping; no resource was read"));
            }

            foreach (var entry in section?.Value.Entries ?? Array.Empty<YamlEntry>())
            {
                var id = entry.Key.Value;
                if (id is null || !entry.Key.IsScalar)
                {
                    continue;
                }

                if (id.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
                {
                    problems.Add(Problem(path, entry.Key, ProblemLevel.Note, $"'{id}' (AWS::LanguageExtensions) is expanded at deploy time; the resources it makes are not read"));
                    continue;
                }

                var body = entry.Value;
                var type = body.IsMapping ? body["Type"] : null;
                if (type is null || !type.IsScalar || type.Tag is not null || string.IsNullOrEmpty(type.Value))
                {
                    problems.Add(Problem(path, entry.Key, ProblemLevel.Warning, $"resource '{id}' has no literal 'Type' and was skipped"));
                    continue;
                }

                resources.Add(new TemplateResource(entry.Key, body, type.Value!));
            }

            return new CloudFormationTemplate(root, parameters, resources);
        }

        private static ConfigProblem Problem(string path, YamlNode at, ProblemLevel level, string message) =>
            new(path, at.Span.StartLine, at.Span.StartColumn, level, message);
    }
}
