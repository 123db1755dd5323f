using System.Collections.Immutable;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment
{
    /// <summary>
    /// The diagnostic properties that name the deployment unit behind a finding; the CLI writes them into the
    /// SARIF result's property bag, so a reader sees which function and platform the finding is about.
    /// </summary>
    internal static class UnitProperties
    {
        public const string Unit = "unit";
        public const string Platform = "platform";

        public static ImmutableDictionary<string, string?> For(DeploymentUnit unit) =>
            ImmutableDictionary<string, string?>.Empty
                .Add(Unit, unit.Name)
                .Add(Platform, unit.Platform);
    }
}
