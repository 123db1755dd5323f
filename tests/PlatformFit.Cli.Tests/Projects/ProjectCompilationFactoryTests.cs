using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class ProjectCompilationFactoryTests
    {
        private static readonly ReferenceAssemblyResolver Resolver = ReferenceAssemblyResolver.CreateDefault();

        [Fact]
        public void Web_project_with_top_level_statements_binds_asp_net_core_extension_methods()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("src/Chat/Chat.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("src/Chat/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<ChatRoom>();
                var app = builder.Build();
                app.UseWebSockets();
                app.MapGet("/health", () => Results.Ok("up"));
                app.Map("/ws", async (HttpContext context, ChatRoom room) =>
                {
                    using var socket = await context.WebSockets.AcceptWebSocketAsync();
                    await room.JoinAsync(socket, context.RequestAborted);
                });
                await app.RunAsync();

                internal sealed class ChatRoom
                {
                    private readonly List<System.Net.WebSockets.WebSocket> _sockets = new();

                    public Task JoinAsync(System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken)
                    {
                        _sockets.Add(socket);
                        return Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                }
                """);

            var result = Create(path, repo);

            Assert.Equal(OutputKind.ConsoleApplication, result.Compilation.Options.OutputKind);
            Assert.Empty(result.Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

            var tree = result.Compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("Program.cs", StringComparison.Ordinal));
            var model = result.Compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Single(invocation => invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "UseWebSockets" });
            var method = Assert.IsAssignableFrom<IMethodSymbol>(model.GetSymbolInfo(call).Symbol);
            Assert.Equal("Microsoft.AspNetCore.Builder.WebSocketMiddlewareExtensions", method.ContainingType.ToDisplayString());
            Assert.Equal("Microsoft.AspNetCore.WebSockets", method.ContainingAssembly.Name);

            Assert.Contains(result.Framework.Packs, pack => pack.Name == "Microsoft.AspNetCore.App.Ref");
            Assert.StartsWith("net8.0 bound against Microsoft.NETCore.App.Ref ", result.Framework.Description, StringComparison.Ordinal);
        }

        [Fact]
        public void Implicit_usings_are_generated_beside_the_intermediate_output()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <ImplicitUsings>true</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <Using Remove="System.Net.Http.Json" />
                    <Using Include="System.Text.Json" />
                    <Using Include="System.Math" Static="true" />
                    <Using Include="System.Collections.Generic.Dictionary&lt;string, int&gt;" Alias="Counts" />
                    <Using Include="Evil; } class Injected {" />
                  </ItemGroup>
                </Project>
                """);

            var result = Create(path, repo);

            var generated = result.Compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith(".GlobalUsings.g.cs", StringComparison.Ordinal));
            Assert.Equal(Path.Combine(repo.PathOf("Api/obj"), "Release", "net8.0", "Api.GlobalUsings.g.cs"), generated.FilePath);
            var text = generated.GetText().ToString();
            Assert.Contains("global using global::Microsoft.AspNetCore.Builder;", text, StringComparison.Ordinal);
            Assert.Contains("global using global::System.Threading.Tasks;", text, StringComparison.Ordinal);
            Assert.Contains("global using global::System.Text.Json;", text, StringComparison.Ordinal);
            Assert.Contains("global using static global::System.Math;", text, StringComparison.Ordinal);
            Assert.Contains("global using Counts = global::System.Collections.Generic.Dictionary<string, int>;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("System.Net.Http.Json", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Injected", text, StringComparison.Ordinal);
            Assert.Contains(result.Problems, problem => problem.Message.Contains("is not a namespace or type name", StringComparison.Ordinal));
            Assert.Empty(generated.GetDiagnostics());
        }

        [Fact]
        public void No_global_usings_file_without_implicit_usings_or_using_items()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            repo.Write("Lib/Class1.cs", "namespace Lib { public class Class1 { } }");

            var result = Create(path, repo);

            Assert.Equal(new[] { repo.PathOf("Lib/Class1.cs") }, result.Compilation.SyntaxTrees.Select(tree => tree.FilePath));
            Assert.Equal(OutputKind.DynamicallyLinkedLibrary, result.Compilation.Options.OutputKind);
        }

        [Fact]
        public void Class_library_takes_its_framework_and_language_version_from_directory_build_props()
        {
            using var repo = new ScratchRepository();
            repo.Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <LangVersion>10.0</LangVersion>
                    <Nullable>enable</Nullable>
                    <DefineConstants>$(DefineConstants);CONTOSO</DefineConstants>
                  </PropertyGroup>
                </Project>
                """);
            var path = repo.Write("src/Domain/Domain.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <AssemblyName>Contoso.Domain</AssemblyName>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("src/Domain/Order.cs", """
                namespace Contoso.Domain;

                public sealed record Order(string Id, decimal Total)
                {
                #if NETSTANDARD2_0 && CONTOSO && RELEASE
                    public const string Build = "standard";
                #endif
                }
                """);

            var result = Create(path, repo);

            var parseOptions = (CSharpParseOptions)result.Compilation.SyntaxTrees[0].Options;
            Assert.Equal(LanguageVersion.CSharp10, parseOptions.SpecifiedLanguageVersion);
            Assert.Equal("netstandard2.0", result.TargetFramework);
            Assert.Equal("Contoso.Domain", result.Compilation.AssemblyName);
            Assert.Equal(NullableContextOptions.Enable, result.Compilation.Options.NullableContextOptions);
            Assert.Contains("NETSTANDARD2_0_OR_GREATER", parseOptions.PreprocessorSymbolNames);
            Assert.DoesNotContain("NETSTANDARD2_1_OR_GREATER", parseOptions.PreprocessorSymbolNames);
            Assert.DoesNotContain("NET", parseOptions.PreprocessorSymbolNames);
            var order = result.Compilation.GetTypeByMetadataName("Contoso.Domain.Order");
            Assert.NotNull(order);
            Assert.NotEmpty(order.GetMembers("Build")); // the #if region was compiled in
        }

        [Fact]
        public void Multi_targeting_project_is_compiled_for_its_first_framework()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>net8.0;netstandard2.0</TargetFrameworks>
                  </PropertyGroup>
                </Project>
                """);
            repo.Write("Lib/Feature.cs", """
                public static class Feature
                {
                #if NET8_0_OR_GREATER
                    public static string Name => "modern";
                #else
                    public static string Name => "standard";
                #endif
                }
                """);

            var result = Create(path, repo);

            Assert.Equal("net8.0", result.TargetFramework);
            Assert.Equal(new[] { "net8.0", "netstandard2.0" }, result.Project.TargetFrameworks);
            Assert.Contains(result.Problems, problem => problem.Level == ProblemLevel.Note && problem.Message.Contains("analysed for net8.0", StringComparison.Ordinal));
            Assert.Contains("\"modern\"", result.Compilation.SyntaxTrees[0].GetRoot().DescendantNodes(descendIntoTrivia: false).OfType<LiteralExpressionSyntax>().Select(literal => literal.ToString()));
        }

        [Theory]
        [InlineData("net8.0", new[] { "NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "RELEASE", "TRACE" }, new[] { "NET9_0_OR_GREATER", "DEBUG", "NETSTANDARD" })]
        [InlineData("net10.0", new[] { "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER" }, new[] { "NET11_0_OR_GREATER", "NET8_0" })]
        [InlineData("netstandard2.0", new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD1_6_OR_GREATER", "NETSTANDARD2_0_OR_GREATER" }, new[] { "NETSTANDARD2_1_OR_GREATER", "NETCOREAPP" })]
        [InlineData("netcoreapp3.1", new[] { "NETCOREAPP", "NETCOREAPP3_1", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" }, new[] { "NET", "NET5_0_OR_GREATER" })]
        [InlineData("net472", new[] { "NETFRAMEWORK", "NET472", "NET462_OR_GREATER", "NET472_OR_GREATER" }, new[] { "NET48_OR_GREATER", "NET" })]
        [InlineData("net8.0-windows", new[] { "NET8_0", "WINDOWS" }, new[] { "ANDROID" })]
        public void Preprocessor_symbols_follow_the_sdk(string targetFramework, string[] expected, string[] unexpected)
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>{targetFramework}</TargetFramework><DefineConstants>CUSTOM;not valid</DefineConstants></PropertyGroup></Project>");

            var symbols = ProjectCompilationFactory.PreprocessorSymbols(CsprojReader.Read(path, repo.Root), TargetFrameworkMoniker.TryParse(targetFramework));

            Assert.All(expected, symbol => Assert.Contains(symbol, symbols));
            Assert.All(unexpected, symbol => Assert.DoesNotContain(symbol, symbols));
            Assert.Contains("CUSTOM", symbols);
            Assert.DoesNotContain("not valid", symbols);
            Assert.Equal(symbols.Distinct().Count(), symbols.Count);
        }

        [Theory]
        [InlineData(null, LanguageVersion.Latest)]
        [InlineData("latest", LanguageVersion.Latest)]
        [InlineData("preview", LanguageVersion.Preview)]
        [InlineData("12", LanguageVersion.CSharp12)]
        [InlineData("7.3", LanguageVersion.CSharp7_3)]
        [InlineData("nonsense", LanguageVersion.Latest)]
        public void Language_version_is_parsed(string? langVersion, LanguageVersion expected)
        {
            using var repo = new ScratchRepository();
            var element = langVersion is null ? string.Empty : $"<LangVersion>{langVersion}</LangVersion>";
            var path = repo.Write("App/App.csproj", $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework>{element}</PropertyGroup></Project>");
            var problems = new List<ProjectProblem>();

            var options = ProjectCompilationFactory.CreateParseOptions(CsprojReader.Read(path, repo.Root), null, problems);

            Assert.Equal(expected, options.SpecifiedLanguageVersion);
            Assert.Equal(langVersion == "nonsense", problems.Count == 1);
        }

        [Fact]
        public void Restored_project_references_package_assemblies_from_the_assets_file()
        {
            using var repo = new ScratchRepository();
            var packageFolder = Path.Combine(repo.MachineRoot, "nuget", "packages");
            var dll = Path.Combine(packageFolder, "tiny.greetings", "1.2.3", "lib", "net8.0", "Tiny.Greetings.dll");
            EmitLibrary(dll, "Tiny.Greetings", "namespace Tiny.Greetings { public static class Greeter { public static string Hello(string name) => \"Hello \" + name; } }");
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Tiny.Greetings" Version="1.2.3" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("App/Program.cs", "System.Console.WriteLine(Tiny.Greetings.Greeter.Hello(\"lambda\"));");
            AssetsFileReaderTests.WriteAssetsFile(repo.PathOf("App/obj/project.assets.json"), packageFolder, "net8.0");

            var result = Create(path, repo);

            Assert.True(result.Packages.IsRestored);
            Assert.Equal(new[] { dll }, result.Packages.CompileAssemblies);
            Assert.Contains(result.Compilation.References, reference => reference is PortableExecutableReference { FilePath: var file } && file == dll);
            Assert.Empty(result.Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            var tree = result.Compilation.SyntaxTrees.Single();
            var hello = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(invocation => invocation.ToString().StartsWith("Tiny", StringComparison.Ordinal));
            var symbol = result.Compilation.GetSemanticModel(tree).GetSymbolInfo(hello).Symbol;
            Assert.Equal("Tiny.Greetings", symbol?.ContainingAssembly.Name);
        }

        [Fact]
        public void Unrestored_project_still_compiles_with_unresolved_package_types()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("Function/Function.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Amazon.Lambda.Core" Version="2.2.0" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("Function/Function.cs", """
                using Amazon.Lambda.Core;

                namespace Orders;

                public class Function
                {
                    public string Handle(string input, ILambdaContext context) => input.ToUpperInvariant();
                }
                """);

            var result = Create(path, repo);

            Assert.False(result.Packages.IsRestored);
            Assert.Contains(result.Problems, problem => problem.Level == ProblemLevel.Note && problem.Message.Contains("not restored", StringComparison.Ordinal));
            Assert.NotNull(result.Compilation.GetTypeByMetadataName("Orders.Function"));
            // The framework still binds; only the package's types are missing.
            Assert.Contains(result.Compilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0246" && diagnostic.GetMessage().Contains("ILambdaContext", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Compilation.GetDiagnostics(), diagnostic => diagnostic.GetMessage().Contains("'String'", StringComparison.Ordinal));
        }

        [Fact]
        public void Malformed_project_still_yields_a_compilation_and_the_problem()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0\n</Project>\n");
            repo.Write("App/Program.cs", "class Program { static void Main() { } }");

            var result = Create(path, repo);

            Assert.Contains(result.Problems, problem => problem.IsError && problem.Path == path && problem.Line > 0);
            Assert.Single(result.Compilation.SyntaxTrees);
        }

        [Fact]
        public void Byte_order_marks_and_crlf_sources_keep_their_text()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write(
                "App/App.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n",
                byteOrderMark: true,
                crlf: true);
            repo.Write(
                "App/Greeting.cs",
                "namespace App\n{\n    public static class Greeting\n    {\n        public const string Text = \"Grüße, señor\";\n    }\n}\n",
                byteOrderMark: true,
                crlf: true);
            var latin1 = repo.PathOf("App/Legacy.cs");
            File.WriteAllBytes(latin1, System.Text.Encoding.Latin1.GetBytes("namespace App { public static class Legacy { public const string Text = \"café\"; } }"));

            var result = Create(path, repo);

            Assert.Empty(result.Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            var greeting = (IFieldSymbol)result.Compilation.GetTypeByMetadataName("App.Greeting")!.GetMembers("Text").Single();
            Assert.Equal("Grüße, señor", greeting.ConstantValue);
            var legacy = (IFieldSymbol)result.Compilation.GetTypeByMetadataName("App.Legacy")!.GetMembers("Text").Single();
            Assert.Equal("café", legacy.ConstantValue); // no BOM, not UTF-8: the compiler's code-page fallback
            Assert.Equal(7, result.Compilation.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("Greeting.cs", StringComparison.Ordinal)).GetText().Lines.Count(line => line.EndIncludingLineBreak - line.End == 2));
        }

        [Fact]
        public void Binary_files_named_cs_are_skipped_with_a_problem()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            repo.Write("App/Program.cs", "class Program { }");
            var binary = repo.PathOf("App/Blob.cs");
            File.WriteAllBytes(binary, new byte[] { 0x4D, 0x5A, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00 });

            var result = Create(path, repo);

            Assert.Equal(new[] { repo.PathOf("App/Program.cs") }, result.Compilation.SyntaxTrees.Select(tree => tree.FilePath));
            Assert.Contains(result.Problems, problem => problem.Path == binary && problem.Message.Contains("binary", StringComparison.Ordinal));
            Assert.Equal(2, result.SourceFiles.Count);
        }

        [Fact]
        public void Project_references_are_bound_from_already_built_compilations()
        {
            using var repo = new ScratchRepository();
            var libraryPath = repo.Write("src/Domain/Domain.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>");
            repo.Write("src/Domain/Order.cs", "namespace Domain { public sealed class Order { public decimal Total { get; init; } } }");
            var functionPath = repo.Write("src/Function/Function.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../Domain/Domain.csproj" />
                    <ProjectReference Include="../Missing/Missing.csproj" />
                  </ItemGroup>
                </Project>
                """);
            repo.Write("src/Function/Handler.cs", "namespace Function { public class Handler { public decimal Handle(Domain.Order order) => order.Total; } }");
            var graph = ProjectGraph.Create(new[] { CsprojReader.Read(functionPath, repo.Root), CsprojReader.Read(libraryPath, repo.Root) }, repo.Root);
            var factory = new ProjectCompilationFactory(Resolver);
            var built = new Dictionary<string, Compilation>();

            var results = new List<ProjectCompilation>();
            foreach (var project in graph.BuildOrder)
            {
                var result = factory.Create(project, repo.Root, built);
                built[project.ProjectFilePath] = result.Compilation;
                results.Add(result);
            }

            Assert.Equal(new[] { libraryPath, functionPath }, results.Select(result => result.Project.ProjectFilePath));
            var function = results[1];
            Assert.Empty(function.Compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            Assert.Contains(function.Compilation.References, reference => reference is CompilationReference);
            var missing = Assert.Single(function.Problems, problem => problem.Message.Contains("Missing.csproj", StringComparison.Ordinal));
            Assert.Contains("'src/Missing/Missing.csproj' is not loaded", missing.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Global_analyzer_options_expose_the_build_properties()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("src/Api/Api.csproj", """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFrameworks>net8.0;net9.0</TargetFrameworks>
                    <AssemblyName>Contoso.Api</AssemblyName>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <PublishAot>true</PublishAot>
                    <AWSProjectType>Lambda</AWSProjectType>
                  </PropertyGroup>
                </Project>
                """);

            var options = Create(path, repo).GlobalAnalyzerOptions;

            Assert.Equal("net8.0", options["build_property.targetframework"]);
            Assert.Equal("net8.0;net9.0", options["build_property.targetframeworks"]);
            Assert.Equal(".NETCoreApp", options["build_property.targetframeworkidentifier"]);
            Assert.Equal("v8.0", options["build_property.targetframeworkversion"]);
            Assert.Equal("Contoso.Api", options["build_property.assemblyname"]);
            Assert.Equal("Api", options["build_property.rootnamespace"]);
            Assert.Equal("Exe", options["build_property.outputtype"]);
            Assert.Equal(repo.PathOf("src/Api"), options["build_property.msbuildprojectdirectory"]);
            Assert.Equal(repo.PathOf("src/Api") + Path.DirectorySeparatorChar, options["build_property.projectdir"]);
            Assert.Equal("linux-x64", options["build_property.runtimeidentifier"]);
            Assert.Equal("true", options["build_property.publishaot"]);
            Assert.Equal(string.Empty, options["build_property.selfcontained"]);
            Assert.Equal("true", options["build_property.usingmicrosoftnetsdkweb"]);
            Assert.Equal("Lambda", options["build_property.awsprojecttype"]);
            Assert.All(options.Keys, key => Assert.Equal(key.ToLowerInvariant(), key));
            Assert.Equal(options.Keys.OrderBy(key => key, StringComparer.Ordinal), options.Keys);
        }

        [Fact]
        public void A_library_with_top_level_statements_is_still_a_library()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>");
            repo.Write("App/Program.cs", "System.Console.WriteLine(1);");

            var result = Create(path, repo);

            // What the SDK would report too (CS8805): the loader mirrors the project, it does not fix it.
            Assert.Equal(OutputKind.DynamicallyLinkedLibrary, result.Compilation.Options.OutputKind);
            Assert.Contains(result.Compilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS8805");
        }

        [Fact]
        public void Problems_name_no_path_of_the_machine_outside_the_repository()
        {
            using var repo = new ScratchRepository();
            var path = repo.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.WindowsDesktop.App" />
                    <PackageReference Include="Gone" Version="1.0.0" />
                  </ItemGroup>
                </Project>
                """);
            AssetsFileReaderTests.WriteAssetsFile(repo.PathOf("App/obj/project.assets.json"), Path.Combine(repo.MachineRoot, "no-such-cache"), "net6.0");

            var result = Create(path, repo);

            Assert.Contains(result.Problems, problem => problem.Message.Contains("Microsoft.WindowsDesktop.App reference pack is not installed", StringComparison.Ordinal));
            Assert.Contains(result.Problems, problem => problem.Message.Contains("net6.0 is bound against Microsoft.NETCore.App.Ref", StringComparison.Ordinal));
            Assert.Contains(result.Problems, problem => problem.Message.Contains("Tiny.Greetings/1.2.3", StringComparison.Ordinal));
            Assert.All(result.Problems, problem =>
            {
                Assert.StartsWith(repo.Root, problem.Path, StringComparison.Ordinal);
                Assert.DoesNotContain(repo.MachineRoot, problem.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(Resolver.DotnetRoot!, problem.Message, StringComparison.Ordinal);
            });
        }

        private static ProjectCompilation Create(string projectPath, ScratchRepository repo) =>
            new ProjectCompilationFactory(Resolver).Create(CsprojReader.Read(projectPath, repo.Root), repo.Root);

        internal static void EmitLibrary(string path, string assemblyName, string source)
        {
            var probe = new ProjectInfo
            {
                ProjectFilePath = "/probe/Probe.csproj",
                ProjectDirectory = "/probe",
                ProjectName = "Probe",
                AssemblyName = "Probe",
                RootNamespace = "Probe",
                OutputType = "Library",
            };
            var references = Resolver.Resolve(probe, "net8.0").References;
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var emitted = compilation.Emit(path);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        }
    }
}
