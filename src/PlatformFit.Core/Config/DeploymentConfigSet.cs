using System;
using System.Collections.Generic;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config
{
    /// <summary>A config file's path and decoded text, as a host hands it to Core.</summary>
    public sealed record ConfigText(string Path, string Text);

    /// <summary>
    /// Reads a repository's deployment configs together, the way the deploy tools combine them: a template that an
    /// <c>aws-lambda-tools-defaults.json</c> deploys (<c>"template"</c>) is read with that file's
    /// <c>template-parameters</c> as parameter overrides. Every host reads through here, so the IDE and the CLI
    /// see the same units.
    /// </summary>
    public static class DeploymentConfigSet
    {
        /// <summary>Reads one config with a context; hosts pass a caching reader.</summary>
        public delegate ConfigReadResult Reader(string path, string text, ConfigReadContext context);

        public static IReadOnlyList<ConfigReadResult> ReadAll(IReadOnlyList<ConfigText> files, ConfigReadContext context, Reader? read = null)
        {
            read ??= DeploymentConfigReader.Read;
            var results = new ConfigReadResult?[files.Count];
            var parametersByTemplate = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

            // Tools-defaults files first: they say with which parameters a template is deployed.
            for (var index = 0; index < files.Count; index++)
            {
                var file = files[index];
                if (DeploymentConfigReader.Recognize(file.Path) != ConfigFormat.LambdaToolsDefaults)
                {
                    continue;
                }

                var result = read(file.Path, file.Text, context);
                results[index] = result;
                if (result.DeployedTemplate is { Parameters.Count: > 0 } deployed)
                {
                    var key = ConfigPaths.Normalize(deployed.TemplatePath);
                    if (!parametersByTemplate.ContainsKey(key))
                    {
                        parametersByTemplate[key] = deployed.Parameters;
                    }
                }
            }

            for (var index = 0; index < files.Count; index++)
            {
                if (results[index] is not null)
                {
                    continue;
                }

                var file = files[index];
                var fileContext = parametersByTemplate.TryGetValue(ConfigPaths.Normalize(file.Path), out var parameters)
                    ? context.WithTemplateParameters(parameters)
                    : context;
                results[index] = read(file.Path, file.Text, fileContext);
            }

            var all = new List<ConfigReadResult>(files.Count);
            foreach (var result in results)
            {
                all.Add(result!);
            }

            return all;
        }
    }
}
