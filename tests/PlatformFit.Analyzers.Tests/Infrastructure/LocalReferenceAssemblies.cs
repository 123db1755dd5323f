using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PlatformFit.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The reference assemblies of the installed SDK's packs (Microsoft.NETCore.App.Ref and the ASP.NET Core
    /// one), so analyzer tests bind real framework types without downloading reference packages.
    /// </summary>
    internal static class LocalReferenceAssemblies
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreReferences = new(() => Load("Microsoft.NETCore.App.Ref"));
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new(() => Load("Microsoft.AspNetCore.App.Ref"));

        /// <summary>A reference set with no package to resolve: the test adds the local pack's assemblies itself.</summary>
        public static ReferenceAssemblies None { get; } = new("net10.0");

        public static ImmutableArray<MetadataReference> NetCore => NetCoreReferences.Value;

        public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreReferences.Value;

        private static ImmutableArray<MetadataReference> Load(string pack)
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
            var version = Directory.GetDirectories(packDirectory)
                .Select(Path.GetFileName)
                .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
                .First()!;
            var refDirectory = Directory.GetDirectories(Path.Combine(packDirectory, version, "ref")).OrderBy(d => d, StringComparer.Ordinal).Last();
            return Directory.GetFiles(refDirectory, "*.dll")
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
        }
    }
}
