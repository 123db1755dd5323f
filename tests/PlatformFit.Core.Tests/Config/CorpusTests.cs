using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Tests.Config
{
    /// <summary>
    /// Real deployment configs from public repositories (<c>../shared/corpus/configs</c>): every one the readers
    /// recognise is read without an exception and without an error-level problem unless the file is broken.
    /// </summary>
    public class CorpusTests
    {
        public static string CorpusDirectory
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Linter.sln")))
                {
                    directory = directory.Parent;
                }

                Assert.True(directory is not null, "the repository root (with Linter.sln) was not found above the test binaries");
                var corpus = Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "corpus", "configs"));
                Assert.True(Directory.Exists(corpus), $"the shared corpus is missing at {corpus}");
                return corpus;
            }
        }

        /// <summary>
        /// Every service reads without an error, and the units that come out are the ones committed in
        /// <c>Corpus/serverless-units.txt</c>: a listing a person reviews (regenerate with
        /// <c>PLATFORMFIT_UPDATE_SNAPSHOTS=1</c> and read the diff).
        /// </summary>
        [Fact]
        public void Every_serverless_service_in_the_corpus_reads_as_listed()
        {
            var files = CorpusFiles(ConfigFormat.ServerlessFramework);
            Assert.True(files.Count >= 190, $"expected the corpus's serverless files, found {files.Count}");

            ReadsAsListed(files, Path.Combine("Corpus", "serverless-units.txt"));
        }

        /// <summary>
        /// Every CloudFormation and SAM template (<c>template.yaml</c>, <c>serverless.template</c>, and a
        /// <c>serverless.yaml</c> that is a template) reads without an error, as listed in
        /// <c>Corpus/cloudformation-units.txt</c>.
        /// </summary>
        [Fact]
        public void Every_template_in_the_corpus_reads_as_listed()
        {
            var files = CorpusFiles(ConfigFormat.CloudFormation);
            Assert.True(files.Count >= 92, $"expected the corpus's templates, found {files.Count}");
            Assert.Contains(files, f => f.EndsWith("template.yml", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("ServerlessTemplateYamlExample/serverless.yaml", StringComparison.Ordinal));

            ReadsAsListed(files, Path.Combine("Corpus", "cloudformation-units.txt"));
        }

        /// <summary>
        /// Every <c>aws-lambda-tools-defaults.json</c> reads without an error, as listed in
        /// <c>Corpus/lambda-tools-units.txt</c>: its function, or the template it deploys.
        /// </summary>
        [Fact]
        public void Every_lambda_tools_defaults_file_in_the_corpus_reads_as_listed()
        {
            var files = CorpusFiles(ConfigFormat.LambdaToolsDefaults);
            Assert.True(files.Count >= 174, $"expected the corpus's aws-lambda-tools-defaults.json files, found {files.Count}");

            ReadsAsListed(files, Path.Combine("Corpus", "lambda-tools-units.txt"));
        }

        /// <summary>The corpus files of one format, by name and content as a host that reads them would recognise them.</summary>
        private static List<string> CorpusFiles(ConfigFormat format) =>
            Directory.GetFiles(CorpusDirectory, "*", SearchOption.AllDirectories)
                .Where(f => DeploymentConfigReader.Recognize(f, File.ReadAllText(f)) == format)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        private static void ReadsAsListed(List<string> files, string listingPath)
        {
            var root = CorpusDirectory;
            var errors = new List<string>();
            var listing = new StringBuilder();
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var result = DeploymentConfigReader.Read(relative, File.ReadAllText(file), ConfigReadContext.Default);
                errors.AddRange(result.Problems.Where(p => p.Level == ProblemLevel.Error).Select(p => p.ToString()));
                if (result.DeployedTemplate is { } deployed)
                {
                    listing.Append(relative).Append(" | deploys ").Append(deployed.Template)
                        .Append(" | parameters=").Append(string.Join(";", deployed.Parameters.Select(p => p.Key + "=" + p.Value)))
                        .Append('\n');
                }

                foreach (var unit in result.Units)
                {
                    listing.Append(relative).Append(" | ").Append(unit.Name)
                        .Append(" | handler=").Append(unit.Handler)
                        .Append(" | runtime=").Append(unit.Runtime)
                        .Append(" | memory=").Append(unit.MemoryMb)
                        .Append(" | timeout=").Append(unit.TimeoutSeconds)
                        .Append(" | doors=").Append(string.Join(",", unit.FrontDoors.Select(d => d.Kind == FrontDoorKind.Other ? d.Source : d.ProfileKey)))
                        .Append('\n');
                }
            }

            Assert.Empty(errors);
            Snapshot.Match(listingPath, listing.ToString());
        }
    }
}
