using System;
using System.Collections.Generic;
using PlatformFit.Core.Config.Json;
using PlatformFit.Core.Config.LambdaTools;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// What a project's build produces, as far as the wiring rules need it: the target framework, whether the app
    /// rolls forward or carries its own runtime, and the runtime identifier it is built for. Read from the project's
    /// MSBuild properties (the hosts pass them as <c>build_property.*</c>) and from the <c>msbuild-parameters</c> and
    /// <c>function-architecture</c> of an <c>aws-lambda-tools-defaults.json</c> beside the project, which
    /// <c>dotnet lambda package</c> passes to <c>dotnet publish</c> (the custom-runtime blueprint keeps
    /// <c>--self-contained true</c> there, not in the project file).
    /// </summary>
    public sealed class ProjectBuild
    {
        public const string LambdaToolsDefaultsFileName = LambdaToolsDefaultsReader.FileName;

        private static readonly char[] Whitespace = { ' ', '\t', '\r', '\n' };

        /// <summary>The framework the build compiles, e.g. <c>net8.0</c>.</summary>
        public string? TargetFramework { get; init; }

        /// <summary>Every framework of a multi-targeted project; empty when the project names one.</summary>
        public IReadOnlyList<string> TargetFrameworks { get; init; } = Array.Empty<string>();

        public string? RollForward { get; init; }

        /// <summary>The app carries its own .NET runtime (self-contained, trimmed or native AOT).</summary>
        public bool SelfContained { get; init; }

        public bool PublishAot { get; init; }

        /// <summary>The runtime identifier the published code is built for, e.g. <c>linux-arm64</c>.</summary>
        public string? RuntimeIdentifier { get; init; }

        /// <summary>Where <see cref="RuntimeIdentifier"/> comes from, for messages.</summary>
        public string? RuntimeIdentifierSource { get; init; }

        /// <summary>
        /// Reads the facts. <paramref name="property"/> returns an MSBuild property by its lower-case name (null or
        /// empty when unset); <paramref name="lambdaToolsDefaults"/> is the text of the project's
        /// <c>aws-lambda-tools-defaults.json</c>, if it has one.
        /// </summary>
        public static ProjectBuild Read(Func<string, string?> property, string? lambdaToolsDefaults, ArchitectureSupport? architectures)
        {
            var tools = ToolsSwitches.Read(lambdaToolsDefaults);
            var projectRid = Blank(property("runtimeidentifier"));
            string? rid = projectRid;
            string? ridSource = projectRid is null ? null : "RuntimeIdentifier in the project";
            if (tools.RuntimeIdentifier is not null)
            {
                rid = tools.RuntimeIdentifier;
                ridSource = $"msbuild-parameters in {LambdaToolsDefaultsFileName}";
            }
            else if (tools.Architecture is not null && architectures is not null
                && architectures.RuntimeIdentifierSuffixes.TryGetValue(tools.Architecture, out var suffix))
            {
                // dotnet lambda package publishes for the architecture it deploys to.
                rid = "linux-" + suffix;
                ridSource = $"function-architecture {tools.Architecture} in {LambdaToolsDefaultsFileName}";
            }

            var publishAot = IsTrue(property("publishaot")) || tools.PublishAot;
            return new ProjectBuild
            {
                TargetFramework = Blank(property("targetframework")),
                TargetFrameworks = Split(property("targetframeworks")),
                RollForward = Blank(property("rollforward")),
                SelfContained = IsTrue(property("selfcontained")) || IsTrue(property("publishtrimmed")) || publishAot || tools.SelfContained,
                PublishAot = publishAot,
                RuntimeIdentifier = rid,
                RuntimeIdentifierSource = ridSource,
            };
        }

        private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static List<string> Split(string? value)
        {
            var frameworks = new List<string>();
            foreach (var part in (value ?? string.Empty).Split(';'))
            {
                if (part.Trim() is { Length: > 0 } framework)
                {
                    frameworks.Add(framework);
                }
            }

            return frameworks;
        }

        /// <summary>The publish switches an <c>aws-lambda-tools-defaults.json</c> passes.</summary>
        private sealed class ToolsSwitches
        {
            public bool SelfContained { get; private set; }

            public bool PublishAot { get; private set; }

            public string? RuntimeIdentifier { get; private set; }

            public string? Architecture { get; private set; }

            public static ToolsSwitches Read(string? text)
            {
                var switches = new ToolsSwitches();
                if (string.IsNullOrWhiteSpace(text))
                {
                    return switches;
                }

                // JSON is YAML: the config loader reads it without a second parser (and without throwing on bad input),
                // once the comments the .NET Lambda tools accept are blanked.
                var loaded = YamlDocumentLoader.Load(LambdaToolsDefaultsFileName, LenientJson.BlankCommentsAndTabs(text!, out _));
                if (loaded.Documents.Count != 1 || !loaded.Documents[0].IsMapping)
                {
                    return switches;
                }

                var root = loaded.Documents[0];
                switches.Architecture = Blank(root["function-architecture"]?.Value);
                var tokens = (root["msbuild-parameters"]?.Value ?? string.Empty).Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < tokens.Length; i++)
                {
                    var token = tokens[i].Trim('"', '\'');
                    var next = i + 1 < tokens.Length ? tokens[i + 1].Trim('"', '\'') : null;
                    switch (token.ToLowerInvariant())
                    {
                        case "--self-contained":
                        case "--sc":
                            switches.SelfContained = next is null || !string.Equals(next, "false", StringComparison.OrdinalIgnoreCase);
                            break;
                        case "-r":
                        case "--runtime":
                            switches.RuntimeIdentifier = next;
                            break;
                        default:
                            ReadProperty(token, switches);
                            break;
                    }
                }

                return switches;
            }

            /// <summary><c>-p:Name=Value</c>, <c>/p:Name=Value</c>, <c>--property:Name=Value</c>.</summary>
            private static void ReadProperty(string token, ToolsSwitches switches)
            {
                var colon = token.IndexOf(':');
                var equals = token.IndexOf('=');
                if (colon < 0 || equals < colon)
                {
                    return;
                }

                var prefix = token.Substring(0, colon).ToLowerInvariant();
                if (prefix is not ("-p" or "/p" or "--property" or "-property" or "/property"))
                {
                    return;
                }

                var name = token.Substring(colon + 1, equals - colon - 1);
                var value = token.Substring(equals + 1);
                switch (name.ToLowerInvariant())
                {
                    case "selfcontained":
                        switches.SelfContained = IsTrue(value);
                        break;
                    case "publishaot":
                        switches.PublishAot = IsTrue(value);
                        break;
                    case "runtimeidentifier":
                        switches.RuntimeIdentifier = Blank(value);
                        break;
                }
            }
        }
    }
}
