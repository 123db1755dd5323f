using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// One engine, two hosts: a real <c>dotnet build</c> of a fixture with the analyzer package's props and
    /// assemblies reports exactly the findings <c>platformfit scan</c> reports (rule, file, line, column, message,
    /// suppressed or not).
    /// </summary>
    [Trait("Rule", "PF1001")]
    public class IdeParityTests
    {
        [Theory]
        [InlineData("minimal-api-function-url", "src/Live/Live.csproj", 2, 2)]
        [InlineData("sam-http-api-and-websocket-api", "src/Board/Board.csproj", 2, 0)]
        [InlineData("cdk-quotes-http-api", "src/Quotes/Quotes.csproj", 1, 1)]
        public Task Dotnet_build_with_the_analyzer_package_reports_what_the_CLI_reports(string fixture, string project, int expected, int expectedInConfigs) =>
            AssertBuildReportsWhatTheCliReports(FixtureScan.FixturePath(fixture), project, expected, expectedInConfigs);

        /// <summary>
        /// Lambda Annotations functions: a unit the code declares (no template resource) and a drifted template resource
        /// give the same findings in the build as in the scan. The package is not in the registry, so its attributes are
        /// declared in source with their real namespaces.
        /// </summary>
        [Fact]
        [Trait("Rule", "PF4006")]
        [Trait("Rule", "PF3101")]
        public async Task Dotnet_build_reports_what_the_CLI_reports_for_Lambda_Annotations_functions()
        {
            using var scratch = new Projects.ScratchRepository();
            scratch.Write("src/Orders/Orders.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                </Project>
                """);
            scratch.Write("src/Orders/LambdaAnnotations.cs", """
                namespace Amazon.Lambda.Annotations
                {
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    public sealed class LambdaFunctionAttribute : System.Attribute
                    {
                        public uint MemorySize { get; set; }
                        public uint Timeout { get; set; }
                        public string? ResourceName { get; set; }
                    }
                }

                namespace Amazon.Lambda.Annotations.APIGateway
                {
                    public enum LambdaHttpMethod { Any, Get, Post }

                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    public sealed class HttpApiAttribute : System.Attribute
                    {
                        public HttpApiAttribute(LambdaHttpMethod method, string template) { }
                    }
                }
                """);
            scratch.Write("src/Orders/Functions.cs", """
                using Amazon.Lambda.Annotations;
                using Amazon.Lambda.Annotations.APIGateway;

                namespace Orders;

                public sealed class Functions
                {
                    [LambdaFunction(MemorySize = 1024)]
                    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
                    public string Get(string id) => id;

                    [LambdaFunction(MemorySize = 16384, Timeout = 300)]
                    public string Export(string day) => day;
                }
                """);
            scratch.Write("src/Orders/serverless.template", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "OrdersFunctionsGetGenerated": {
                      "Type": "AWS::Serverless::Function",
                      "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                      "Properties": {
                        "Runtime": "dotnet10",
                        "CodeUri": ".",
                        "MemorySize": 512,
                        "Timeout": 30,
                        "PackageType": "Zip",
                        "Handler": "Orders::Orders.Functions_Get_Generated::Get",
                        "Events": { "RootGet": { "Type": "HttpApi", "Properties": { "Path": "/orders/{id}", "Method": "GET" } } }
                      }
                    }
                  }
                }
                """);

            await AssertBuildReportsWhatTheCliReports(scratch.Root, "src/Orders/Orders.csproj", expected: 2, expectedInConfigs: 0);
        }

        private static async Task AssertBuildReportsWhatTheCliReports(string source, string project, int expected, int expectedInConfigs)
        {
            var work = Path.Combine(Path.GetTempPath(), $"platformfit-parity-{Guid.NewGuid():N}");
            try
            {
                CopyDirectory(source, work);
                Directory.CreateDirectory(Path.Combine(work, ".git"));
                File.WriteAllText(Path.Combine(work, ".git", "HEAD"), "ref: refs/heads/main\n");
                File.WriteAllText(Path.Combine(work, "Directory.Build.props"), $"""
                    <Project>
                      <Import Project="{Path.Combine(RepositoryRoot.Path, "analyzers", "PlatformFit.Analyzers", "build", "PlatformFit.Analyzers.props")}" />
                      <ItemGroup>
                        <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "PlatformFit.Analyzers.dll")}" />
                        <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "PlatformFit.Core.dll")}" />
                        <Analyzer Include="{Path.Combine(AppContext.BaseDirectory, "YamlDotNet.dll")}" />
                      </ItemGroup>
                    </Project>
                    """);
                var errorLog = Path.Combine(work, "build.sarif");

                var build = RunDotnet(work, "build", project, $"-p:ErrorLog={errorLog}%2Cversion=2.1", "-p:TreatWarningsAsErrors=false", $"-p:PlatformFitAsOf={FixtureScan.AsOf:yyyy-MM-dd}", "-nologo");
                Assert.True(File.Exists(errorLog), build);

                using var log = JsonDocument.Parse(File.ReadAllText(errorLog));
                var fromBuild = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                    .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PF", StringComparison.Ordinal) && r.TryGetProperty("locations", out _))
                    .Select(r =>
                    {
                        var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                        var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                        var region = location.GetProperty("region");
                        return $"{r.GetProperty("ruleId").GetString()} {Path.GetRelativePath(work, uri).Replace('\\', '/')}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}) " +
                            $"suppressed={r.TryGetProperty("suppressions", out _)} {r.GetProperty("message").GetProperty("text").GetString()}";
                    })
                    .Order(StringComparer.Ordinal)
                    .ToList();

                var scan = await FixtureScan.ScanAsync(work);
                var projectFolder = Path.GetDirectoryName(project)!.Replace('\\', '/') + "/";
                var fromCli = scan.Findings
                    .Where(f => f.Primary.Path.StartsWith(projectFolder, StringComparison.Ordinal))
                    .Select(f => $"{f.RuleId} {f.Primary.Path}({f.Primary.StartLine},{f.Primary.StartColumn}) suppressed={f.Suppression is not null} {f.Message}")
                    .Order(StringComparer.Ordinal)
                    .ToList();

                // Config-only findings sit in the config files (external locations): the build of this project reports
                // those of the units that deploy it, the CLI those of every unit, in the same text at the same place.
                static bool InProject(string finding, string folder) => finding.Split(' ')[1].StartsWith(folder, StringComparison.Ordinal);
                var fromBuildInConfigs = fromBuild.Where(f => !InProject(f, projectFolder)).ToList();
                var fromCliInConfigs = scan.Findings
                    .Where(f => !f.Primary.Path.StartsWith(projectFolder, StringComparison.Ordinal))
                    .Select(f => $"{f.RuleId} {f.Primary.Path}({f.Primary.StartLine},{f.Primary.StartColumn}) suppressed={f.Suppression is not null} {f.Message}")
                    .ToList();

                Assert.Equal(expected, fromCli.Count);
                Assert.Equal(fromCli, fromBuild.Where(f => InProject(f, projectFolder)));
                Assert.Equal(expectedInConfigs, fromBuildInConfigs.Count);
                Assert.All(fromBuildInConfigs, f => Assert.Contains(f, fromCliInConfigs));
            }
            finally
            {
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        }

        private static string RunDotnet(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in five minutes");
            return output.Result + error.Result;
        }

        internal static void CopyDirectory(string from, string to)
        {
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
