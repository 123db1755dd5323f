using System;
using System.Collections.Generic;
using System.IO;
using PlatformFit.Analyzers.Deployment.Cdk;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Discovery
{
    /// <summary>What a scan works on: the repository's C# projects, deployment configs and analyzer config files.</summary>
    internal sealed class RepositoryFiles
    {
        public RepositoryFiles(string root, IReadOnlyList<string> projects, IReadOnlyList<string> configs, IReadOnlyList<string> analyzerConfigs, IReadOnlyList<string> skipped)
        {
            Root = root;
            Projects = projects;
            Configs = configs;
            AnalyzerConfigs = analyzerConfigs;
            Skipped = skipped;
        }

        /// <summary>AWS CDK apps' <c>cdk.json</c> files and the C# files of the .NET apps among them, absolute, sorted.</summary>
        public IReadOnlyList<string> CdkAppFiles { get; init; } = System.Array.Empty<string>();

        /// <summary>The scanned folder, absolute; every path reported is relative to it.</summary>
        public string Root { get; }

        /// <summary><c>.csproj</c> files, absolute, sorted.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>Deployment configs PlatformFit reads (<c>serverless.yml</c>, …), absolute, sorted.</summary>
        public IReadOnlyList<string> Configs { get; }

        /// <summary><c>.editorconfig</c> and <c>.globalconfig</c> files, absolute, sorted.</summary>
        public IReadOnlyList<string> AnalyzerConfigs { get; }

        /// <summary>Why entries were left out (a link out of the repository, an unreadable folder), repo-relative.</summary>
        public IReadOnlyList<string> Skipped { get; }
    }

    /// <summary>
    /// Walks the scanned folder for the files a scan needs, skipping build output and dependencies
    /// (<c>bin</c>, <c>obj</c>, <c>.git</c>, <c>node_modules</c>). Links are not followed out of the folder, and
    /// folder links are not followed at all, so a link cycle cannot hang the walk.
    /// </summary>
    internal static class RepositoryWalker
    {
        private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
        {
            "bin", "obj", ".git", "node_modules", ".vs", ".idea", "TestResults", ".serverless", ".aws-sam",
        };

        /// <summary>The folder <c>cdk synth</c> writes to: only its templates are read, never its asset copies.</summary>
        private const string SynthesisFolder = "cdk.out";

        public static RepositoryFiles Walk(string root)
        {
            var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
            var projects = new List<string>();
            var configs = new List<string>();
            var analyzerConfigs = new List<string>();
            var skipped = new List<string>();
            var cdkApps = new List<string>();
            var pending = new Stack<(string Directory, bool Synthesized)>();
            pending.Push((fullRoot, false));

            while (pending.Count > 0)
            {
                var (directory, synthesized) = pending.Pop();
                IEnumerable<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(directory).EnumerateFileSystemInfos();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    skipped.Add($"{Relative(fullRoot, directory)}: the folder could not be read ({e.Message})");
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (entry is DirectoryInfo folder)
                    {
                        if (folder.LinkTarget is not null)
                        {
                            skipped.Add($"{Relative(fullRoot, folder.FullName)}: a folder link, not followed");
                        }
                        else if (folder.Name.Equals(SynthesisFolder, StringComparison.OrdinalIgnoreCase) || synthesized)
                        {
                            // Synthesized templates (also a CDK Pipelines stage's assembly-*/); asset.* folders are copies
                            // of the functions' code and configs, which are read where they are written.
                            if (!folder.Name.StartsWith("asset.", StringComparison.OrdinalIgnoreCase))
                            {
                                pending.Push((folder.FullName, true));
                            }
                        }
                        else if (!SkippedFolders.Contains(folder.Name))
                        {
                            pending.Push((folder.FullName, false));
                        }

                        continue;
                    }

                    var kind = synthesized
                        ? (entry.Name.EndsWith(".template.json", StringComparison.OrdinalIgnoreCase) ? configs : null)
                        : entry.Name.Equals(CdkAppLayout.FileName, StringComparison.OrdinalIgnoreCase) ? cdkApps : Classify(entry.Name);
                    if (kind is null)
                    {
                        continue;
                    }

                    if (entry.LinkTarget is not null && !LinkStaysInside(fullRoot, (FileInfo)entry))
                    {
                        skipped.Add($"{Relative(fullRoot, entry.FullName)}: a link that points out of the scanned folder, not read");
                        continue;
                    }

                    kind.Add(entry.FullName);
                }

                List<string>? Classify(string name)
                {
                    if (name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                    {
                        return projects;
                    }

                    if (name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase))
                    {
                        return analyzerConfigs;
                    }

                    return DeploymentConfigReader.Recognize(name) != ConfigFormat.Unknown || MayBeConfigByContent(directory, name) ? configs : null;
                }
            }

            configs.RemoveAll(path => DeploymentConfigReader.Recognize(path) == ConfigFormat.Unknown && !IsConfigByContent(path));
            projects.Sort(StringComparer.Ordinal);
            configs.Sort(StringComparer.Ordinal);
            analyzerConfigs.Sort(StringComparer.Ordinal);
            skipped.Sort(StringComparer.Ordinal);
            return new RepositoryFiles(fullRoot, projects, configs, analyzerConfigs, skipped) { CdkAppFiles = CdkAppFiles(fullRoot, cdkApps) };
        }

        /// <summary>
        /// Each <c>cdk.json</c> and, for a .NET app, the C# files of the project it runs (<see cref="CdkAppLayout"/>; the
        /// analyzer package's build props pick the same files), inside the scanned folder.
        /// </summary>
        private static List<string> CdkAppFiles(string root, List<string> cdkApps)
        {
            var files = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var configPath in cdkApps)
            {
                files.Add(configPath);
                string text;
                try
                {
                    text = File.ReadAllText(configPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                var app = CdkAppLayout.Read(configPath, text);
                var sourceDirectory = app.SourceDirectory.Replace('/', Path.DirectorySeparatorChar);
                if (!app.IsDotnet || !(sourceDirectory == root || sourceDirectory.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || !Directory.Exists(sourceDirectory))
                {
                    continue;
                }

                var pending = new Stack<string>();
                pending.Push(sourceDirectory);
                while (pending.Count > 0)
                {
                    var directory = pending.Pop();
                    try
                    {
                        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
                        {
                            if (entry is DirectoryInfo folder)
                            {
                                if (folder.LinkTarget is null && !CdkAppLayout.IsSkippedFolder(folder.Name))
                                {
                                    pending.Push(folder.FullName);
                                }
                            }
                            else if (entry.LinkTarget is null && app.IsSourceFile(entry.FullName))
                            {
                                files.Add(entry.FullName);
                            }
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // An unreadable folder of the app: its functions are missing, as the walk's own skipped folders are.
                    }
                }
            }

            return new List<string>(files);
        }

        /// <summary>The repository-relative form of a path, with '/' separators, as every report writes it.</summary>
        public static string Relative(string root, string path)
        {
            var relative = Path.GetRelativePath(root, path);
            return relative == "." ? string.Empty : relative.Replace(Path.DirectorySeparatorChar, '/');
        }

        /// <summary>
        /// YAML and JSON files whose name does not say what they are: CloudFormation templates are named freely
        /// (<c>infra/api.yaml</c>), and so is the Serverless service a <c>--config</c> names (<c>serverless.prod.yml</c>),
        /// so their first kilobytes decide. Files that are known to be something else are
        /// not read at all.
        /// </summary>
        private static bool MayBeConfigByContent(string directory, string name)
        {
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (extension is not (".yaml" or ".yml" or ".json" or ".template"))
            {
                return false;
            }

            var lower = name.ToLowerInvariant();
            if (lower is "package.json" or "package-lock.json" or "global.json" or "launchsettings.json" or "omnisharp.json" or ".pre-commit-hooks.yaml" or ".pre-commit-config.yaml" or "action.yml" or "action.yaml" or "docker-compose.yml" or "docker-compose.yaml" or "codecov.yml" or "mkdocs.yml" ||
                lower.StartsWith("appsettings", StringComparison.Ordinal) || lower.StartsWith("tsconfig", StringComparison.Ordinal) ||
                lower.EndsWith(".deps.json", StringComparison.Ordinal) || lower.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) ||
                lower.EndsWith(".runtimeconfig.template.json", StringComparison.Ordinal) || lower.EndsWith(".sarif", StringComparison.Ordinal))
            {
                return false;
            }

            // CI workflow definitions are YAML too, and never templates.
            var folder = Path.GetFileName(directory);
            return !folder.Equals("workflows", StringComparison.OrdinalIgnoreCase) && !folder.Equals(".circleci", StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsConfigByContent(string path)
        {
            try
            {
                using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
                var buffer = new char[8192];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                return DeploymentConfigReader.Recognize(path, new string(buffer, 0, read)) != ConfigFormat.Unknown;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool LinkStaysInside(string root, FileInfo link)
        {
            try
            {
                var target = link.ResolveLinkTarget(returnFinalTarget: true);
                return target is not null && target.Exists && Path.GetFullPath(target.FullName).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        }
    }
}
