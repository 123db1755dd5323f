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
            var root = CorpusDirectory;
            var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => DeploymentConfigReader.Recognize(f) == ConfigFormat.ServerlessFramework)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            Assert.True(files.Count >= 190, $"expected the corpus's serverless files, found {files.Count}");

            var errors = new List<string>();
            var listing = new StringBuilder();
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var result = DeploymentConfigReader.Read(relative, File.ReadAllText(file), ConfigReadContext.Default);
                errors.AddRange(result.Problems.Where(p => p.Level == ProblemLevel.Error).Select(p => p.ToString()));
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
            Snapshot.Match(Path.Combine("Corpus", "serverless-units.txt"), listing.ToString());
        }
    }
}
