using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class ReferenceAssemblyResolverTests
    {
        [Fact]
        public void The_dotnet_root_is_found_from_the_running_runtime()
        {
            var root = ReferenceAssemblyResolver.FindDotnetRoot();

            Assert.NotNull(root);
            Assert.True(Directory.Exists(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref")));
        }

        [Fact]
        public void A_net8_project_is_bound_against_the_newest_installed_pack_and_says_so()
        {
            var resolver = ReferenceAssemblyResolver.CreateDefault();

            var binding = resolver.Resolve(Project("Microsoft.NET.Sdk"), "net8.0");

            var pack = Assert.Single(binding.Packs);
            Assert.Equal("Microsoft.NETCore.App.Ref", pack.Name);
            Assert.Equal(NewestInstalled(resolver, "Microsoft.NETCore.App.Ref"), pack.Version);
            Assert.Equal($"net8.0 bound against Microsoft.NETCore.App.Ref {pack.Version} ({pack.ReferenceFramework})", binding.Description);
            Assert.Contains(binding.References, reference => reference.Display!.EndsWith("System.Runtime.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(binding.References, reference => reference.Display!.Contains("AspNetCore", StringComparison.Ordinal));
            if (pack.ReferenceFramework != "net8.0")
            {
                Assert.Contains(binding.Problems, problem => problem.Level == ProblemLevel.Note && problem.Message.StartsWith("net8.0 is bound against", StringComparison.Ordinal));
            }
        }

        [Theory]
        [InlineData("Microsoft.NET.Sdk.Web", null)]
        [InlineData("Microsoft.NET.Sdk.Razor", null)]
        [InlineData("Microsoft.NET.Sdk", "Microsoft.AspNetCore.App")]
        public void Asp_net_core_is_bound_for_web_and_razor_projects_and_framework_references(string sdk, string? frameworkReference)
        {
            var resolver = ReferenceAssemblyResolver.CreateDefault();
            var project = Project(sdk) with { FrameworkReferences = frameworkReference is null ? Array.Empty<string>() : new[] { frameworkReference } };

            var binding = resolver.Resolve(project, "net8.0");

            Assert.Equal(new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }, binding.Packs.Select(pack => pack.Name));
            Assert.Contains(binding.References, reference => reference.Display!.EndsWith("Microsoft.AspNetCore.WebSockets.dll", StringComparison.Ordinal));
        }

        [Fact]
        public void The_worker_sdk_gets_no_asp_net_core()
        {
            var binding = ReferenceAssemblyResolver.CreateDefault().Resolve(Project("Microsoft.NET.Sdk.Worker"), "net8.0");

            Assert.Equal(new[] { "Microsoft.NETCore.App.Ref" }, binding.Packs.Select(pack => pack.Name));
        }

        [Fact]
        public void References_are_created_once_per_process()
        {
            var resolver = ReferenceAssemblyResolver.CreateDefault();
            var first = resolver.Resolve(Project("Microsoft.NET.Sdk"), "net8.0").References;
            var second = new ReferenceAssemblyResolver(resolver.DotnetRoot).Resolve(Project("Microsoft.NET.Sdk"), "net9.0").References;

            Assert.Equal(first.Count, second.Count);
            Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
        }

        [Fact]
        public void Without_an_sdk_every_framework_type_resolves_by_name_only()
        {
            var binding = new ReferenceAssemblyResolver(null).Resolve(Project("Microsoft.NET.Sdk"), "net8.0");

            Assert.Empty(binding.References);
            Assert.Empty(binding.Packs);
            Assert.Equal("net8.0 bound against no reference pack", binding.Description);
            Assert.Single(binding.Problems, problem => problem.Level == ProblemLevel.Warning);
        }

        [Fact]
        public void An_unknown_framework_is_bound_against_the_newest_pack_with_a_warning()
        {
            var binding = ReferenceAssemblyResolver.CreateDefault().Resolve(Project("Microsoft.NET.Sdk"), "uap10.0");

            Assert.Single(binding.Packs);
            Assert.Contains(binding.Problems, problem => problem.Message.Contains("'uap10.0'", StringComparison.Ordinal));
        }

        [Fact]
        public void A_file_that_is_not_an_assembly_yields_no_reference()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("lib/Broken.dll", "this is not a PE file");

            var reference = ReferenceAssemblyResolver.GetOrCreateReference(path, out var error);

            // Roslyn may read the image lazily; if it accepted the file here, the compilation reports CS0009 instead of throwing.
            if (reference is null)
            {
                Assert.NotNull(error);
            }
            else
            {
                var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: new[] { reference });
                Assert.Contains(compilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0009");
            }
        }

        private static string NewestInstalled(ReferenceAssemblyResolver resolver, string pack) =>
            Directory.GetDirectories(Path.Combine(resolver.DotnetRoot!, "packs", pack))
                .Select(Path.GetFileName)
                .OfType<string>()
                .OrderByDescending(version => Version.Parse(version.Split('-')[0]))
                .First();

        private static ProjectInfo Project(string sdk) => new()
        {
            ProjectFilePath = "/repo/App/App.csproj",
            ProjectDirectory = "/repo/App",
            ProjectName = "App",
            AssemblyName = "App",
            RootNamespace = "App",
            OutputType = "Library",
            Sdk = sdk,
            IsSdkStyle = true,
        };
    }
}
