using System;
using System.Collections.Generic;

namespace PlatformFit.Core.Config
{
    /// <summary>
    /// What a config reader may know beyond the file itself: the deploy options a user would pass (stage,
    /// <c>--opt</c> values), the environment variables of the deploy, and other files of the repository (for
    /// <c>${file(…)}</c>). Core does no I/O: the host supplies files through <see cref="ReadFile"/>.
    /// </summary>
    public sealed class ConfigReadContext
    {
        private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

        public static ConfigReadContext Default { get; } = new();

        /// <summary>The stage to resolve for (Serverless <c>--stage</c>); null means the file's or the tool's default.</summary>
        public string? Stage { get; init; }

        /// <summary>Deploy command options by name, for <c>${opt:name}</c>.</summary>
        public IReadOnlyDictionary<string, string> Options { get; init; } = None;

        /// <summary>The deploy's environment variables, for <c>${env:NAME}</c>. The scanning machine's own are not used.</summary>
        public IReadOnlyDictionary<string, string> Environment { get; init; } = None;

        /// <summary>Serverless <c>--param</c> values, for <c>${param:name}</c>; they win over the file's <c>params</c>.</summary>
        public IReadOnlyDictionary<string, string> Parameters { get; init; } = None;

        /// <summary>
        /// CloudFormation parameter values the deploy passes (<c>--parameter-overrides</c>, the Lambda tools'
        /// <c>template-parameters</c>); a <c>Ref</c> to a parameter takes one of these before the template's <c>Default</c>.
        /// </summary>
        public IReadOnlyDictionary<string, string> TemplateParameters { get; init; } = None;

        /// <summary>Reads another file of the repository by its full path; null when it is not available.</summary>
        public Func<string, string?> ReadFile { get; init; } = _ => null;

        /// <summary>This context with <paramref name="parameters"/> as the template parameter overrides.</summary>
        public ConfigReadContext WithTemplateParameters(IReadOnlyDictionary<string, string> parameters) => new()
        {
            Stage = Stage,
            Options = Options,
            Environment = Environment,
            Parameters = Parameters,
            TemplateParameters = parameters,
            ReadFile = ReadFile,
        };
    }
}
