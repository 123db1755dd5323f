using System;
using System.Collections.Generic;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Binding
{
    /// <summary>The C# project a host is analysing, as far as binding units to it needs.</summary>
    /// <param name="AssemblyName">The project's assembly name (what a Lambda handler string names).</param>
    /// <param name="ProjectDirectory">The project's folder, when the host knows it.</param>
    public sealed record ProjectIdentity(string AssemblyName, string? ProjectDirectory);

    /// <summary>Why a unit was tied to a project.</summary>
    public enum BindingEvidence
    {
        /// <summary>The handler string names the project's assembly.</summary>
        HandlerAssembly,

        /// <summary>The unit's artifact or code folder lies inside the project's folder.</summary>
        ArtifactPath,

        /// <summary>The unit is declared in the project's own code (a Lambda Annotations <c>[LambdaFunction]</c>).</summary>
        DeclaredInCode,
    }

    /// <summary>A unit that runs a project's code, and the evidence for it.</summary>
    public sealed record BoundUnit(DeploymentUnit Unit, BindingEvidence Evidence, HandlerReference? Handler);

    /// <summary>
    /// Joins deployment units to the project whose code they run: the handler's assembly is the project's
    /// <c>AssemblyName</c>, or (when the handler cannot be read) the unit's artifact lies in the project's folder.
    /// </summary>
    public static class DeploymentBinder
    {
        public static IReadOnlyList<BoundUnit> UnitsOf(ProjectIdentity project, IEnumerable<ConfigReadResult> configs)
        {
            var bound = new List<BoundUnit>();
            foreach (var config in configs)
            {
                foreach (var unit in config.Units)
                {
                    var evidence = Bind(project, unit, out var handler);
                    if (evidence is BindingEvidence found)
                    {
                        bound.Add(new BoundUnit(unit, found, handler));
                    }
                }
            }

            bound.Sort((a, b) =>
            {
                var byPath = string.CompareOrdinal(a.Unit.ConfigPath, b.Unit.ConfigPath);
                return byPath != 0 ? byPath : a.Unit.Declaration.Start.CompareTo(b.Unit.Declaration.Start);
            });
            return bound;
        }

        private static BindingEvidence? Bind(ProjectIdentity project, DeploymentUnit unit, out HandlerReference? handler)
        {
            handler = unit.Handler.TryGetValue(out var text) ? HandlerReference.Parse(text) : null;
            if (handler is not null)
            {
                // Case-insensitive: a handler that differs from the assembly only in case still deploys this
                // project, and is a wiring mistake for the handler rules to report, not a reason to look away.
                return string.Equals(handler.Assembly, project.AssemblyName, StringComparison.OrdinalIgnoreCase)
                    ? BindingEvidence.HandlerAssembly
                    : null;
            }

            if (project.ProjectDirectory is { Length: > 0 } directory && unit.Artifact.TryGetValue(out var artifact) && artifact.Length > 0)
            {
                var artifactPath = ConfigPaths.Resolve(unit.ConfigPath, artifact);
                return ConfigPaths.IsUnder(artifactPath, directory) ? BindingEvidence.ArtifactPath : null;
            }

            return null;
        }
    }
}
