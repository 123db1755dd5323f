using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF4006: a Lambda Annotations attribute and the <c>serverless.template</c> the source generator wrote from it
    /// disagree — the template was edited by hand, or the attribute changed and the template was not regenerated and
    /// committed. Reported on the attribute's value in code, with the template's line as related location.
    /// <para>
    /// What the generator rewrites on every build is compared, and only that: the memory size and timeout when the
    /// attribute sets them (without them the generator keeps whatever the template has), the package type, the
    /// handler, and the API front door of <c>[RestApi]</c>, <c>[HttpApi]</c> and <c>[FunctionUrl]</c>. A value that
    /// is unknown on either side is never compared.
    /// </para>
    /// </summary>
    public static class GeneratedTemplateDrift
    {
        private static readonly FrontDoorKind[] ApiKinds = { FrontDoorKind.RestApi, FrontDoorKind.HttpApi, FrontDoorKind.FunctionUrl };

        public static IEnumerable<ConfigFinding> Check(GeneratedUnitPair pair, ConfigSpanDisplay display)
        {
            var code = pair.FromCode;
            var template = pair.Generated;
            var findings = new List<ConfigFinding>();
            AddSize(findings, code, template, code.MemoryMb, template.MemoryMb, "memory size", "MemorySize", "MB", display);
            AddSize(findings, code, template, code.TimeoutSeconds, template.TimeoutSeconds, "timeout", "Timeout", "s", display);

            var packageTypeDiffers = AddPackageType(findings, code, template, display);
            if (!packageTypeDiffers)
            {
                AddHandler(findings, code, template, display);
            }

            AddFrontDoors(findings, code, template, display);
            return findings;
        }

        private static void AddSize(
            List<ConfigFinding> findings,
            DeploymentUnit code,
            DeploymentUnit template,
            ConfigValue<int> inCode,
            ConfigValue<int> inTemplate,
            string name,
            string key,
            string unit,
            ConfigSpanDisplay display)
        {
            // Without the property on the attribute the generator writes its default only into a new resource and
            // keeps an existing resource's value: nothing to compare then.
            if (!inCode.TryGetValue(out var codeValue) || inCode.Origin != ValueOrigin.Declared || inCode.Span is not { } codeSpan
                || !inTemplate.TryGetValue(out var templateValue) || codeValue == templateValue)
            {
                return;
            }

            var templateText = inTemplate.Span is null
                ? $"no {key} (the SAM default, {MessageText.Number(templateValue)} {unit})"
                : $"{MessageText.Number(templateValue)} {unit}";
            findings.Add(Finding(code, template, codeSpan, inTemplate.Span ?? template.Declaration, $"The {name}", $"{MessageText.Number(codeValue)} {unit}", templateText, display));
        }

        private static bool AddPackageType(List<ConfigFinding> findings, DeploymentUnit code, DeploymentUnit template, ConfigSpanDisplay display)
        {
            // The generator writes PackageType on every build; a template without it deploys a zip package.
            if (!code.PackageType.TryGetValue(out var codeType) || template.PackageType.State == ValueState.Unknown)
            {
                return false;
            }

            var templateType = template.PackageType.TryGetValue(out var written) ? written : "Zip";
            if (string.Equals(codeType, templateType, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var templateText = template.PackageType.IsKnown ? $"package type {templateType}" : "no PackageType (a Zip package)";
            findings.Add(Finding(
                code,
                template,
                code.PackageType.Span ?? code.Declaration,
                template.PackageType.Span ?? template.Declaration,
                "The package type",
                $"{codeType}{(code.PackageType.Origin == ValueOrigin.ToolDefault ? " (no PackageType is set)" : string.Empty)}",
                templateText,
                display));
            return true;
        }

        private static void AddHandler(List<ConfigFinding> findings, DeploymentUnit code, DeploymentUnit template, ConfigSpanDisplay display)
        {
            if (!code.Handler.TryGetValue(out var codeHandler) || !template.Handler.TryGetValue(out var templateHandler) || template.Handler.Span is not { } templateSpan
                || string.Equals(codeHandler, templateHandler, StringComparison.Ordinal))
            {
                return;
            }

            findings.Add(Finding(code, template, code.Declaration, templateSpan, "The handler", $"'{codeHandler}'", $"'{templateHandler}'", display));
        }

        private static void AddFrontDoors(List<ConfigFinding> findings, DeploymentUnit code, DeploymentUnit template, ConfigSpanDisplay display)
        {
            foreach (var kind in ApiKinds)
            {
                var inCode = code.FrontDoors.FirstOrDefault(d => d.Kind == kind);
                if (inCode is null || template.FrontDoors.Any(d => d.Kind == kind))
                {
                    continue;
                }

                var other = template.FrontDoors.FirstOrDefault(d => ApiKinds.Contains(d.Kind));
                findings.Add(Finding(
                    code,
                    template,
                    inCode.Span,
                    other?.Span ?? template.Declaration,
                    "The front door",
                    inCode.DisplayName,
                    other?.DisplayName ?? "no API Gateway event and no function URL",
                    display));
            }
        }

        private static ConfigFinding Finding(
            DeploymentUnit code,
            DeploymentUnit template,
            ConfigSpan codeSpan,
            ConfigSpan templateSpan,
            string subject,
            string codeText,
            string templateText,
            ConfigSpanDisplay display) =>
            new(RuleCatalog.PF4006, template, codeSpan, new[] { templateSpan }, new[]
            {
                subject,
                code.Name,
                codeText,
                display(codeSpan),
                templateText,
                display(templateSpan),
            });
    }
}
