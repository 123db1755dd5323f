using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Tests.EndToEnd;
using PlatformFit.Cli.Tests.Tools;
using Xunit.Abstractions;

namespace PlatformFit.Cli.Tests.Precision
{
    /// <summary>
    /// The labelled precision corpus (<c>tests/precision/</c>): small realistic repositories whose lines say which
    /// rule must report them (<c>expect:</c>) and which must stay silent (<c>look-alike:</c>). Each repository is
    /// scanned the way <c>platformfit scan</c> does; every expected line must be reported with its rule, no
    /// look-alike may be, and no finding may land on a line without a label. Known misses and known false
    /// positives are labelled as such, so the counts stay honest and a fix shows up as a failing label to update.
    /// </summary>
    public class LabelledCorpusTests
    {
        private const string TableBegin = "<!-- measurement: begin -->";
        private const string TableEnd = "<!-- measurement: end -->";

        private static readonly ConcurrentDictionary<string, Lazy<Task<RepositoryMeasurement>>> s_measurements = new(StringComparer.Ordinal);

        private readonly ITestOutputHelper output;

        public LabelledCorpusTests(ITestOutputHelper output) => this.output = output;

        public static string CorpusPath => Path.Combine(RepositoryRoot.Path, "tests", "precision");

        public static TheoryData<string> Repositories => new(RepositoryNames());

        [Theory]
        [MemberData(nameof(Repositories))]
        public async Task Every_labelled_line_is_reported_as_labelled_and_nothing_else_is(string repository)
        {
            var measurement = await MeasureAsync(repository);

            Assert.Contains(measurement.Judgements, j => j.Label.Kind is LabelKind.LookAlike or LabelKind.KnownFalsePositive);
            var differences = measurement.Differences();
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        }

        [Fact]
        public async Task The_readme_shows_the_current_measurement_per_rule()
        {
            var measurements = new List<RepositoryMeasurement>();
            foreach (var repository in RepositoryNames())
            {
                measurements.Add(await MeasureAsync(repository));
            }

            var table = PrecisionReport.Table(PrecisionReport.Count(measurements));
            output.WriteLine(table);
            foreach (var difference in measurements.SelectMany(m => m.Differences()))
            {
                output.WriteLine(difference);
            }

            var readme = Path.Combine(CorpusPath, "README.md");
            var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
            var begin = text.IndexOf(TableBegin, StringComparison.Ordinal);
            var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, $"{readme} has no {TableBegin} … {TableEnd} block");
            var updated = text[..(begin + TableBegin.Length)] + "\n\n" + table + "\n" + text[end..];
            FixtureScan.MatchSnapshot(readme, updated);
        }

        [Fact]
        public void Labels_are_read_from_comments_in_code_and_config()
        {
            var folder = Path.Combine(Path.GetTempPath(), $"platformfit-labels-{Guid.NewGuid():N}");
            Directory.CreateDirectory(Path.Combine(folder, "src"));
            try
            {
                File.WriteAllText(Path.Combine(folder, "src", "F.cs"), "a();\nb(); // expect: PF2001, PF2004; look-alike: PF5001\nc(); // known-miss: PF3001\n");
                File.WriteAllText(Path.Combine(folder, "serverless.yml"), "provider:\n  timeout: 60 # known-false-positive: PF3102\n");
                File.WriteAllText(Path.Combine(folder, "notes.md"), "expect: PF1001\n");

                var labels = LabelledLines.Read(folder);

                Assert.Equal(
                    new[]
                    {
                        new Label(LabelKind.KnownFalsePositive, "PF3102", "serverless.yml", 2),
                        new Label(LabelKind.Expect, "PF2001", "src/F.cs", 2),
                        new Label(LabelKind.Expect, "PF2004", "src/F.cs", 2),
                        new Label(LabelKind.LookAlike, "PF5001", "src/F.cs", 2),
                        new Label(LabelKind.KnownMiss, "PF3001", "src/F.cs", 3),
                    },
                    labels);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public void A_measurement_counts_hits_misses_flags_and_unlabelled_findings()
        {
            var labels = new[]
            {
                new Label(LabelKind.Expect, "PF2001", "a.cs", 1),
                new Label(LabelKind.Expect, "PF2001", "a.cs", 2),
                new Label(LabelKind.LookAlike, "PF2001", "a.cs", 3),
                new Label(LabelKind.KnownFalsePositive, "PF2001", "a.cs", 4),
                new Label(LabelKind.KnownMiss, "PF2001", "a.cs", 5),
            };
            var reported = new[]
            {
                new ReportedLine("PF2001", "a.cs", 1),
                new ReportedLine("PF2001", "a.cs", 3),
                new ReportedLine("PF2001", "a.cs", 4),
                new ReportedLine("PF5001", "a.cs", 1),
            };

            var measurement = new RepositoryMeasurement("repo", labels, reported);
            var counts = PrecisionReport.Count(new[] { measurement });

            Assert.Equal(
                new[]
                {
                    new PrecisionReport.RuleCounts("PF2001", TruePositives: 1, Missed: 2, LookAlikes: 2, Flagged: 2, Unlabelled: 0),
                    new PrecisionReport.RuleCounts("PF5001", 0, 0, 0, 0, Unlabelled: 1),
                },
                counts);
            Assert.Equal(
                new[]
                {
                    "repo/a.cs(2): expected PF2001, not reported",
                    "repo/a.cs(3): look-alike reported as PF2001",
                    "repo/a.cs(1): PF5001 reported on a line with no label for it",
                },
                measurement.Differences());
        }

        private static IEnumerable<string> RepositoryNames() =>
            Directory.GetDirectories(CorpusPath).Select(d => Path.GetFileName(d)).OrderBy(n => n, StringComparer.Ordinal);

        private static Task<RepositoryMeasurement> MeasureAsync(string repository) =>
            s_measurements.GetOrAdd(repository, name => new Lazy<Task<RepositoryMeasurement>>(async () =>
            {
                var folder = Path.Combine(CorpusPath, name);
                var result = await FixtureScan.ScanAsync(folder);
                Assert.True(result.ExecutionSuccessful, string.Join(Environment.NewLine, result.Notifications.Select(n => n.Message)));
                var reported = result.Findings
                    .Where(f => f.Suppression is null)
                    .Select(f => new ReportedLine(f.RuleId, f.Primary.Path, f.Primary.StartLine))
                    .ToList();
                return new RepositoryMeasurement(name, LabelledLines.Read(folder), reported);
            })).Value;
    }
}
