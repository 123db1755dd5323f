using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PlatformFit.Cli.Tests.Projects;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// GitHub matches an alert across commits by its <c>partialFingerprints.primaryLocationLineHash</c>: a scan of an
    /// edited copy of a fixture must keep the hash of each finding when only unrelated lines above it changed (else
    /// every edit would close the alert and open a new one), and change it when the finding's own line changed.
    /// </summary>
    [Trait("Rule", "PF1001")]
    public sealed class FingerprintStabilityTests
    {
        private const string CommentBlock = """
            // Notifications service.
            //
            // Lines added above the finding: the alert must stay the same alert.

            """;

        [Theory]
        [InlineData("fixture", "signalr-behind-alb", "src/Notifications/Program.cs")]
        [InlineData("sample", "websocket-on-lambda", "src/ChatApi/Program.cs")]
        public async Task Lines_inserted_above_a_finding_move_it_without_changing_its_fingerprint(string kind, string name, string program)
        {
            using var repository = CopyOf(kind, name);
            var before = await ScanResultsAsync(repository.Root);

            Prepend(repository.PathOf(program), CommentBlock);
            InsertAfterFirstLine(repository.PathOf("serverless.yml"), "# Deployed by the platform team; ask in #platform before changing.\n\n");
            var after = await ScanResultsAsync(repository.Root);

            Assert.NotEmpty(before);
            Assert.Equal(before.Count, after.Count);
            var insertedLines = CommentBlock.Split('\n').Length - 1;
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Equal(before[i].RuleId, after[i].RuleId);
                Assert.Equal(before[i].StartLine + insertedLines, after[i].StartLine);
                Assert.Equal(before[i].LineHash, after[i].LineHash);

                // The config line moved too, and the SARIF follows it.
                Assert.Equal(before[i].RelatedStartLine + 2, after[i].RelatedStartLine);
            }
        }

        [Fact]
        public async Task Editing_the_finding_own_line_changes_its_fingerprint()
        {
            using var repository = CopyOf("fixture", "signalr-behind-alb");
            var program = repository.PathOf("src/Notifications/Program.cs");
            var before = Assert.Single(await ScanResultsAsync(repository.Root));

            var text = File.ReadAllText(program);
            Assert.Contains("app.MapHub<NotificationHub>(\"/hubs/notifications\");", text, StringComparison.Ordinal);
            File.WriteAllText(program, text.Replace("\"/hubs/notifications\"", "\"/hubs/alerts\"", StringComparison.Ordinal));
            var after = Assert.Single(await ScanResultsAsync(repository.Root));

            Assert.Equal(before.StartLine, after.StartLine);
            Assert.NotEqual(before.LineHash, after.LineHash);
        }

        private sealed record ResultPosition(string RuleId, int StartLine, string LineHash, int RelatedStartLine);

        private static async Task<List<ResultPosition>> ScanResultsAsync(string folder)
        {
            var result = await FixtureScan.ScanAsync(folder);
            using var sarif = JsonDocument.Parse(FixtureScan.Sarif(folder, result));
            return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(entry => new ResultPosition(
                    entry.GetProperty("ruleId").GetString()!,
                    Region(entry.GetProperty("locations")[0]).GetProperty("startLine").GetInt32(),
                    entry.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!,
                    Region(entry.GetProperty("relatedLocations")[0]).GetProperty("startLine").GetInt32()))
                .ToList();
        }

        private static JsonElement Region(JsonElement location) => location.GetProperty("physicalLocation").GetProperty("region");

        private static ScratchRepository CopyOf(string kind, string name)
        {
            var source = kind == "sample" ? FixtureScan.SamplePath(name) : FixtureScan.FixturePath(name);
            var repository = new ScratchRepository();
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }

                var target = Path.Combine(repository.Root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return repository;
        }

        private static void Prepend(string path, string text) => File.WriteAllText(path, text + File.ReadAllText(path));

        private static void InsertAfterFirstLine(string path, string text)
        {
            var content = File.ReadAllText(path);
            var firstLineEnd = content.IndexOf('\n', StringComparison.Ordinal) + 1;
            File.WriteAllText(path, content.Insert(firstLineEnd, text));
        }
    }
}
