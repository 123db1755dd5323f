using System.Collections.Generic;

namespace PlatformFit.Core.Model
{
    /// <summary>
    /// One deployable function or service as a config file declares it, with every value's place in that file.
    /// </summary>
    public sealed class DeploymentUnit
    {
        public DeploymentUnit(string name, string platform, string configPath, ConfigSpan declaration)
        {
            Name = name;
            Platform = platform;
            ConfigPath = configPath;
            Declaration = declaration;
        }

        /// <summary>The name the config gives the unit (Serverless function key, CloudFormation logical id).</summary>
        public string Name { get; }

        /// <summary>The platform profile id, e.g. <c>aws-lambda</c>.</summary>
        public string Platform { get; }

        /// <summary>The config file that declares the unit.</summary>
        public string ConfigPath { get; }

        /// <summary>Where the unit is declared (its key in the file).</summary>
        public ConfigSpan Declaration { get; }

        /// <summary>The handler string, function name or project the platform runs.</summary>
        public ConfigValue<string> Handler { get; init; } = ConfigValue<string>.Absent;

        public ConfigValue<string> Runtime { get; init; } = ConfigValue<string>.Absent;

        public ConfigValue<string> Architecture { get; init; } = ConfigValue<string>.Absent;

        public ConfigValue<int> MemoryMb { get; init; } = ConfigValue<int>.Absent;

        public ConfigValue<int> TimeoutSeconds { get; init; } = ConfigValue<int>.Absent;

        public ConfigValue<int> EphemeralStorageMb { get; init; } = ConfigValue<int>.Absent;

        /// <summary>The deployment artifact or code folder (Serverless <c>package.artifact</c>, SAM <c>CodeUri</c>), as written.</summary>
        public ConfigValue<string> Artifact { get; init; } = ConfigValue<string>.Absent;

        public IReadOnlyList<FrontDoor> FrontDoors { get; init; } = System.Array.Empty<FrontDoor>();

        /// <summary>
        /// How the code is packaged: <c>Zip</c> or <c>Image</c> (CloudFormation <c>PackageType</c>; a Serverless function
        /// with an <c>image</c>). Absent means a zip package, the platforms' default. An image brings its own runtime,
        /// so the runtime rules leave it alone.
        /// </summary>
        public ConfigValue<string> PackageType { get; init; } = ConfigValue<string>.Absent;

        /// <summary>Whether the config says the unit is a container image (see <see cref="PackageType"/>).</summary>
        public bool IsImage => PackageType.TryGetValue(out var type) && string.Equals(type, "Image", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The CloudFormation condition the unit is created under (<c>Condition: IsProd</c>), or absent when it is
        /// unconditional. A conditional unit is still listed: PlatformFit considers conditions both ways.
        /// </summary>
        public ConfigValue<string> Condition { get; init; } = ConfigValue<string>.Absent;

        /// <summary>
        /// Whether the unit runs on Lambda Managed Instances: a capacity provider is configured (CloudFormation / SAM
        /// <c>CapacityProviderConfig</c>, Serverless <c>capacityProvider</c>). Known <c>true</c> at the key that says so;
        /// absent for a standard function; unknown when the key is there but cannot be evaluated (a condition, a
        /// deploy-time variable). Some standard quotas do not hold for such a unit (the profile's <c>managed-instances</c>).
        /// </summary>
        public ConfigValue<bool> ManagedInstances { get; init; } = ConfigValue<bool>.Absent;

        /// <summary>
        /// The GC heap hard limit the function's environment sets (<c>DOTNET_GCHeapHardLimit</c> or
        /// <c>COMPlus_GCHeapHardLimit</c>): the variable and its value as written, which the .NET runtime reads as
        /// hexadecimal. Unknown when the environment cannot be evaluated.
        /// </summary>
        public ConfigValue<EnvironmentVariable> GcHeapHardLimit { get; init; } = ConfigValue<EnvironmentVariable>.Absent;

        /// <summary>
        /// The tool that writes and rewrites the unit's declaration (CloudFormation <c>Metadata.Tool</c>;
        /// <c>Amazon.Lambda.Annotations</c> marks the functions its source generator manages), or absent when people do.
        /// </summary>
        public ConfigValue<string> Tool { get; init; } = ConfigValue<string>.Absent;

        /// <summary>
        /// The tool whose attributes in code declare the unit (its <see cref="Tool"/>, known without a config place, as
        /// units read from Lambda Annotations attributes carry it), or null for a unit a config file declares. An absent
        /// key then falls back to that tool's default.
        /// </summary>
        public string? CodeTool => Tool.TryGetValue(out var tool) && Tool.Span is null ? tool : null;

        public override string ToString() => $"{Platform}:{Name} ({ConfigPath})";
    }

    /// <summary>An environment variable a deployment config sets for a unit, as written.</summary>
    public sealed record EnvironmentVariable(string Name, string Value)
    {
        /// <summary>The variables through which a deployment sets the .NET GC heap hard limit.</summary>
        public static readonly string[] GcHeapHardLimitNames = { "DOTNET_GCHeapHardLimit", "COMPlus_GCHeapHardLimit" };
    }
}
