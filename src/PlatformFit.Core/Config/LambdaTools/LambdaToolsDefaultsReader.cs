using System;
using System.Collections.Generic;
using System.Globalization;
using PlatformFit.Core.Config.Json;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Config.LambdaTools
{
    /// <summary>
    /// Reads <c>aws-lambda-tools-defaults.json</c>, the defaults file of the .NET Lambda tools (<c>dotnet lambda</c>,
    /// the Visual Studio wizard). Each key is a command-line switch without <c>--</c> (PLATFORMS.md §6.6).
    /// With <c>template</c> set the file drives <c>deploy-serverless</c>: it declares no unit itself but names the
    /// template and its <c>template-parameters</c> (<see cref="ConfigReadResult.DeployedTemplate"/>). Otherwise it
    /// drives <c>deploy-function</c>: one unit, named by <c>function-name</c> or else the project folder, whose
    /// artifact is that folder. The tool has no defaults for absent memory or timeout (it asks or fails), so
    /// they stay absent.
    /// </summary>
    public static class LambdaToolsDefaultsReader
    {
        public const string FileName = "aws-lambda-tools-defaults.json";

        private const string ToolDefaultsKey = "lambda-tools";

        /// <summary>The keys that describe a function for <c>deploy-function</c>; a file with none of them declares no function.</summary>
        private static readonly string[] FunctionKeys =
        {
            "function-name", "function-handler", "function-runtime", "function-memory-size", "function-timeout", "function-architecture",
            "image-command", "package-type", "ephemerals-storage-size", "function-url-enable",
        };

        public static ConfigReadResult Read(string path, string text, ConfigReadContext context)
        {
            var problems = new List<ConfigProblem>();
            text = LenientJson.BlankCommentsAndTabs(text, out var unterminated);
            if (unterminated >= 0)
            {
                problems.Add(new ConfigProblem(path, 1, 1, ProblemLevel.Warning, "a '/*' comment is never closed; the rest of the file was ignored"));
            }

            var loaded = YamlDocumentLoader.Load(path, text);
            problems.AddRange(loaded.Problems);
            var root = loaded.Documents.Count > 0 ? loaded.Documents[0] : null;
            if (root is null || !root.IsMapping)
            {
                if (!problems.Exists(p => p.Level == ProblemLevel.Error))
                {
                    problems.Add(new ConfigProblem(path, root?.Span.StartLine ?? 1, root?.Span.StartColumn ?? 1, ProblemLevel.Error,
                        "not a Lambda tools defaults file: it holds no JSON object"));
                }

                return new ConfigReadResult(path, ConfigFormat.LambdaToolsDefaults, Array.Empty<DeploymentUnit>(), problems);
            }

            var template = root.Find("template");
            if (template is not null && Text(template.Value).TryGetValue(out var templatePath) && templatePath.Trim().Length > 0)
            {
                return ReadServerlessDeployment(path, root, template.Value, templatePath.Trim(), problems);
            }

            var units = new List<DeploymentUnit>();
            if (DeclaresFunction(root))
            {
                units.Add(ReadFunction(path, root, problems));
            }
            else
            {
                problems.Add(new ConfigProblem(path, root.Span.StartLine, root.Span.StartColumn, ProblemLevel.Note,
                    "names neither a template nor a function; no unit is read from it"));
            }

            return new ConfigReadResult(path, ConfigFormat.LambdaToolsDefaults, units, problems);
        }

        /// <summary>
        /// Parses <c>Key1=Value1;Key2=Value2</c> as the tools do: a key runs to <c>=</c>, a value to <c>;</c>, either may
        /// be double-quoted to hold those characters, and nothing is trimmed. Null when a key is empty (the tool fails).
        /// </summary>
        public static IReadOnlyDictionary<string, string>? ParseKeyValuePairs(string text)
        {
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(text))
            {
                return pairs;
            }

            var position = 0;
            while (position < text.Length)
            {
                var key = NextToken(text, '=', ref position);
                var value = NextToken(text, ';', ref position);
                if (key.Length == 0)
                {
                    return null;
                }

                pairs[key] = value;
            }

            return pairs;
        }

        private static string NextToken(string text, char end, ref int position)
        {
            if (position >= text.Length)
            {
                return string.Empty;
            }

            string token;
            if (text[position] == '"')
            {
                var close = text.IndexOf('"', position + 1);
                token = close < 0 ? text.Substring(position + 1) : text.Substring(position + 1, close - position - 1);
                var next = close < 0 ? -1 : text.IndexOf(end, close + 1);
                position = next < 0 ? text.Length : next + 1;
                return token;
            }

            var stop = text.IndexOf(end, position);
            token = stop < 0 ? text.Substring(position) : text.Substring(position, stop - position);
            position = stop < 0 ? text.Length : stop + 1;
            return token;
        }

        private static ConfigReadResult ReadServerlessDeployment(string path, YamlNode root, YamlNode template, string templatePath, List<ConfigProblem> problems)
        {
            var parameters = (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal);
            var parametersNode = root["template-parameters"];
            if (parametersNode is not null && Text(parametersNode).TryGetValue(out var parametersText))
            {
                var parsed = ParseKeyValuePairs(parametersText);
                if (parsed is null)
                {
                    problems.Add(new ConfigProblem(path, parametersNode.Span.StartLine, parametersNode.Span.StartColumn, ProblemLevel.Warning,
                        "template-parameters is not 'Key1=Value1;Key2=Value2' (a key is empty); the tools refuse it, and it was ignored"));
                }
                else
                {
                    parameters = parsed;
                }
            }

            foreach (var entry in root.Entries)
            {
                if (entry.Key.Value is { } key && Array.IndexOf(FunctionKeys, key) >= 0 && key != "function-architecture")
                {
                    problems.Add(new ConfigProblem(path, entry.Key.Span.StartLine, entry.Key.Span.StartColumn, ProblemLevel.Note,
                        $"'{key}' is not used by deploy-serverless: the template's value is deployed"));
                }
            }

            var deployment = new TemplateDeployment(ConfigValue<string>.Known(templatePath, template.Span), ConfigPaths.Resolve(path, templatePath), parameters)
            {
                ParametersSpan = parametersNode?.Span,
            };
            return new ConfigReadResult(path, ConfigFormat.LambdaToolsDefaults, Array.Empty<DeploymentUnit>(), problems) { DeployedTemplate = deployment };
        }

        private static bool DeclaresFunction(YamlNode root)
        {
            foreach (var key in FunctionKeys)
            {
                if (root.Find(key) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static DeploymentUnit ReadFunction(string path, YamlNode root, List<ConfigProblem> problems)
        {
            var nameEntry = root.Find("function-name");
            var name = nameEntry is not null && Text(nameEntry.Value).TryGetValue(out var written) && written.Length > 0
                ? written
                : FolderName(path);
            var declaration = nameEntry?.Value.Span ?? root.Find("function-handler")?.Key.Span ?? FirstCharacter(path, root);

            var defaults = PlatformProfiles.AwsLambda.ToolDefaultsFor(ToolDefaultsKey);
            var packageTypeValue = Text(root["package-type"]);
            var isImage = packageTypeValue.TryGetValue(out var packageType) && string.Equals(packageType, "image", StringComparison.OrdinalIgnoreCase);
            var handler = Text(root["function-handler"]);
            if (handler.State == ValueState.Absent && isImage)
            {
                // An image function's handler is the image command (the CMD the base image's entry point runs).
                handler = Text(root["image-command"]);
            }

            if (root.Find("ephemeral-storage-size") is { } misspelt && root.Find("ephemerals-storage-size") is null)
            {
                problems.Add(new ConfigProblem(path, misspelt.Key.Span.StartLine, misspelt.Key.Span.StartColumn, ProblemLevel.Warning,
                    "the Lambda tools do not read 'ephemeral-storage-size'; their switch is spelt 'ephemerals-storage-size', so /tmp stays at its default"));
            }

            return new DeploymentUnit(name, PlatformProfiles.AwsLambdaId, path, declaration)
            {
                Handler = handler,
                Runtime = Text(root["function-runtime"]),
                Architecture = Text(root["function-architecture"]),
                MemoryMb = Defaulted(Number(path, root["function-memory-size"], problems), defaults.MemoryMb),
                TimeoutSeconds = Defaulted(Number(path, root["function-timeout"], problems), defaults.TimeoutSeconds),
                EphemeralStorageMb = Number(path, root["ephemerals-storage-size"], problems),

                // deploy-function builds the project in the current folder: the folder this file sits in.
                Artifact = ConfigValue<string>.Known(".", null, ValueOrigin.ToolDefault),
                FrontDoors = FunctionUrl(root),
                PackageType = packageTypeValue,
            };
        }

        private static FrontDoor[] FunctionUrl(YamlNode root)
        {
            var url = root.Find("function-url-enable");
            return url is not null && Text(url.Value).TryGetValue(out var enabled) && string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase)
                ? new[] { new FrontDoor(FrontDoorKind.FunctionUrl, "function-url-enable", url.Key.Span) }
                : Array.Empty<FrontDoor>();
        }

        private static ConfigValue<string> Text(YamlNode? node)
        {
            if (node is null || node.IsNull)
            {
                return ConfigValue<string>.Absent;
            }

            return node.IsScalar
                ? ConfigValue<string>.Known(node.Value ?? string.Empty, node.Span)
                : ConfigValue<string>.Unknown("not a single value", node.Span);
        }

        /// <summary>A JSON number or a string holding one (<c>512</c> or <c>"512"</c>); an empty string is absent, as the tools treat it.</summary>
        private static ConfigValue<int> Number(string path, YamlNode? node, List<ConfigProblem> problems)
        {
            var text = Text(node);
            if (!text.IsKnown)
            {
                return text.State == ValueState.Absent ? ConfigValue<int>.Absent : ConfigValue<int>.Unknown(text.UnknownReason!, text.Span);
            }

            if (text.Value.Trim().Length == 0)
            {
                return ConfigValue<int>.Absent;
            }

            if (int.TryParse(text.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return ConfigValue<int>.Known(number, text.Span);
            }

            var message = $"'{text.Value}' is not a whole number";
            problems.Add(new ConfigProblem(path, node!.Span.StartLine, node.Span.StartColumn, ProblemLevel.Warning, message));
            return ConfigValue<int>.Unknown(message, text.Span);
        }

        private static ConfigValue<int> Defaulted(ConfigValue<int> value, int? fallback) =>
            value.State == ValueState.Absent && fallback is int known ? ConfigValue<int>.Known(known, null, ValueOrigin.ToolDefault) : value;

        private static string FolderName(string path)
        {
            var directory = ConfigPaths.DirectoryOf(path);
            var slash = directory.LastIndexOf('/');
            var name = slash < 0 ? directory : directory.Substring(slash + 1);
            return name.Length > 0 ? name : FileName;
        }

        private static ConfigSpan FirstCharacter(string path, YamlNode root) =>
            new(path, root.Span.Start, 1, root.Span.StartLine, root.Span.StartColumn, root.Span.StartLine, root.Span.StartColumn + 1);
    }
}
