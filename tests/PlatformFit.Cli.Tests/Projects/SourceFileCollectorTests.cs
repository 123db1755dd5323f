using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class SourceFileCollectorTests
    {
        private const string PlainProject = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>";

        [Fact]
        public void Default_glob_skips_bin_obj_hidden_folders_and_node_modules()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", PlainProject);
            repo.Write("App/Program.cs", "class Program {}");
            repo.Write("App/Models/Order.cs", "class Order {}");
            repo.Write("App/Models/Deep/Line.cs", "class Line {}");
            repo.Write("App/.hidden.cs", "class Hidden {}"); // a hidden file is compiled; only hidden folders are skipped
            repo.Write("App/bin/Release/Generated.cs", "class Generated {}");
            repo.Write("App/obj/Release/net8.0/App.AssemblyInfo.cs", "class AssemblyInfo {}");
            repo.Write("App/.vs/Scratch.cs", "class Scratch {}");
            repo.Write("App/Models/.cache/Cached.cs", "class Cached {}");
            repo.Write("App/node_modules/pkg/Script.cs", "class Script {}");
            repo.Write("App/Models/obj/Kept.cs", "class Kept {}"); // only the project's own obj is excluded
            repo.Write("App/README.md", "not C#");
            repo.Write("App/Program.csx", "not compiled");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Empty(files.Problems);
            Assert.Equal(
                new[] { "App/.hidden.cs", "App/Models/Deep/Line.cs", "App/Models/obj/Kept.cs", "App/Models/Order.cs", "App/Program.cs" }
                    .Select(repo.PathOf)
                    .OrderBy(file => file, StringComparer.Ordinal),
                files.Files);
        }

        [Fact]
        public void Custom_output_paths_and_default_item_excludes_are_honoured()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <BaseOutputPath>out\</BaseOutputPath>
                    <BaseIntermediateOutputPath>tmp\</BaseIntermediateOutputPath>
                    <DefaultItemExcludes>$(DefaultItemExcludes);Legacy/**;**/*.Designer.cs</DefaultItemExcludes>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("App/Program.cs", "class Program {}");
            repo.Write("App/out/Copied.cs", "class Copied {}");
            repo.Write("App/tmp/Generated.cs", "class Generated {}");
            repo.Write("App/Legacy/Old.cs", "class Old {}");
            repo.Write("App/Forms/Main.Designer.cs", "class Designer {}");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Equal(new[] { repo.PathOf("App/Program.cs") }, files.Files);
        }

        [Fact]
        public void Compile_remove_and_an_include_from_outside_the_project_folder()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("src/App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="Experiments\**" />
                    <Compile Remove="Scratch.cs" />
                    <Compile Include="..\Shared\*.cs" Exclude="..\Shared\*.Tests.cs" />
                    <Compile Include="..\Shared\Nested\**\*.cs" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("src/App/Program.cs", "class Program {}");
            repo.Write("src/App/Scratch.cs", "class Scratch {}");
            repo.Write("src/App/Experiments/Try.cs", "class Try {}");
            repo.Write("src/App/Experiments/More/TryMore.cs", "class TryMore {}");
            repo.Write("src/Shared/Clock.cs", "class Clock {}");
            repo.Write("src/Shared/Clock.Tests.cs", "class ClockTests {}");
            repo.Write("src/Shared/Ignored/NotMatched.cs", "class NotMatched {}"); // '*' does not descend
            repo.Write("src/Shared/Nested/A.cs", "class A {}");
            repo.Write("src/Shared/Nested/B/C.cs", "class C {}");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Empty(files.Problems);
            Assert.Equal(
                new[] { "src/App/Program.cs", "src/Shared/Clock.cs", "src/Shared/Nested/A.cs", "src/Shared/Nested/B/C.cs" }.Select(repo.PathOf),
                files.Files);
        }

        [Fact]
        public void A_remove_only_removes_what_was_included_before_it()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <Compile Remove="Generated\*.cs" />
                    <Compile Include="Generated\Kept.cs" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("App/Generated/Kept.cs", "class Kept {}");
            repo.Write("App/Generated/Dropped.cs", "class Dropped {}");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Equal(new[] { repo.PathOf("App/Generated/Kept.cs") }, files.Files);
        }

        [Fact]
        public void Without_default_compile_items_only_explicit_includes_count()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="Function.cs" />
                    <Compile Include="Handlers\*.cs" />
                    <Compile Include="Missing.cs" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("App/Function.cs", "class Function {}");
            repo.Write("App/Handlers/Orders.cs", "class Orders {}");
            repo.Write("App/Unlisted.cs", "class Unlisted {}");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Equal(new[] { "App/Function.cs", "App/Handlers/Orders.cs" }.Select(repo.PathOf), files.Files);
            var missing = Assert.Single(files.Problems);
            Assert.Equal(ProblemLevel.Note, missing.Level);
            Assert.Contains("Missing.cs", missing.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Includes_outside_the_repository_are_not_read()
        {
            using var repo = new ScratchRepository();
            File.WriteAllText(Path.Combine(repo.MachineRoot, "Secret.cs"), "class Secret {}");
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <Compile Include="..\..\Secret.cs" />
                    <Compile Include="..\..\*.cs" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("App/Program.cs", "class Program {}");

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Equal(new[] { repo.PathOf("App/Program.cs") }, files.Files);
            Assert.Equal(2, files.Problems.Count(problem => problem.Level == ProblemLevel.Warning && problem.Message.Contains("outside the repository", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task A_symlink_loop_under_the_project_does_not_hang_or_duplicate_files()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", PlainProject);
            repo.Write("App/Program.cs", "class Program {}");
            repo.Write("App/Inner/Model.cs", "class Model {}");
            Directory.CreateSymbolicLink(repo.PathOf("App/Inner/up"), "..");
            Directory.CreateSymbolicLink(repo.PathOf("App/self"), repo.PathOf("App"));
            Directory.CreateSymbolicLink(repo.PathOf("App/Inner/ping"), repo.PathOf("App/Inner/pong"));
            Directory.CreateSymbolicLink(repo.PathOf("App/Inner/pong"), repo.PathOf("App/Inner/ping"));
            var project = CsprojReader.Read(path, repo.Root);

            // A hang shows up as a TimeoutException, not as a test run that never ends.
            var files = await Task.Run(() => SourceFileCollector.Collect(project, repo.Root)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(new[] { "App/Inner/Model.cs", "App/Program.cs" }.Select(repo.PathOf), files.Files);
        }

        [Fact]
        public void Links_inside_the_repository_are_followed_and_links_outside_are_not()
        {
            using var repo = new ScratchRepository();
            var outside = Path.Combine(repo.MachineRoot, "elsewhere");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "Leak.cs"), "class Leak {}");
            File.WriteAllText(Path.Combine(outside, "Single.cs"), "class Single {}");
            repo.Write("Shared/Contracts/Order.cs", "class Order {}");
            var path = repo.Write("App/App.csproj", PlainProject);
            repo.Write("App/Program.cs", "class Program {}");
            Directory.CreateSymbolicLink(repo.PathOf("App/Contracts"), repo.PathOf("Shared/Contracts"));
            Directory.CreateSymbolicLink(repo.PathOf("App/External"), outside);
            File.CreateSymbolicLink(repo.PathOf("App/Linked.cs"), Path.Combine(outside, "Single.cs"));

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Equal(new[] { "App/Contracts/Order.cs", "App/Program.cs" }.Select(repo.PathOf), files.Files);
            Assert.Equal(2, files.Problems.Count(problem => problem.Message.Contains("points outside the repository", StringComparison.Ordinal)));
            Assert.All(files.Problems, problem => Assert.DoesNotContain(repo.MachineRoot, problem.Message, StringComparison.Ordinal));
        }

        [Fact]
        public void An_include_through_a_linked_folder_cannot_reach_outside_the_repository()
        {
            using var repo = new ScratchRepository();
            var outside = Path.Combine(repo.MachineRoot, "home", "user");
            Directory.CreateDirectory(outside);
            File.WriteAllText(Path.Combine(outside, "Secret.cs"), "class Secret {}");
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
                  <ItemGroup>
                    <Compile Include="root/home/user/*.cs" />
                    <Compile Include="root/home/user/Secret.cs" />
                  </ItemGroup>
                </Project>
                """);
            Directory.CreateSymbolicLink(repo.PathOf("App/root"), repo.MachineRoot);

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root);

            Assert.Empty(files.Files);
            Assert.Equal(2, files.Problems.Count(problem => problem.Message.Contains("outside the repository", StringComparison.Ordinal)));
        }

        [Fact]
        public void Files_above_the_size_limit_are_skipped_with_a_problem()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", PlainProject);
            repo.Write("App/Program.cs", "class Program {}");
            var huge = repo.Write("App/Huge.cs", "// " + new string('x', 4096));

            var files = SourceFileCollector.Collect(CsprojReader.Read(path, repo.Root), repo.Root, maxFileBytes: 1024);

            Assert.Equal(new[] { repo.PathOf("App/Program.cs") }, files.Files);
            var problem = Assert.Single(files.Problems);
            Assert.Equal(huge, problem.Path);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
        }

        [Fact]
        public void Output_is_the_same_on_every_run()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", PlainProject);
            foreach (var name in new[] { "b", "A", "a", "_", "Z9", "z10" })
            {
                repo.Write($"App/{name}/{name}.cs", "class C {}");
            }

            var project = CsprojReader.Read(path, repo.Root);
            var first = SourceFileCollector.Collect(project, repo.Root).Files;
            var second = SourceFileCollector.Collect(project, repo.Root).Files;

            Assert.Equal(first, second);
            Assert.Equal(first.OrderBy(file => file, StringComparer.Ordinal), first);
            Assert.Equal(6, first.Count);
        }
    }
}
