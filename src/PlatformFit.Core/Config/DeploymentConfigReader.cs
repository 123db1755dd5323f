using System;
using PlatformFit.Core.Config.Serverless;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config
{
    /// <summary>
    /// The one entry point for every host: recognises a deployment config by its name and reads it into units.
    /// Bad input never throws: it comes back as <see cref="ConfigReadResult.Problems"/> naming the file and line.
    /// </summary>
    public static class DeploymentConfigReader
    {
        /// <summary>Files above this many characters are not parsed (a 93 k-line template is about 3 M).</summary>
        public const int MaxCharacters = 32 * 1024 * 1024;

        /// <summary>The config format a file name says, or <see cref="ConfigFormat.Unknown"/> for other files.</summary>
        public static ConfigFormat Recognize(string path)
        {
            var name = FileName(path);
            return name.ToLowerInvariant() switch
            {
                "serverless.yml" or "serverless.yaml" or "serverless.json" => ConfigFormat.ServerlessFramework,
                "aws-lambda-tools-defaults.json" => ConfigFormat.LambdaToolsDefaults,
                _ => ConfigFormat.Unknown,
            };
        }

        public static ConfigReadResult Read(string path, string text, ConfigReadContext context)
        {
            var format = Recognize(path);
            if (text.Length > MaxCharacters)
            {
                return ConfigReadResult.Failed(path, format, new ConfigProblem(path, 1, 1, ProblemLevel.Error,
                    $"the file has {text.Length:N0} characters, more than the {MaxCharacters:N0} PlatformFit reads; it was skipped"));
            }

            try
            {
                return format switch
                {
                    ConfigFormat.ServerlessFramework => ServerlessConfigReader.Read(path, text, context),

                    // Read for now only by the wiring rules, for the publish switches of the project beside it
                    // (Rules/Config/ProjectBuild); its function-* values are not turned into units yet.
                    ConfigFormat.LambdaToolsDefaults => new ConfigReadResult(path, format, Array.Empty<DeploymentUnit>(), Array.Empty<ConfigProblem>()),
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
