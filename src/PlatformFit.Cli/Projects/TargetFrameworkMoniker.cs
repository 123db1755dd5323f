using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// A target framework such as <c>net8.0</c>, <c>netstandard2.0</c>, <c>net472</c> or <c>net8.0-windows10.0.19041</c>, and
    /// what the SDK derives from it (its framework name and implicit preprocessor symbols).
    /// </summary>
    internal sealed record TargetFrameworkMoniker(string Moniker, string Identifier, Version Version, string? Platform, string? PlatformVersion)
    {
        public const string NetCoreApp = ".NETCoreApp";
        public const string NetStandard = ".NETStandard";
        public const string NetFramework = ".NETFramework";

        // The versions the SDK generates *_OR_GREATER symbols for (Microsoft.NET.SupportedTargetFrameworks.props);
        // .NET 5 and later are generated up to the target, so a future net11.0 still gets NET10_0_OR_GREATER.
        private static readonly Version[] NetCoreAppBeforeNet5 =
            { new(1, 0), new(1, 1), new(2, 0), new(2, 1), new(2, 2), new(3, 0), new(3, 1) };

        private static readonly Version[] NetStandardVersions =
            { new(1, 0), new(1, 1), new(1, 2), new(1, 3), new(1, 4), new(1, 5), new(1, 6), new(2, 0), new(2, 1) };

        private static readonly Version[] NetFrameworkVersions =
        {
            new(2, 0), new(3, 0), new(3, 5), new(4, 0), new(4, 5), new(4, 5, 1), new(4, 5, 2), new(4, 6), new(4, 6, 1),
            new(4, 6, 2), new(4, 7), new(4, 7, 1), new(4, 7, 2), new(4, 8), new(4, 8, 1),
        };

        /// <summary>The framework name NuGet and older assets files use, e.g. <c>.NETCoreApp,Version=v8.0</c>.</summary>
        public string FrameworkName => $"{Identifier},Version=v{Version.ToString(Version.Build > 0 ? 3 : 2)}";

        public bool IsNetCoreApp => Identifier == NetCoreApp;

        /// <summary>Null for monikers the SDK would not build C# against here (<c>uap10.0</c>, <c>monoandroid</c>, typos).</summary>
        public static TargetFrameworkMoniker? TryParse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var moniker = text.Trim();
            if (moniker.StartsWith('.'))
            {
                return TryParseFrameworkName(moniker);
            }

            var lower = moniker.ToLowerInvariant();
            string? platform = null;
            string? platformVersion = null;
            var dash = lower.IndexOf('-', StringComparison.Ordinal);
            if (dash >= 0)
            {
                var platformText = lower[(dash + 1)..];
                lower = lower[..dash];
                var digits = platformText.AsSpan().IndexOfAnyInRange('0', '9');
                platform = digits < 0 ? platformText : platformText[..digits];
                platformVersion = digits < 0 ? null : platformText[digits..];
                if (platform.Length == 0)
                {
                    return null;
                }
            }

            if (lower.StartsWith("netcoreapp", StringComparison.Ordinal))
            {
                return Version.TryParse(lower["netcoreapp".Length..], out var version)
                    ? new TargetFrameworkMoniker(moniker, NetCoreApp, version, platform, platformVersion)
                    : null;
            }

            if (lower.StartsWith("netstandard", StringComparison.Ordinal))
            {
                return Version.TryParse(lower["netstandard".Length..], out var version)
                    ? new TargetFrameworkMoniker(moniker, NetStandard, version, platform, platformVersion)
                    : null;
            }

            if (!lower.StartsWith("net", StringComparison.Ordinal))
            {
                return null;
            }

            var number = lower[3..];
            if (number.Contains('.', StringComparison.Ordinal))
            {
                // net5.0 and later; "net4.8" is not a moniker the SDK accepts.
                return Version.TryParse(number, out var version) && version.Major >= 5
                    ? new TargetFrameworkMoniker(moniker, NetCoreApp, version, platform, platformVersion)
                    : null;
            }

            // net472 → 4.7.2, net48 → 4.8: one digit per part.
            if (number.Length is < 2 or > 3 || !number.All(char.IsAsciiDigit) || platform is not null)
            {
                return null;
            }

            var parts = number.Select(digit => digit - '0').ToArray();
            var frameworkVersion = parts.Length == 3 ? new Version(parts[0], parts[1], parts[2]) : new Version(parts[0], parts[1]);
            return new TargetFrameworkMoniker(moniker, NetFramework, frameworkVersion, null, null);
        }

        /// <summary>
        /// The symbols the SDK defines for this framework (<c>GenerateTargetFrameworkDefineConstants</c> and
        /// <c>GenerateNETCompatibleDefineConstants</c> in Microsoft.NET.Sdk.BeforeCommon.targets).
        /// </summary>
        public IReadOnlyList<string> ImplicitPreprocessorSymbols()
        {
            var symbols = new List<string>();
            switch (Identifier)
            {
                case NetCoreApp when Version.Major >= 5:
                    symbols.Add("NET");
                    symbols.Add($"NET{Underscored(Version)}");
                    symbols.Add("NETCOREAPP");
                    for (var major = 5; major <= Version.Major; major++)
                    {
                        var candidate = new Version(major, 0);
                        if (candidate <= Version)
                        {
                            symbols.Add($"NET{Underscored(candidate)}_OR_GREATER");
                        }
                    }

                    symbols.AddRange(NetCoreAppBeforeNet5.Select(version => $"NETCOREAPP{Underscored(version)}_OR_GREATER"));
                    break;

                case NetCoreApp:
                    symbols.Add("NETCOREAPP");
                    symbols.Add($"NETCOREAPP{Underscored(Version)}");
                    symbols.AddRange(NetCoreAppBeforeNet5.Where(version => version <= Version).Select(version => $"NETCOREAPP{Underscored(version)}_OR_GREATER"));
                    break;

                case NetStandard:
                    symbols.Add("NETSTANDARD");
                    symbols.Add($"NETSTANDARD{Underscored(Version)}");
                    symbols.AddRange(NetStandardVersions.Where(version => version <= Version).Select(version => $"NETSTANDARD{Underscored(version)}_OR_GREATER"));
                    break;

                case NetFramework:
                    symbols.Add("NETFRAMEWORK");
                    symbols.Add($"NET{Joined(Version)}");
                    symbols.AddRange(NetFrameworkVersions.Where(version => version <= Version).Select(version => $"NET{Joined(version)}_OR_GREATER"));
                    break;
            }

            if (Platform is not null && IsNetCoreApp && Version.Major >= 5)
            {
                var platform = Platform.ToUpperInvariant();
                symbols.Add(platform);
                if (PlatformVersion is not null)
                {
                    symbols.Add(platform + PlatformVersion.Replace('.', '_'));
                }
            }

            return symbols;
        }

        private static TargetFrameworkMoniker? TryParseFrameworkName(string name)
        {
            // ".NETCoreApp,Version=v8.0" (older assets files and TargetFrameworkMoniker properties).
            var comma = name.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                return null;
            }

            var identifier = name[..comma].Trim();
            var versionText = name[(comma + 1)..].Trim();
            const string VersionPrefix = "Version=v";
            if (!versionText.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase)
                || !Version.TryParse(versionText[VersionPrefix.Length..].Split(',')[0], out var version))
            {
                return null;
            }

            var known = new[] { NetCoreApp, NetStandard, NetFramework }
                .FirstOrDefault(candidate => candidate.Equals(identifier, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return null;
            }

            var moniker = known switch
            {
                NetCoreApp when version.Major >= 5 => $"net{version.ToString(2)}",
                NetCoreApp => $"netcoreapp{version.ToString(2)}",
                NetStandard => $"netstandard{version.ToString(2)}",
                _ => "net" + Joined(version),
            };
            return new TargetFrameworkMoniker(moniker, known, version, null, null);
        }

        private static string Underscored(Version version) =>
            version.ToString(version.Build > 0 ? 3 : 2).Replace('.', '_');

        private static string Joined(Version version) =>
            version.ToString(version.Build > 0 ? 3 : 2).Replace(".", string.Empty, StringComparison.Ordinal);

        /// <summary>For <c>ref/net10.0</c> folder names and assets keys: compares only what the SDK compares.</summary>
        public bool IsSameFramework(TargetFrameworkMoniker other) =>
            Identifier == other.Identifier && Version == other.Version;

        public override string ToString() => Moniker;
    }
}
