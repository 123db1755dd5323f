using System.IO;
using System.Linq;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class CsprojReaderTests
    {
        [Fact]
        public void Reads_an_sdk_style_web_project()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RootNamespace>Contoso.Api</RootNamespace>
                    <RuntimeIdentifier>linux-arm64</RuntimeIdentifier>
                    <PublishAot>true</PublishAot>
                    <SelfContained>false</SelfContained>
                    <RollForward>LatestMajor</RollForward>
                    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                    <DefineConstants>$(DefineConstants);LAMBDA;CONTOSO</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.Lambda.AspNetCoreServer.Hosting" Version="1.7.0" />
                    <PackageReference Include="AWSSDK.S3">
                      <Version>3.7.300</Version>
                    </PackageReference>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <ProjectReference Include="..\Domain\Domain.csproj" />
                    <Using Include="System.Text.Json" />
                    <Using Include="System.Console" Static="true" />
                  </ItemGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Empty(project.Problems);
            Assert.True(project.IsSdkStyle);
            Assert.Equal("Microsoft.NET.Sdk.Web", project.Sdk);
            Assert.True(project.UsesWebSdk);
            Assert.Equal(path, project.ProjectFilePath);
            Assert.Equal(repo.PathOf("src/Api"), project.ProjectDirectory);
            Assert.Equal("Api", project.AssemblyName);
            Assert.Equal("Contoso.Api", project.RootNamespace);
            Assert.Equal(new[] { "net8.0" }, project.TargetFrameworks);
            Assert.Equal("Exe", project.OutputType); // the Web SDK's default
            Assert.Equal("enable", project.ImplicitUsings);
            Assert.Equal("enable", project.Nullable);
            Assert.Equal("linux-arm64", project.RuntimeIdentifier);
            Assert.True(project.PublishAot);
            Assert.False(project.SelfContained);
            Assert.Equal("LatestMajor", project.RollForward);
            Assert.True(project.AllowUnsafeBlocks);
            Assert.Equal(new[] { "LAMBDA", "CONTOSO" }, project.DefineConstants);
            Assert.Equal(
                new[] { new PackageReferenceItem("Amazon.Lambda.AspNetCoreServer.Hosting", "1.7.0"), new PackageReferenceItem("AWSSDK.S3", "3.7.300") },
                project.PackageReferences);
            Assert.Equal(new[] { "Microsoft.AspNetCore.App" }, project.FrameworkReferences);
            Assert.Equal(new[] { repo.PathOf("src/Domain/Domain.csproj") }, project.ProjectReferences);
            Assert.Equal(
                new[] { new UsingItem("System.Text.Json", null, false, false), new UsingItem("System.Console", null, true, false) },
                project.Usings);
            Assert.Equal("linux-arm64", project.Properties["runtimeidentifier"]); // case-insensitive
        }

        [Fact]
        public void Directory_build_props_sets_defaults_that_the_project_overrides()
        {
            using var repo = new ScratchRepository();
            repo.Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <LangVersion>12</LangVersion>
                    <Nullable>enable</Nullable>
                    <Company>Contoso</Company>
                    <Product>$(Company) Platform</Product>
                  </PropertyGroup>
                </Project>
                """);
            var path = repo.Write("src/Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <Nullable>disable</Nullable>
                    <Description>$(Product) library $(MSBuildProjectName)</Description>
                  </PropertyGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal(new[] { "net8.0" }, project.TargetFrameworks);
            Assert.Equal("12", project.LangVersion);
            Assert.Equal("disable", project.Nullable);
            Assert.Equal("Contoso Platform library Lib", project.Properties["Description"]);
            Assert.Equal(new[] { repo.PathOf("Directory.Build.props") }, project.ImportedFiles);
            Assert.Equal("Library", project.OutputType);
        }

        [Fact]
        public void Only_the_nearest_directory_build_props_is_read_unless_it_imports_the_one_above()
        {
            using var repo = new ScratchRepository();
            repo.Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net6.0</TargetFramework>
                    <Authors>Outer</Authors>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("chained/Directory.Build.props", """
                <Project>
                  <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("separate/Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net9.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            var chainedPath = repo.Write("chained/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            var separatePath = repo.Write("separate/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");

            var chained = CsprojReader.Read(chainedPath, repo.Root);
            var separate = CsprojReader.Read(separatePath, repo.Root);

            // The nearer file imports the outer one first, then overrides it: as MSBuild evaluates it.
            Assert.Equal(new[] { "net8.0" }, chained.TargetFrameworks);
            Assert.Equal("Outer", chained.Properties["Authors"]);
            Assert.Equal(new[] { repo.PathOf("chained/Directory.Build.props"), repo.PathOf("Directory.Build.props") }, chained.ImportedFiles);
            Assert.Empty(chained.Problems);

            Assert.Equal(new[] { "net9.0" }, separate.TargetFrameworks);
            Assert.False(separate.Properties.ContainsKey("Authors"));
        }

        [Fact]
        public void Props_above_the_repository_root_are_not_read()
        {
            using var repo = new ScratchRepository();
            File.WriteAllText(Path.Combine(repo.MachineRoot, "Directory.Build.props"), "<Project><PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup></Project>");
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><AssemblyName>Contoso.App</AssemblyName></PropertyGroup></Project>");

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Empty(project.TargetFrameworks);
            Assert.Empty(project.ImportedFiles);
            Assert.Equal("Contoso.App", project.AssemblyName);
            Assert.Contains(project.Problems, problem => problem.Message.Contains("no TargetFramework", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Relative_imports_inside_the_repository_are_read()
        {
            using var repo = new ScratchRepository();
            repo.Write("build/common.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFrameworks>net8.0;net6.0</TargetFrameworks>
                  </PropertyGroup>
                </Project>
                """);
            var path = repo.Write("src/Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="..\..\build\common.props" />
                  <Import Project="..\..\..\outside.props" />
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal(new[] { "net8.0", "net6.0" }, project.TargetFrameworks);
            var outside = Assert.Single(project.Problems);
            Assert.Equal(ProblemLevel.Note, outside.Level);
            Assert.Equal(3, outside.Line);
            Assert.Contains("outside the repository", outside.Message, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Multi_targeting_keeps_the_order_written()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <TargetFrameworks> netstandard2.0 ; net8.0;;net472 </TargetFrameworks>
                  </PropertyGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal(new[] { "netstandard2.0", "net8.0", "net472" }, project.TargetFrameworks);
        }

        [Fact]
        public void Debug_only_groups_are_skipped_and_release_ones_read()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <Configuration Condition="'$(Configuration)' == ''">Debug</Configuration>
                  </PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Debug|AnyCPU' ">
                    <DefineConstants>DEBUG_ONLY</DefineConstants>
                  </PropertyGroup>
                  <PropertyGroup Condition="'$(Configuration)'=='Release'">
                    <DefineConstants>SHIPPED</DefineConstants>
                  </PropertyGroup>
                  <PropertyGroup>
                    <PublishAot Condition="'$(Configuration)' == 'Debug'">false</PublishAot>
                    <PublishAot Condition="'$(Configuration)' != 'Debug'">true</PublishAot>
                  </PropertyGroup>
                  <ItemGroup Condition="'Debug' == '$(Configuration)'">
                    <Compile Remove="Shipped.cs" />
                  </ItemGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal(new[] { "SHIPPED" }, project.DefineConstants);
            Assert.True(project.PublishAot);
            Assert.Empty(project.CompileItems);
            Assert.Equal("Release", project.Properties["Configuration"]);
        }

        [Fact]
        public void Compile_items_keep_their_order_and_excludes()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <SharedDir>..\Shared\</SharedDir>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Include="**\*.cs" Exclude="Legacy\**;Old.cs" />
                    <Compile Remove="Generated\**" />
                    <Compile Include="$(SharedDir)*.cs" />
                  </ItemGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.False(project.EnableDefaultCompileItems);
            Assert.Collection(
                project.CompileItems,
                item =>
                {
                    Assert.Equal(new CompileItem(CompileItemKind.Include, "**\\*.cs"), item with { Excludes = System.Array.Empty<string>() });
                    Assert.Equal(new[] { "Legacy\\**", "Old.cs" }, item.Excludes);
                },
                item => Assert.Equal((CompileItemKind.Remove, "Generated\\**"), (item.Kind, item.Pattern)),
                item => Assert.Equal((CompileItemKind.Include, "..\\Shared\\*.cs"), (item.Kind, item.Pattern)));
        }

        [Fact]
        public void Malformed_xml_is_a_problem_with_file_and_line_not_an_exception()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            var problem = Assert.Single(project.Problems, problem => problem.IsError);
            Assert.Equal(path, problem.Path);
            Assert.Equal(5, problem.Line);
            Assert.True(problem.Column > 0);
            Assert.Contains("not well-formed XML", problem.Message, System.StringComparison.Ordinal);
            Assert.Equal("App", project.AssemblyName);
            Assert.Empty(project.TargetFrameworks);
        }

        [Fact]
        public void Malformed_directory_build_props_is_reported_and_the_project_still_read()
        {
            using var repo = new ScratchRepository();
            var props = repo.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n</Projekt>\n");
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");

            var project = CsprojReader.Read(path, repo.Root);

            var problem = Assert.Single(project.Problems);
            Assert.Equal(props, problem.Path);
            Assert.Equal(5, problem.Line);
            Assert.Equal(new[] { "net8.0" }, project.TargetFrameworks);
        }

        [Theory]
        [InlineData("<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><Project><PropertyGroup><X>&b;</X></PropertyGroup></Project>")]
        [InlineData("")]
        [InlineData("not xml at all")]
        [InlineData("<Projekt />")]
        public void Hostile_or_empty_project_files_are_problems(string content)
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", content);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Contains(project.Problems, problem => problem.IsError && problem.Path == path);
        }

        [Fact]
        public void A_missing_project_file_is_a_problem()
        {
            using var repo = new ScratchRepository();

            var project = CsprojReader.Read(repo.PathOf("Nowhere/Nowhere.csproj"), repo.Root);

            Assert.Contains(project.Problems, problem => problem.IsError && problem.Message.Contains("could not be read", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Byte_order_mark_and_crlf_are_tolerated()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write(
                "App/App.csproj",
                """
                <?xml version="1.0" encoding="utf-8"?>
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <AssemblyName>Contoso.App</AssemblyName>
                  </PropertyGroup>
                </Project>
                """,
                byteOrderMark: true,
                crlf: true);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Empty(project.Problems);
            Assert.Equal(new[] { "net8.0" }, project.TargetFrameworks);
            Assert.Equal("Contoso.App", project.AssemblyName);
        }

        [Fact]
        public void Legacy_projects_are_read_as_far_as_they_go()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Legacy/Legacy.csproj", """
                <?xml version="1.0" encoding="utf-8"?>
                <Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
                  <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
                  <PropertyGroup>
                    <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
                    <OutputType>Library</OutputType>
                    <RootNamespace>Contoso.Legacy</RootNamespace>
                    <AssemblyName>Contoso.Legacy</AssemblyName>
                    <TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion>
                  </PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Debug|AnyCPU' ">
                    <DefineConstants>DEBUG;TRACE</DefineConstants>
                  </PropertyGroup>
                  <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Release|AnyCPU' ">
                    <DefineConstants>TRACE</DefineConstants>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="System" />
                  </ItemGroup>
                  <ItemGroup>
                    <Compile Include="Class1.cs" />
                    <Compile Include="Properties\AssemblyInfo.cs" />
                  </ItemGroup>
                  <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.False(project.IsSdkStyle);
            Assert.Null(project.Sdk);
            Assert.False(project.EnableDefaultCompileItems);
            Assert.Equal(new[] { "net472" }, project.TargetFrameworks);
            Assert.Equal("Contoso.Legacy", project.AssemblyName);
            Assert.Equal(new[] { "TRACE" }, project.DefineConstants);
            Assert.Equal(new[] { "Class1.cs", "Properties\\AssemblyInfo.cs" }, project.CompileItems.Select(item => item.Pattern));
            Assert.DoesNotContain(project.Problems, problem => problem.IsError);
        }

        [Fact]
        public void Sdk_can_be_named_by_element_or_import()
        {
            using var repo = new ScratchRepository();
            var byElement = repo.Write("A/A.csproj", "<Project><Sdk Name=\"Microsoft.NET.Sdk.Worker\" /><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            var byImport = repo.Write("B/B.csproj", """
                <Project>
                  <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk.Razor/8.0.100" />
                  <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk.Razor/8.0.100" />
                </Project>
                """);

            var worker = CsprojReader.Read(byElement, repo.Root);
            var razor = CsprojReader.Read(byImport, repo.Root);

            Assert.Equal("Microsoft.NET.Sdk.Worker", worker.Sdk);
            Assert.Equal("Exe", worker.OutputType);
            Assert.True(worker.IsSdkStyle);
            Assert.Equal("Microsoft.NET.Sdk.Razor", razor.Sdk);
            Assert.True(razor.UsesRazorSdk);
        }

        [Fact]
        public void Unsupported_property_functions_are_kept_as_written_and_noted()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <Stamp>$([System.DateTime]::Now.ToString('yyyy'))</Stamp>
                    <Missing>[$(NeverDefined)]</Missing>
                  </PropertyGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal("$([System.DateTime]::Now.ToString('yyyy'))", project.Properties["Stamp"]);
            Assert.Equal("[]", project.Properties["Missing"]);
            var note = Assert.Single(project.Problems);
            Assert.Equal(ProblemLevel.Note, note.Level);
            Assert.Equal(4, note.Line);
        }

        [Fact]
        public void Custom_intermediate_path_moves_the_assets_file()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <BaseIntermediateOutputPath>$(MSBuildThisFileDirectory)..\artifacts\obj\$(MSBuildProjectName)\</BaseIntermediateOutputPath>
                  </PropertyGroup>
                </Project>
                """);

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal(repo.PathOf("artifacts/obj/App"), project.IntermediateDirectory);
            Assert.Equal(repo.PathOf("artifacts/obj/App/project.assets.json"), project.AssetsFilePath);
            Assert.Equal(repo.PathOf("App/bin"), project.OutputDirectory);
        }

        [Fact]
        public void Import_cycles_are_reported_not_followed()
        {
            using var repo = new ScratchRepository();
            repo.Write("build/a.props", "<Project><Import Project=\"b.props\" /><PropertyGroup><A>1</A></PropertyGroup></Project>");
            repo.Write("build/b.props", "<Project><Import Project=\"a.props\" /><PropertyGroup><B>2</B></PropertyGroup></Project>");
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><Import Project=\"../build/a.props\" /></Project>");

            var project = CsprojReader.Read(path, repo.Root);

            Assert.Equal("1", project.Properties["A"]);
            Assert.Equal("2", project.Properties["B"]);
            Assert.Contains(project.Problems, problem => problem.Level == ProblemLevel.Warning && problem.Message.Contains("cycle", System.StringComparison.Ordinal));
        }
    }
}
