using System;
using System.Text.RegularExpressions;
using PlatformFit.Core.Config;

namespace PlatformFit.Analyzers.Deployment.Cdk
{
    /// <summary>
    /// Where an AWS CDK app keeps what PlatformFit reads, from its <c>cdk.json</c>: the working folder the CDK CLI runs
    /// the app in (the folder of <c>cdk.json</c>; asset paths are relative to it), the C# project the app runs
    /// (<c>"app": "dotnet run --project src/Infra/Infra.csproj"</c>; without <c>--project</c>, the working folder), and
    /// the folder <c>cdk synth</c> writes to (<c>"output"</c>, default <c>cdk.out</c>).
    /// </summary>
    /// <remarks>
    /// The two hosts must pick the same files: the analyzer package's build props find the source folder with the
    /// same two patterns in an MSBuild target (<see cref="AppPattern"/>, <see cref="ProjectPattern"/>), so they are
    /// regular expressions over the text rather than a JSON parse.
    /// </remarks>
    public sealed class CdkAppLayout
    {
        /// <summary>The file that makes a folder a CDK app.</summary>
        public const string FileName = "cdk.json";

        /// <summary>The <c>"app"</c> command. The build props use the same pattern.</summary>
        public const string AppPattern = "\"app\"\\s*:\\s*\"([^\"]*)\"";

        /// <summary>The project a <c>dotnet run</c> command names. The build props use the same pattern.</summary>
        public const string ProjectPattern = "(?:--project|-p)(?:\\s+|=)([^\\s\"\\\\]+)";

        private const string OutputPattern = "\"output\"\\s*:\\s*\"([^\"]+)\"";

        private CdkAppLayout(string configPath, string workingDirectory, string sourceDirectory, string outputDirectory, bool isDotnet)
        {
            ConfigPath = configPath;
            WorkingDirectory = workingDirectory;
            SourceDirectory = sourceDirectory;
            OutputDirectory = outputDirectory;
            IsDotnet = isDotnet;
        }

        /// <summary>The <c>cdk.json</c> path, as the host named it.</summary>
        public string ConfigPath { get; }

        /// <summary>The folder of <c>cdk.json</c>, with '/' separators: the app's working folder.</summary>
        public string WorkingDirectory { get; }

        /// <summary>The folder whose <c>.cs</c> files are the app's code.</summary>
        public string SourceDirectory { get; }

        /// <summary>The folder <c>cdk synth</c> writes the templates to.</summary>
        public string OutputDirectory { get; }

        /// <summary>Whether the app is a .NET program (its command runs <c>dotnet</c>); other apps are not read.</summary>
        public bool IsDotnet { get; }

        /// <summary>Whether <paramref name="path"/> names a <c>cdk.json</c>.</summary>
        public static bool IsAppFile(string path)
        {
            var normalized = ConfigPaths.Normalize(path);
            return normalized.EndsWith("/" + FileName, StringComparison.OrdinalIgnoreCase) || normalized.Equals(FileName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads the layout from a <c>cdk.json</c>'s path and text.</summary>
        public static CdkAppLayout Read(string configPath, string text)
        {
            var working = ConfigPaths.DirectoryOf(configPath);
            var app = Regex.Match(text, AppPattern);
            var command = app.Success ? app.Groups[1].Value : string.Empty;
            var isDotnet = command.IndexOf("dotnet", StringComparison.Ordinal) >= 0;

            var source = working;
            var project = Regex.Match(command, ProjectPattern);
            if (project.Success)
            {
                var named = ConfigPaths.Resolve(configPath, project.Groups[1].Value);
                source = named.EndsWith("proj", StringComparison.OrdinalIgnoreCase) ? ConfigPaths.DirectoryOf(named) : named.TrimEnd('/');
            }

            var output = Regex.Match(text, OutputPattern);
            var outputDirectory = ConfigPaths.Resolve(configPath, output.Success ? output.Groups[1].Value : "cdk.out");
            return new CdkAppLayout(configPath, working, source, outputDirectory, isDotnet);
        }

        /// <summary>
        /// Whether <paramref name="path"/> is one of the app's C# files: below <see cref="SourceDirectory"/> and not in a
        /// build, dependency or synthesis folder.
        /// </summary>
        public bool IsSourceFile(string path)
        {
            if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || !ConfigPaths.IsUnder(path, SourceDirectory))
            {
                return false;
            }

            var relative = ConfigPaths.Normalize(path).Substring(SourceDirectory.Length);
            foreach (var segment in relative.Split('/'))
            {
                if (IsSkippedFolder(segment))
                {
                    return false;
                }
            }

            return !ConfigPaths.IsUnder(path, OutputDirectory);
        }

        /// <summary>Whether <paramref name="path"/> is a template <c>cdk synth</c> wrote for this app.</summary>
        public bool IsSynthesizedTemplate(string path) =>
            path.EndsWith(".template.json", StringComparison.OrdinalIgnoreCase) && ConfigPaths.IsUnder(path, OutputDirectory) &&
            ConfigPaths.Normalize(path).IndexOf("/asset.", OutputDirectory.Length, StringComparison.OrdinalIgnoreCase) < 0;

        /// <summary>Folders no app source lies in; the build props exclude the same.</summary>
        public static bool IsSkippedFolder(string name) =>
            name.Equals("bin", StringComparison.OrdinalIgnoreCase) || name.Equals("obj", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("node_modules", StringComparison.OrdinalIgnoreCase) || name.Equals("cdk.out", StringComparison.OrdinalIgnoreCase) ||
            name.Equals(".git", StringComparison.OrdinalIgnoreCase);
    }
}
