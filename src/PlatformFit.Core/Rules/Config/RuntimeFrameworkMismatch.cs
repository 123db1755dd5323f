using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF4003: the runtime of the units that run a .NET project cannot start it — the runtime's .NET major version
    /// (the profile's <c>framework</c>) differs from the project's and the app does not roll forward; a .NET version
    /// with no managed zip runtime; an OS-only runtime for an app that is neither self-contained nor native AOT; a
    /// runtime of another language. Reported once per runtime value, on its line, naming the functions it affects.
    /// Silent on unknown or absent runtimes, runtimes the profile does not know, container images, and projects
    /// whose target framework is not .NET (Core) (<c>netstandard2.0</c> libraries run anywhere).
    /// </summary>
    public static class RuntimeFrameworkMismatch
    {
        public static IEnumerable<ConfigFinding> Check(IEnumerable<DeploymentUnit> units, string projectName, ProjectBuild build)
        {
            // Container images bring their own runtime; left out before grouping, so they do not hide the zip functions
            // that share the same runtime line.
            foreach (var group in UnitGroups.BySpan(units.Where(u => !u.IsImage), u => u.Runtime))
            {
                var unit = group[0];
                if (!unit.Runtime.TryGetValue(out var id) || unit.Runtime.Span is not { } span
                    || PlatformProfiles.Find(unit.Platform) is not { } profile)
                {
                    continue;
                }

                var problem = Problem(id, projectName, build, profile);
                if (problem is { } found)
                {
                    yield return new ConfigFinding(RuleCatalog.PF4003, unit, span, Array.Empty<ConfigSpan>(), new[] { UnitGroups.Subject(group), id, found.Reason, found.Fix });
                }
            }
        }

        private static (string Reason, string Fix)? Problem(string id, string projectName, ProjectBuild build, PlatformProfile profile)
        {
            var runtime = profile.Runtime(id);
            var projectMajor = Major(build.TargetFramework);
            if (runtime is null)
            {
                return profile.OtherLanguageRuntimes?.Contains(id) == true
                    ? ($"it is a runtime for another language, with no .NET to run '{projectName}'", $"use {RuntimeFor(profile, projectMajor)}")
                    : null;
            }

            if (runtime.OsOnly)
            {
                return build.SelfContained
                    ? null
                    : ($"it is an OS-only runtime with no .NET installed, and '{projectName}' is neither self-contained nor native AOT",
                        $"set <SelfContained>true</SelfContained> or <PublishAot>true</PublishAot> in the project, or pass --self-contained true in the msbuild-parameters of {ProjectBuild.LambdaToolsDefaultsFileName}");
            }

            if (runtime.ImageOnly)
            {
                return ($"it exists only as a container base image, not as a managed runtime for a zip package", $"use {RuntimeFor(profile, projectMajor)}, or deploy a container image");
            }

            var runtimeMajor = Major(runtime.Framework);
            if (projectMajor is not int project || runtimeMajor is not int available || project == available || TargetsAlso(build, available))
            {
                return null;
            }

            if (project > available)
            {
                return ($"'{projectName}' targets {build.TargetFramework}, and the runtime has only .NET {available}", $"use {RuntimeFor(profile, project)}");
            }

            if (IsMajorRollForward(build.RollForward) || build.SelfContained)
            {
                return null;
            }

            var rollForward = build.RollForward is null ? "the default RollForward, Minor," : $"RollForward {build.RollForward}";
            return ($"'{projectName}' targets {build.TargetFramework}, the runtime has only .NET {available}, and with {rollForward} a .NET {project} app does not start on another major version",
                $"target {runtime.Framework}, or set <RollForward>Major</RollForward> in the project");
        }

        /// <summary>A multi-targeted project that also builds for the runtime's framework is published for it.</summary>
        private static bool TargetsAlso(ProjectBuild build, int runtimeMajor)
        {
            foreach (var framework in build.TargetFrameworks)
            {
                if (Major(framework) == runtimeMajor)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMajorRollForward(string? rollForward) =>
            string.Equals(rollForward, "Major", StringComparison.OrdinalIgnoreCase) || string.Equals(rollForward, "LatestMajor", StringComparison.OrdinalIgnoreCase);

        /// <summary>The managed zip runtime for the project's .NET version, else the newest one the profile lists.</summary>
        private static string RuntimeFor(PlatformProfile profile, int? projectMajor)
        {
            RuntimeLifecycle? newest = null;
            foreach (var runtime in profile.Runtimes)
            {
                if (runtime.ImageOnly || runtime.OsOnly || Major(runtime.Framework) is not int major)
                {
                    continue;
                }

                if (major == projectMajor)
                {
                    return $"runtime '{runtime.Id}'";
                }

                if (newest is null || major > Major(newest.Framework))
                {
                    newest = runtime;
                }
            }

            if (newest is null)
            {
                return "a .NET runtime";
            }

            return projectMajor is int wanted && wanted < Major(newest.Framework)
                ? $"runtime '{newest.Id}' with <RollForward>Major</RollForward>, or target {newest.Framework}"
                : $"runtime '{newest.Id}' and target {newest.Framework}";
        }

        /// <summary>The .NET major version of <c>net10.0</c>, <c>net8.0-windows</c>, <c>netcoreapp3.1</c>; null for <c>netstandard2.0</c>, <c>net48</c>.</summary>
        internal static int? Major(string? targetFramework)
        {
            if (targetFramework is null)
            {
                return null;
            }

            var moniker = targetFramework.Trim().ToLowerInvariant();
            var dash = moniker.IndexOf('-');
            if (dash > 0)
            {
                moniker = moniker.Substring(0, dash);
            }

            string version;
            if (moniker.StartsWith("netcoreapp", StringComparison.Ordinal))
            {
                version = moniker.Substring("netcoreapp".Length);
            }
            else if (moniker.StartsWith("net", StringComparison.Ordinal) && !moniker.StartsWith("netstandard", StringComparison.Ordinal) && moniker.IndexOf('.') > 0)
            {
                version = moniker.Substring("net".Length);
            }
            else
            {
                return null;
            }

            var dot = version.IndexOf('.');
            return dot > 0 && int.TryParse(version.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
        }
    }
}
