using System;
using System.Collections.Generic;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// The bound units the wiring rules judge against this project's build. A handler binds by assembly name, and
    /// some names are shared — every custom-runtime blueprint builds an assembly called <c>bootstrap</c> — so a unit
    /// whose artifact is another project's build output (<c>src/Other/bin/Release/…/other.zip</c>) is that project's,
    /// and comparing it with this project's target framework or runtime identifier would report a mismatch that
    /// is not there.
    /// </summary>
    internal static class ProjectOwnedUnits
    {
        public static IEnumerable<BoundUnit> Of(ProjectDeployment deployment)
        {
            foreach (var bound in deployment.Units)
            {
                if (!IsAnotherProjectsOutput(bound.Unit, deployment.Project.ProjectDirectory))
                {
                    yield return bound;
                }
            }
        }

        private static bool IsAnotherProjectsOutput(DeploymentUnit unit, string? projectDirectory)
        {
            if (projectDirectory is not { Length: > 0 } || !unit.Artifact.TryGetValue(out var artifact) || artifact.Length == 0)
            {
                return false;
            }

            var path = ConfigPaths.Resolve(unit.ConfigPath, artifact);
            var bin = path.IndexOf("/bin/", StringComparison.OrdinalIgnoreCase);
            return bin > 0 && !ConfigPaths.IsUnder(path, projectDirectory!);
        }
    }
}
