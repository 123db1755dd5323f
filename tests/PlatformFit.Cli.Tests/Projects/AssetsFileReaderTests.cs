using System;
using System.IO;
using System.Text.Json;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class AssetsFileReaderTests
    {
        [Theory]
        [InlineData("net8.0")]
        [InlineData(".NETCoreApp,Version=v8.0")]
        public void Reads_compile_assemblies_for_the_framework(string targetKey)
        {
            using var repo = new ScratchRepository();
            var packageFolder = Path.Combine(repo.MachineRoot, "packages");
            var dll = WritePackageAssembly(packageFolder);
            var assets = repo.PathOf("App/obj/project.assets.json");
            WriteAssetsFile(assets, packageFolder, targetKey);

            var result = AssetsFileReader.Read(assets, "net8.0");

            Assert.True(result.IsRestored);
            Assert.Equal(new[] { dll }, result.CompileAssemblies); // not the "_._" placeholder, not the project library
            Assert.Empty(result.MissingPackages);
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void Prefers_the_entry_without_a_runtime_identifier()
        {
            using var repo = new ScratchRepository();
            var packageFolder = Path.Combine(repo.MachineRoot, "packages");
            var dll = WritePackageAssembly(packageFolder);
            var assets = repo.Write("App/obj/project.assets.json", JsonSerializer.Serialize(new
            {
                version = 3,
                targets = new System.Collections.Generic.Dictionary<string, object>
                {
                    ["net8.0/linux-x64"] = new System.Collections.Generic.Dictionary<string, object>(),
                    ["net8.0"] = new System.Collections.Generic.Dictionary<string, object>
                    {
                        ["Tiny.Greetings/1.2.3"] = new { type = "package", compile = new System.Collections.Generic.Dictionary<string, object> { ["lib/net8.0/Tiny.Greetings.dll"] = new { } } },
                    },
                },
                libraries = new System.Collections.Generic.Dictionary<string, object>
                {
                    ["Tiny.Greetings/1.2.3"] = new { type = "package", path = "tiny.greetings/1.2.3" },
                },
                packageFolders = new System.Collections.Generic.Dictionary<string, object> { [packageFolder + "/"] = new { } },
            }));

            var result = AssetsFileReader.Read(assets, "net8.0", "linux-x64");

            Assert.Equal(new[] { dll }, result.CompileAssemblies);
        }

        [Fact]
        public void A_missing_file_means_not_restored()
        {
            using var repo = new ScratchRepository();
            var assets = repo.PathOf("App/obj/project.assets.json");

            var result = AssetsFileReader.Read(assets, "net8.0");

            Assert.False(result.IsRestored);
            Assert.Empty(result.CompileAssemblies);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Note, problem.Level);
            Assert.Equal(assets, problem.Path);
        }

        [Theory]
        [InlineData("{\n  \"version\": 3,\n  \"targets\": {\n    \"net8.0\": { oops }\n  }\n}", 4)]
        [InlineData("", 0)]
        [InlineData("[1, 2, 3]", 0)]
        [InlineData("{\"targets\": {\"net8.0\": {}}, \"libraries\": {}}", -1)]
        public void A_corrupt_or_foreign_file_is_a_problem_not_an_exception(string content, int line)
        {
            using var repo = new ScratchRepository();
            var assets = repo.Write("App/obj/project.assets.json", content);

            var result = AssetsFileReader.Read(assets, line == -1 ? "net6.0" : "net8.0");

            Assert.False(result.IsRestored);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
            if (line > 0)
            {
                Assert.Equal(line, problem.Line);
            }
        }

        [Fact]
        public void Deeply_nested_json_is_rejected()
        {
            using var repo = new ScratchRepository();
            var assets = repo.Write("App/obj/project.assets.json", new string('[', 10_000) + new string(']', 10_000));

            var result = AssetsFileReader.Read(assets, "net8.0");

            Assert.False(result.IsRestored);
            Assert.Single(result.Problems);
        }

        [Fact]
        public void Packages_missing_on_this_machine_are_noted_and_skipped()
        {
            using var repo = new ScratchRepository();
            var assets = repo.PathOf("App/obj/project.assets.json");
            WriteAssetsFile(assets, Path.Combine(repo.MachineRoot, "somebody-elses-cache"), "net8.0");

            var result = AssetsFileReader.Read(assets, "net8.0");

            Assert.True(result.IsRestored);
            Assert.Empty(result.CompileAssemblies);
            Assert.Equal(new[] { "Tiny.Greetings/1.2.3" }, result.MissingPackages);
            var note = Assert.Single(result.Problems);
            Assert.Equal(ProblemLevel.Note, note.Level);
            Assert.DoesNotContain("somebody-elses-cache", note.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Paths_that_climb_out_of_the_package_folder_are_ignored()
        {
            using var repo = new ScratchRepository();
            var packageFolder = Path.Combine(repo.MachineRoot, "packages");
            Directory.CreateDirectory(packageFolder);
            var outside = Path.Combine(repo.MachineRoot, "Outside.dll");
            File.WriteAllBytes(outside, new byte[] { 1, 2, 3 });
            var assets = repo.Write("App/obj/project.assets.json", JsonSerializer.Serialize(new
            {
                targets = new System.Collections.Generic.Dictionary<string, object>
                {
                    ["net8.0"] = new System.Collections.Generic.Dictionary<string, object>
                    {
                        ["Climber/1.0.0"] = new { type = "package", compile = new System.Collections.Generic.Dictionary<string, object> { ["../Outside.dll"] = new { } } },
                    },
                },
                libraries = new System.Collections.Generic.Dictionary<string, object>
                {
                    ["Climber/1.0.0"] = new { type = "package", path = "." },
                },
                packageFolders = new System.Collections.Generic.Dictionary<string, object> { [packageFolder] = new { } },
            }));

            var result = AssetsFileReader.Read(assets, "net8.0");

            Assert.Empty(result.CompileAssemblies);
        }

        internal static string WritePackageAssembly(string packageFolder)
        {
            var dll = Path.Combine(packageFolder, "tiny.greetings", "1.2.3", "lib", "net8.0", "Tiny.Greetings.dll");
            ProjectCompilationFactoryTests.EmitLibrary(dll, "Tiny.Greetings", "namespace Tiny.Greetings { public static class Greeter { public static string Hello(string name) => name; } }");
            return dll;
        }

        /// <summary>The shape NuGet writes: a package with a compile asset, one with only a placeholder, and a project.</summary>
        internal static void WriteAssetsFile(string path, string packageFolder, string targetKey)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var json = $$"""
                {
                  "version": 3,
                  "targets": {
                    "{{targetKey}}": {
                      "Tiny.Greetings/1.2.3": {
                        "type": "package",
                        "compile": { "lib/net8.0/Tiny.Greetings.dll": { "related": ".xml" } },
                        "runtime": { "lib/net8.0/Tiny.Greetings.dll": {} }
                      },
                      "Placeholder.Only/4.3.0": {
                        "type": "package",
                        "compile": { "ref/netstandard1.0/_._": {} }
                      },
                      "Domain/1.0.0": {
                        "type": "project",
                        "framework": ".NETCoreApp,Version=v8.0",
                        "compile": { "bin/placeholder/Domain.dll": {} }
                      }
                    }
                  },
                  "libraries": {
                    "Tiny.Greetings/1.2.3": { "sha512": "x", "type": "package", "path": "tiny.greetings/1.2.3", "files": [ "lib/net8.0/Tiny.Greetings.dll" ] },
                    "Placeholder.Only/4.3.0": { "sha512": "y", "type": "package", "path": "placeholder.only/4.3.0", "files": [] },
                    "Domain/1.0.0": { "type": "project", "path": "../Domain/Domain.csproj", "msbuildProject": "../Domain/Domain.csproj" }
                  },
                  "packageFolders": { {{JsonSerializer.Serialize(packageFolder + Path.DirectorySeparatorChar)}}: {} },
                  "project": { "version": "1.0.0", "frameworks": { "net8.0": { "targetAlias": "net8.0" } } }
                }
                """;
            File.WriteAllText(path, json);
        }
    }
}
