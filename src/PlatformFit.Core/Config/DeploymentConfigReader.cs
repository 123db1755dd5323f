using System;
using PlatformFit.Core.Config.CloudFormation;
using PlatformFit.Core.Config.LambdaTools;
using PlatformFit.Core.Config.Serverless;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config
{
    /// <summary>
    /// The one entry point for every host: recognises a deployment config by its name (and, given its text, by its
    /// content) and reads it into units. Bad input never throws: it comes back as
    /// <see cref="ConfigReadResult.Problems"/> naming the file and line.
    /// </summary>
    public static class DeploymentConfigReader
    {
        /// <summary>Files above this many characters are not parsed (a 93 k-line template is about 3 M).</summary>
        public const int MaxCharacters = 32 * 1024 * 1024;

        /// <summary>
        /// The config format a file name says, or <see cref="ConfigFormat.Unknown"/> for other files. For hosts that
        /// must decide before reading; a host that has the text should ask <see cref="Recognize(string, string)"/>.
        /// </summary>
        public static ConfigFormat Recognize(string path)
        {
            var name = FileName(path).ToLowerInvariant();
            switch (name)
            {
                case "serverless.yml":
                case "serverless.yaml":
                case "serverless.json":
                    return ConfigFormat.ServerlessFramework;
                case "template.yaml":
                case "template.yml":
                case "serverless.template":
                    return ConfigFormat.CloudFormation;
                case LambdaToolsDefaultsReader.FileName:
                    return ConfigFormat.LambdaToolsDefaults;
                default:
                    return name.EndsWith(".template.json", StringComparison.Ordinal) ? ConfigFormat.CloudFormation : ConfigFormat.Unknown;
            }
        }

        /// <summary>
        /// The config format of a file by its name and, for files the name does not settle, its content: any
        /// <c>.yaml</c>, <c>.yml</c>, <c>.json</c> or <c>.template</c> file that is a CloudFormation template by its
        /// first few kilobytes, any <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file that is a Serverless service (the file
        /// a <c>--config</c> names), and a <c>serverless.yml</c> that is in fact a template (SAM samples name them so).
        /// </summary>
        public static ConfigFormat Recognize(string path, string text)
        {
            var byName = Recognize(path);
            if (byName == ConfigFormat.ServerlessFramework)
            {
                return CloudFormationTemplateReader.LooksLikeTemplate(text) ? ConfigFormat.CloudFormation : byName;
            }

            if (byName != ConfigFormat.Unknown)
            {
                return byName;
            }

            var name = FileName(path).ToLowerInvariant();
            var yamlOrJson = name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal) ||
                name.EndsWith(".json", StringComparison.Ordinal);
            if ((yamlOrJson || name.EndsWith(".template", StringComparison.Ordinal)) && CloudFormationTemplateReader.LooksLikeTemplate(text))
            {
                return ConfigFormat.CloudFormation;
            }

            // A service under another name, for `serverless deploy --config serverless.prod.yml`.
            return yamlOrJson && ServerlessConfigReader.LooksLikeService(text) ? ConfigFormat.ServerlessFramework : ConfigFormat.Unknown;
        }

        public static ConfigReadResult Read(string path, string text, ConfigReadContext context)
        {
            if (text.Length > MaxCharacters)
            {
                return ConfigReadResult.Failed(path, Recognize(path), new ConfigProblem(path, 1, 1, ProblemLevel.Error,
                    $"the file has {text.Length:N0} characters, more than the {MaxCharacters:N0} PlatformFit reads; it was skipped"));
            }

            var format = ConfigFormat.Unknown;
            try
            {
                format = Recognize(path, text);
                return format switch
                {
                    ConfigFormat.ServerlessFramework => ServerlessConfigReader.Read(path, text, context),
                    ConfigFormat.CloudFormation => CloudFormationTemplateReader.Read(path, text, context),
                    ConfigFormat.LambdaToolsDefaults => LambdaToolsDefaultsReader.Read(path, text, context),
                    _ => ConfigReadResult.Failed(path, format, new ConfigProblem(path, 1, 1, ProblemLevel.Note, "not a deployment config PlatformFit reads")),
                };
            }
#pragma warning disable CA1031 // Bad input is a finding, not a crash: a reader bug must not take the scan down either.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return ConfigReadResult.Failed(path, format, new ConfigProblem(path, 1, 1, ProblemLevel.Error,
                    $"PlatformFit could not read this file ({e.GetType().Name}: {e.Message}); please report it"));
            }
        }

        private static string FileName(string path)
        {
            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
