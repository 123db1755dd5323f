using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PlatformFit.Cli.Reporting;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Tools;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>Scans a folder under <c>tests/fixtures/</c> (or <c>samples/</c>) the way <c>platformfit scan</c> does.</summary>
    internal static class FixtureScan
    {
        public static string FixturePath(string name) => Path.Combine(RepositoryRoot.Path, "tests", "fixtures", name);

        public static string SamplePath(string name) => Path.Combine(RepositoryRoot.Path, "samples", name);

        /// <summary>
        /// The scan date of every fixture scan, so that runtime lifecycle findings (PF4001, PF4002) in the reviewed
        /// snapshots do not change with the day the tests run.
        /// </summary>
        public static readonly DateTime AsOf = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

        public static Task<ScanResult> ScanAsync(string folder, string? stage = null, DateTime? asOf = null) =>
            ScanEngine.ScanAsync(new ScanRequest(folder) { Stage = stage, AsOf = asOf ?? AsOf }, TextWriter.Null, CancellationToken.None);

        public static string Sarif(string folder, ScanResult result, bool includeSuppressed = false)
        {
            var writer = new SarifReportWriter(
                relative => File.Exists(Path.Combine(folder, relative)) ? new UTF8Encoding(false).GetString(File.ReadAllBytes(Path.Combine(folder, relative))) : null,
                new SarifReportOptions { IncludeSuppressed = includeSuppressed });
            using var stream = new MemoryStream();
            writer.Write(result, stream);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        public static string Text(ScanResult result, bool includeSuppressed = false)
        {
            using var text = new StringWriter { NewLine = "\n" };
            new TextReportWriter(new TextReportOptions { IncludeSuppressed = includeSuppressed }).Write(result, text);
            return text.ToString();
        }

        /// <summary>
        /// Compares with the reviewed snapshot beside the fixture; <c>PLATFORMFIT_UPDATE_SNAPSHOTS=1</c> rewrites it
        /// for a person to review the diff before committing.
        /// </summary>
        public static void MatchSnapshot(string path, string actual)
        {
            if (Environment.GetEnvironmentVariable("PLATFORMFIT_UPDATE_SNAPSHOTS") == "1")
            {
                File.WriteAllText(path, actual);
                return;
            }

            Assert.True(File.Exists(path), $"{path} is missing: run the tests with PLATFORMFIT_UPDATE_SNAPSHOTS=1 and review it");
            var expected = File.ReadAllText(path);
            Assert.Equal(expected, actual);
        }
    }
}
