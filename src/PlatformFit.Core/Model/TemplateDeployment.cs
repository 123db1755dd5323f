using System.Collections.Generic;

namespace PlatformFit.Core.Model
{
    /// <summary>
    /// A config file that deploys a CloudFormation or SAM template rather than a function of its own
    /// (<c>"template": "serverless.template"</c> in <c>aws-lambda-tools-defaults.json</c>).
    /// </summary>
    /// <param name="Template">The template path as the file writes it, with its place.</param>
    /// <param name="TemplatePath">The template's path resolved against the config file's folder.</param>
    /// <param name="Parameters">
    /// Parameter overrides the deploy passes (<c>template-parameters</c>, <c>Key1=Value1;Key2=Value2</c>); they win over
    /// the template's <c>Default</c>s.
    /// </param>
    public sealed record TemplateDeployment(ConfigValue<string> Template, string TemplatePath, IReadOnlyDictionary<string, string> Parameters)
    {
        /// <summary>Where the parameter overrides are written; null when the file has none.</summary>
        public ConfigSpan? ParametersSpan { get; init; }
    }
}
