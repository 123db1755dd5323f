using System.Collections.Generic;

namespace PlatformFit.Core.Model
{
    /// <summary>The deploy tool a config file belongs to.</summary>
    public enum ConfigFormat
    {
        Unknown,
        ServerlessFramework,
        CloudFormation,
        LambdaToolsDefaults,

        /// <summary>An AWS CDK app's C# source (read by the analyzers assembly, which has the C# parser).</summary>
        AwsCdk,
    }

    /// <summary>What reading one config file produced: the units it declares and any problems on the way.</summary>
    public sealed class ConfigReadResult
    {
        public ConfigReadResult(string path, ConfigFormat format, IReadOnlyList<DeploymentUnit> units, IReadOnlyList<ConfigProblem> problems)
        {
            Path = path;
            Format = format;
            Units = units;
            Problems = problems;
        }

        public string Path { get; }

        public ConfigFormat Format { get; }

        public IReadOnlyList<DeploymentUnit> Units { get; }

        public IReadOnlyList<ConfigProblem> Problems { get; }

        /// <summary>
        /// The template this file deploys, when it deploys one instead of declaring units itself
        /// (<c>aws-lambda-tools-defaults.json</c> with <c>template</c>: <c>dotnet lambda deploy-serverless</c>).
        /// The host reads that template with <see cref="TemplateDeployment.Parameters"/> as parameter overrides.
        /// </summary>
        public TemplateDeployment? DeployedTemplate { get; init; }

        public static ConfigReadResult Failed(string path, ConfigFormat format, ConfigProblem problem) =>
            new(path, format, System.Array.Empty<DeploymentUnit>(), new[] { problem });
    }
}
