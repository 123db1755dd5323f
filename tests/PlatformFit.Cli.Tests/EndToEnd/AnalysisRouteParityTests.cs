using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PlatformFit.Cli.Analysis;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// The scan asks the analyzers per syntax tree, and only for the trees that hold a trigger of some rule
    /// (<c>TriggerNamesAttribute</c>): a tree it skips must never hide a finding. Every fixture and sample is scanned
    /// both ways — per candidate tree, and the whole compilation at once as a build does — and the SARIF, suppressed
    /// findings included, must be the same.
    /// </summary>
    public class AnalysisRouteParityTests
    {
        /// <summary>The rules that look at code: the fixtures must give each of them findings, or parity proves nothing for it.</summary>
        private static readonly string[] CodeRules = { "PF1001", "PF1002", "PF1003", "PF2001", "PF2002", "PF2003", "PF2004", "PF3001", "PF3002", "PF5001" };

        public static TheoryData<string> Repositories => new(RepositoryFolders());

        [Theory]
        [MemberData(nameof(Repositories))]
        public async Task Per_tree_analysis_reports_what_whole_compilation_analysis_reports(string repository)
        {
            var folder = Path.Combine(RepositoryRoot.Path, repository);

            var perTree = await ScanAsync(folder, AnalysisRoute.PerTree);
            var whole = await ScanAsync(folder, AnalysisRoute.WholeCompilation);

            Assert.Equal(FixtureScan.Sarif(folder, whole, includeSuppressed: true), FixtureScan.Sarif(folder, perTree, includeSuppressed: true));
        }

        [Fact]
        public async Task The_repositories_give_every_code_rule_findings()
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var repository in RepositoryFolders())
            {
                var result = await ScanAsync(Path.Combine(RepositoryRoot.Path, repository), AnalysisRoute.WholeCompilation);
                found.UnionWith(result.Findings.Select(f => f.RuleId));
            }

            Assert.All(CodeRules, rule => Assert.Contains(rule, found));
        }

        private static string[] RepositoryFolders() =>
            Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "tests", "fixtures"))
                .Concat(Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "samples")))
                .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p).Replace('\\', '/'))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToArray();

        private static Task<ScanResult> ScanAsync(string folder, AnalysisRoute route) =>
            ScanEngine.ScanAsync(new ScanRequest(folder) { AsOf = FixtureScan.AsOf, Route = route }, TextWriter.Null, CancellationToken.None);
    }
}
