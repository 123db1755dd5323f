using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PlatformFit.Cli.Scanning;
using PlatformFit.Cli.Tests.Projects;

namespace PlatformFit.Cli.Tests.EndToEnd
{
    /// <summary>
    /// The config-only rules end to end: what each fixture must report, what it must leave alone, and that a config
    /// gives the same findings whether the scan finds the project it deploys (the analyzers report them) or not (the
    /// CLI checks the unit itself).
    /// </summary>
    public class ConfigRuleFixtureTests
    {
        private static readonly string[] ProjectIndependentRules = { "PF3101", "PF3102", "PF3103", "PF4001", "PF4002" };

        private static string Describe(Finding f) =>
            $"{f.RuleId} {f.Level} {f.Primary} [{string.Join(", ", f.Related.Select(r => r.Location))}] unit={f.Unit} {f.Message}";

        [Fact]
        [Trait("Rule", "PF4005")]
        public async Task Handler_typos_are_reported_on_the_handler_with_a_suggestion_and_working_handlers_are_not()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("handler-typo"));

            Assert.True(result.ExecutionSuccessful);
            Assert.All(result.Findings, f => Assert.Equal("PF4005", f.RuleId));
            Assert.Equal(
                new[] { "api", "export", "audit", "webhooks", "invoices" },
                result.Findings.Select(f => f.Unit));
            Assert.All(result.Findings, f => Assert.Equal(("serverless.yml", FindingLevel.Error, 14), (f.Primary.Path, f.Level, f.Primary.StartColumn)));
            Assert.EndsWith("did you mean 'Orders::Orders.Api.Function::Handle'?", result.Findings.Single(f => f.Unit == "api").Message, StringComparison.Ordinal);
            Assert.Contains("no project in the repository builds an assembly named 'Order'", result.Findings.Single(f => f.Unit == "invoices").Message, StringComparison.Ordinal);

