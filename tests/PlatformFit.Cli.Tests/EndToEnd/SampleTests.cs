using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PlatformFit.Cli.Commands;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>The README's first command, on the bundled sample: compiler-style findings and exit code 1.</summary>
    [Trait("Rule", "PF1001")]
    public class SampleTests
    {
        [Fact]
        public async Task The_sample_reports_both_WebSocket_server_lines_and_exits_with_1()
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter();
            var options = new ScanCommandOptions(new DirectoryInfo(FixtureScan.SamplePath("websocket-on-lambda")), OutputFormat.Text, null, FailLevel.Error, null, false, false, false)
            {
                AsOf = FixtureScan.AsOf,
            };

            var exitCode = await ScanCommand.RunAsync(options, stdout, stderr, CancellationToken.None);

            Assert.Equal(ExitCodes.Findings, exitCode);
            var lines = stdout.ToString().Split('\n');
            Assert.Contains(lines, l => l.StartsWith("src/ChatApi/Program.cs(18,5): error PF1001: 'UseWebSockets' accepts WebSocket connections, but function 'api' runs on AWS Lambda behind an API Gateway HTTP API (httpApi) at serverless.yml(29,9)", System.StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("src/ChatApi/Program.cs(29,49): error PF1001: 'AcceptWebSocketAsync'", System.StringComparison.Ordinal));
            Assert.Equal(string.Empty, stderr.ToString());
        }
    }
}
