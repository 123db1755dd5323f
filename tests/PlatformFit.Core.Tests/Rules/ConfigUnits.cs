using System;
using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    /// <summary>Deployment units for rule tests: read from a serverless.yml as users write it, or built by hand.</summary>
    internal static class ConfigUnits
    {
        public const string ServerlessPath = "/repo/serverless.yml";
        public const string TemplatePath = "/repo/template.yaml";

        public static readonly DateTime ScanDate = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Names places the way a host relative to <c>/repo</c> does.</summary>
        public static readonly ConfigSpanDisplay Display = span => span.ToDisplayString(span.Path.Substring("/repo/".Length));

        public static IReadOnlyList<DeploymentUnit> ReadAll(string yaml)
        {
            var result = DeploymentConfigReader.Read(ServerlessPath, yaml, ConfigReadContext.Default);
            Assert.DoesNotContain(result.Problems, p => p.Level != ProblemLevel.Note);
            return result.Units;
        }

        public static DeploymentUnit Read(string yaml, string? name = null) =>
            name is null ? Assert.Single(ReadAll(yaml)) : ReadAll(yaml).Single(u => u.Name == name);

        /// <summary>A place in a hand-written template, for units the Serverless reader cannot produce.</summary>
        public static ConfigSpan At(int line, int column, int length = 2) =>
            new(TemplatePath, (line * 100) + column, length, line, column, line, column + length);

        /// <summary>A hand-built unit, as a CloudFormation reader would declare it.</summary>
        public static DeploymentUnit Unit(string name = "Worker", int line = 5) => new(name, "aws-lambda", TemplatePath, At(line, 3, name.Length));

        public static string Text(this ConfigSpan span, string yaml) => yaml.Substring(span.Start, span.Length);
    }
}