            // The Lambda Annotations handler, a handler that resolves and a Node.js function: silent.
            Assert.DoesNotContain(result.Findings, f => f.Unit is "reports" or "nightly" or "notify");
        }

        [Fact]
        [Trait("Rule", "PF4003")]
        [Trait("Rule", "PF4004")]
        public async Task Runtimes_that_cannot_start_the_project_and_a_build_for_the_other_architecture_are_reported()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("runtime-mismatch"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(
                new[] { "PF4001 catalog", "PF4003 catalog", "PF4003 pricing", "PF4004 resize", "PF4003 notifier" },
                result.Findings.Select(f => $"{f.RuleId} {f.Unit}"));

            // RollForward Major (legacy), native AOT on provided.al2023 (resize), and --self-contained true in the
            // project's aws-lambda-tools-defaults.json with a matching architecture (thumbnails): silent.
            Assert.DoesNotContain(result.Findings, f => f.Unit is "legacy" or "thumbnails");
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "PF4003" && f.Unit == "resize");
        }

        [Fact]
        [Trait("Rule", "PF4001")]
        [Trait("Rule", "PF4002")]
        public async Task A_config_without_its_code_is_still_checked_for_retired_runtimes()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("retired-runtimes"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(
                new[] { "PF4001 Warning serverless.yml(6,12) dotnet8", "PF4001 Warning serverless.yml(20,14) dotnet6", "PF4002 Error serverless.yml(27,14) dotnetcore3.1", "PF4001 Warning serverless.yml(32,14) provided.al2" },
                result.Findings.Select(f => $"{f.RuleId} {f.Level} {f.Primary} {f.Message.Split('\'')[1]}"));

            // The container image, the dotnet10 function and the Node.js function: silent; no project, so no PF4005.
            Assert.DoesNotContain(result.Findings, f => f.Unit is "renderer" or "ledger" or "webhooks");
        }

        [Fact]
        [Trait("Rule", "PF3101")]
        [Trait("Rule", "PF3102")]
        [Trait("Rule", "PF3103")]
        public async Task Timeouts_beyond_the_HTTP_API_and_memory_beyond_the_maximum_are_reported_and_their_look_alikes_are_not()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("timeout-beyond-http-api"));

            Assert.True(result.ExecutionSuccessful);

            // The order book is a singleton that keeps the orders (PF2001): a code finding, beside the config ones.
            var state = Assert.Single(result.Findings, f => f.RuleId == "PF2001");
            Assert.Equal(("src/Orders/Orders.cs", "api"), (state.Primary.Path, state.Unit));
            var findings = result.Findings.Where(f => f.RuleId != "PF2001").ToList();
            Assert.Equal(2, findings.Count);

            var timeout = findings[0];
            Assert.Equal(("PF3102", FindingLevel.Warning, "api"), (timeout.RuleId, timeout.Level, timeout.Unit));
            Assert.Equal(new SourceLocation("serverless.yml", 7, 12, 7, 14), timeout.Primary);
            Assert.Equal(new SourceLocation("serverless.yml", 15, 9, 15, 16), Assert.Single(timeout.Related).Location);
            Assert.Contains("gives up after 30 s", timeout.Message, StringComparison.Ordinal);

            var memory = findings[1];
            Assert.Equal(("PF3101", "export", 32), (memory.RuleId, memory.Unit, memory.Primary.StartLine));

            // A REST API with a raised integration timeout (reports), a timeout at the REST limit (status), an SQS
            // consumer named by ARN (export: no PF3103), a WebSocket function within 29 s (chat): silent.
            Assert.DoesNotContain(result.Findings, f => f.Unit is "reports" or "status" or "chat");
            Assert.DoesNotContain(result.Findings, f => f.RuleId == "PF3103");
        }

        [Theory]
        [InlineData("timeout-beyond-http-api")]
        [InlineData("runtime-mismatch")]
        [InlineData("handler-typo")]
        [InlineData("sqs-visibility-shorter-than-timeout")]
        [Trait("Rule", "PF3101")]
        [Trait("Rule", "PF3102")]
        [Trait("Rule", "PF3103")]
        [Trait("Rule", "PF4001")]
        public async Task A_config_gives_the_same_findings_with_and_without_the_projects_it_deploys(string fixture)
        {
            var withProjects = await FixtureScan.ScanAsync(FixtureScan.FixturePath(fixture));

            // The deployment configs at the fixture's root, without the projects (the code lives in another repository).
            using var scratch = new ScratchRepository();
            foreach (var config in Directory.GetFiles(FixtureScan.FixturePath(fixture)).Where(f => !f.EndsWith(".sarif", StringComparison.Ordinal)))
            {
                File.Copy(config, scratch.PathOf(Path.GetFileName(config)));
            }

            var withoutProjects = await FixtureScan.ScanAsync(scratch.Root);

            var expected = withProjects.Findings.Where(f => ProjectIndependentRules.Contains(f.RuleId)).Select(Describe).ToList();
            Assert.Equal(expected, withoutProjects.Findings.Select(Describe));
            Assert.Equal(fixture == "handler-typo", expected.Count == 0);
            Assert.True(withoutProjects.ExecutionSuccessful);
        }

        [Fact]
        [Trait("Rule", "PF3103")]
        public async Task Queues_that_hide_a_message_for_less_time_than_the_function_runs_are_reported_on_the_queue()
        {
            var result = await FixtureScan.ScanAsync(FixtureScan.FixturePath("sqs-visibility-shorter-than-timeout"));

            Assert.True(result.ExecutionSuccessful);
            Assert.Equal(new[] { "ExportFunction", "SlowAuditFunction" }, result.Findings.Select(f => f.Unit));
            Assert.All(result.Findings, f => Assert.Equal(("PF3103", FindingLevel.Error), (f.RuleId, f.Level)));

            // The declared VisibilityTimeout is the primary location; the function's timeout and the event are related.
            var export = result.Findings[0];
            Assert.Equal(new SourceLocation("template.yaml", 15, 26, 15, 28), export.Primary);
            Assert.Equal(new[] { 31, 33 }, export.Related.Select(r => r.Location.StartLine));

            // A queue without VisibilityTimeout hides messages for the SQS default of 30 s: reported on the event.
            Assert.Contains("is 30 s (the queue's default)", result.Findings[1].Message, StringComparison.Ordinal);

            // AuditFunction (20 s) fits in the same queue's 30 s: silent.
            Assert.DoesNotContain(result.Findings, f => f.Unit == "AuditFunction");
        }

        [Fact]
        [Trait("Rule", "PF4002")]
        public async Task A_service_under_another_name_is_read_by_content_and_a_variables_file_is_not()
        {
            // `serverless deploy --config serverless.prod.yml`: the stage's own service file, beside the variables
            // file it reads with ${file()} and a Compose file, neither of which is a service.
            using var scratch = new ScratchRepository();
            scratch.Write("serverless.prod.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: dotnetcore3.1
                  environment: ${file(./serverless.env.yml):prod}
                functions:
                  api:
                    handler: Orders::Orders.Function::Handle
                """);
            scratch.Write("serverless.env.yml", "prod:\n  TABLE: orders\n");
            scratch.Write("docker-compose.override.yml", "services:\n  api:\n    image: orders\n");

            var result = await FixtureScan.ScanAsync(scratch.Root);

            var finding = Assert.Single(result.Findings);
            Assert.Equal(("PF4002", "api"), (finding.RuleId, finding.Unit));
            Assert.Equal(new SourceLocation("serverless.prod.yml", 4, 12, 4, 25), finding.Primary);
            Assert.True(result.ExecutionSuccessful);
            Assert.Empty(result.Notifications);
        }

        [Fact]
        [Trait("Rule", "PF4001")]
        public async Task A_global_analyzer_config_sets_the_severity_of_findings_on_units_without_a_project()
        {
            using var scratch = new ScratchRepository();
            File.Copy(Path.Combine(FixtureScan.FixturePath("retired-runtimes"), "serverless.yml"), scratch.PathOf("serverless.yml"));
            scratch.Write(".globalconfig", """
                is_global = true
                dotnet_diagnostic.PF4001.severity = none
                dotnet_diagnostic.PF4002.severity = warning
                """);

            var result = await FixtureScan.ScanAsync(scratch.Root);

            var finding = Assert.Single(result.Findings);
            Assert.Equal(("PF4002", FindingLevel.Warning), (finding.RuleId, finding.Level));
        }
    }
}
