using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF3001")]
    public class WaitLongerThanTimeoutAnalyzerTests
    {
        private const string LambdaCore = """
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext
                {
                    System.TimeSpan RemainingTime { get; }
                }
            }
            """;

        /// <summary>A worker function with a 30 s timeout; the handler is <c>Orders::Orders.Worker::Handle</c>.</summary>
        private const string Worker30s = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            functions:
              worker:
                handler: Orders::Orders.Worker::Handle
                timeout: {|#1:30|}
                events:
                  - sqs: arn:aws:sqs:eu-west-1:123456789012:orders
            """;

        private static DiagnosticResult PF3001(int codeMarker = 0, int configMarker = 1) =>
            new DiagnosticResult("PF3001", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(configMarker);

        private static ProjectAnalyzerTest<WaitLongerThanTimeoutAnalyzer> Worker(string code, string serverless = Worker30s)
        {
            var test = new ProjectAnalyzerTest<WaitLongerThanTimeoutAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            return test.WithSource("Worker.cs", code).WithSource("LambdaCore.cs", LambdaCore).WithConfig("serverless.yml", serverless);
        }

        [Fact]
        public async Task Reports_a_Task_Delay_longer_than_the_timeout_with_both_numbers_and_places()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message)
                    {
                        await Task.Delay({|#0:TimeSpan.FromMinutes(5)|});
                    }
                }
                """)
                .Expect(PF3001().WithArguments("'Task.Delay' waits", "5 min", "Worker.cs(10,26)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_Thread_Sleep_in_milliseconds_from_a_const_field_and_names_where_the_value_is_written()
        {
            await Worker("""
                using System.Threading;

                namespace Orders;

                public sealed class Worker
                {
                    private const int PollMilliseconds = 45_000;

                    public void Handle(string message) => Thread.Sleep({|#0:PollMilliseconds|});
                }
                """)
                .Expect(PF3001().WithArguments("'Thread.Sleep' waits", "45 s", "Worker.cs(7,23)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_HttpClient_timeout_set_in_a_static_initializer_the_handler_uses()
        {
            await Worker("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    private static readonly HttpClient Payments = new() { Timeout = {|#0:TimeSpan.FromSeconds(100)|} };

                    public Task<string> Handle(string message) => Payments.GetStringAsync("https://payments.example.com/" + message);
                }
                """)
                .Expect(PF3001().WithArguments("'HttpClient.Timeout' lets a request run for", "1 min 40 s", "Worker.cs(9,69)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_cancellation_sources_that_cancel_after_the_timeout()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message)
                    {
                        using var budget = new CancellationTokenSource({|#0:TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30)|});
                        using var retry = new CancellationTokenSource();
                        retry.CancelAfter({|#2:new TimeSpan(0, 2, 0)|});
                        await Task.Yield();
                    }
                }
                """)
                .Expect(
                    PF3001().WithArguments("'new CancellationTokenSource' cancels only after", "1 min 30 s", "Worker.cs(11,56)", "worker", "30 s (serverless.yml(8,14))"),
                    PF3001(2).WithArguments("'CancelAfter' cancels only after", "2 min", "Worker.cs(13,27)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_semaphore_wait_on_a_static_readonly_TimeSpan_and_a_Task_wait_on_a_local()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    private static readonly SemaphoreSlim Gate = new(1);
                    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

                    public async Task Handle(string message)
                    {
                        await Gate.WaitAsync({|#0:LockTimeout|});
                        var patience = TimeSpan.FromSeconds(40);
                        Task.Run(() => message.Length).Wait({|#2:patience|});
                    }
                }
                """)
                .Expect(
                    PF3001().WithArguments("'SemaphoreSlim.WaitAsync' can wait", "2 min", "Worker.cs(10,38)", "worker", "30 s (serverless.yml(8,14))"),
                    PF3001(2).WithArguments("'Task.Wait' can wait", "40 s", "Worker.cs(15,13)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Folds_total_milliseconds_multi_part_factories_and_scaled_durations()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    private const int Attempts = 4;
                    private static TimeSpan Backoff { get; } = TimeSpan.FromSeconds(10);

                    public async Task Handle(string message)
                    {
                        await Task.Delay({|#0:(int)TimeSpan.FromMinutes(1).TotalMilliseconds|});
                        Thread.Sleep({|#2:TimeSpan.FromMinutes(1, 30)|});
                        await Task.Delay({|#3:Backoff * Attempts|});
                    }
                }
                """)
                .Expect(
                    PF3001().WithArguments("'Task.Delay' waits", "1 min", "Worker.cs(14,26)", "worker", "30 s (serverless.yml(8,14))"),
                    PF3001(2).WithArguments("'Thread.Sleep' waits", "1 min 30 s", "Worker.cs(15,22)", "worker", "30 s (serverless.yml(8,14))"),
                    PF3001(3).WithArguments("'Task.Delay' waits", "40 s", "Worker.cs(10,29)", "worker", "30 s (serverless.yml(8,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task The_Serverless_Framework_default_timeout_counts_and_the_message_says_it_is_the_default()
        {
            await Worker("""
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public Task Handle(string message) => Task.Delay({|#0:10_000|});
                }
                """, """
                service: orders
                provider:
                  name: aws
                functions:
                  {|#1:worker|}:
                    handler: Orders::Orders.Worker::Handle
                """)
                .Expect(PF3001().WithArguments(
                    "'Task.Delay' waits",
                    "10 s",
                    "Worker.cs(7,54)",
                    "worker",
                    "the Serverless Framework default of 6 s (no timeout is set at serverless.yml(5,3))"))
                .RunAsync();
        }

        [Fact]
        public async Task A_timeout_inherited_from_the_provider_points_at_the_provider_line()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public Task Handle(string message) => Task.Delay({|#0:TimeSpan.FromSeconds(20)|});
                }
                """, """
                provider:
                  name: aws
                  timeout: {|#1:15|}
                functions:
                  worker:
                    handler: Orders::Orders.Worker::Handle
                """)
                .Expect(PF3001().WithArguments("'Task.Delay' waits", "20 s", "Worker.cs(8,54)", "worker", "15 s (serverless.yml(3,12))"))
                .RunAsync();
        }

        [Fact]
        public async Task An_unknown_timeout_is_never_guessed_but_a_wait_beyond_the_platform_maximum_is_reported()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message)
                    {
                        await Task.Delay({|#0:TimeSpan.FromMinutes(20)|});
                        await Task.Delay(TimeSpan.FromMinutes(10));
                    }
                }
                """, """
                provider:
                  name: aws
                functions:
                  worker:
                    handler: Orders::Orders.Worker::Handle
                    timeout: {|#1:${ssm:/orders/worker-timeout}|}
                """)
                .Expect(PF3001().WithArguments(
                    "'Task.Delay' waits",
                    "20 min",
                    "Worker.cs(10,26)",
                    "worker",
                    "at most 900 s, the AWS Lambda maximum (the configured timeout cannot be evaluated: '${ssm:/orders/worker-timeout}' is resolved at deploy time)"))
                .RunAsync();
        }

        [Fact]
        public async Task Names_the_unit_whose_timeout_is_exceeded_when_several_run_the_code()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public Task Handle(string message) => Pause();

                    public Task Drain(string message) => Pause();

                    private static Task Pause() => Task.Delay({|#0:TimeSpan.FromMinutes(2)|});
                }
                """, """
                provider:
                  name: aws
                functions:
                  drain:
                    handler: Orders::Orders.Worker::Drain
                    timeout: 900
                  worker:
                    handler: Orders::Orders.Worker::Handle
                    timeout: {|#1:60|}
                """)
                .Expect(PF3001().WithArguments("'Task.Delay' waits", "2 min", "Worker.cs(12,47)", "worker", "60 s (serverless.yml(9,14))"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_AWS_SDK_client_config_timeout_through_its_symbol()
        {
            var test = Worker("""
                using System;
                using Amazon.S3;

                namespace Orders;

                public sealed class Worker
                {
                    private static readonly AmazonS3Config Config = new() { Timeout = {|#0:TimeSpan.FromMinutes(5)|} };

                    public string Handle(string message) => Config.ToString() + message;
                }
                """);
            test.TestState.AdditionalReferences.Add(StubAssembly.Emit("AWSSDK.S3", """
                namespace Amazon.Runtime
                {
                    public abstract class ClientConfig
                    {
                        public System.TimeSpan? Timeout { get; set; }
                    }
                }

                namespace Amazon.S3
                {
                    public sealed class AmazonS3Config : Amazon.Runtime.ClientConfig { }
                }
                """));
            await test.Expect(PF3001().WithArguments("'AmazonS3Config.Timeout' lets a request run for", "5 min", "Worker.cs(8,71)", "worker", "30 s (serverless.yml(8,14))")).RunAsync();
        }

        [Fact]
        public async Task Reports_an_AWS_SDK_client_config_timeout_by_name_when_the_SDK_is_not_restored()
        {
            var test = Worker("""
                using System;
                using Amazon.DynamoDBv2;

                namespace Orders;

                public sealed class Worker
                {
                    public string Handle(string message)
                    {
                        var config = new AmazonDynamoDBConfig { Timeout = {|#0:TimeSpan.FromSeconds(45)|} };
                        var client = new AmazonDynamoDBClient(config);
                        return client.ToString();
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(PF3001().WithArguments("'AmazonDynamoDBConfig.Timeout' lets a request run for", "45 s", "Worker.cs(10,59)", "worker", "30 s (serverless.yml(8,14))")).RunAsync();
        }

        [Fact]
        public async Task Silent_for_waits_within_the_timeout_including_one_exactly_as_long()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message)
                    {
                        await Task.Delay({|#0:TimeSpan.FromSeconds(30)|});
                        Thread.Sleep(250);
                        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(25));
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_infinite_waits_which_are_another_problem()
        {
            await Worker("""
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    private static readonly HttpClient Client = new() { Timeout = Timeout.InfiniteTimeSpan };

                    public async Task Handle(string message)
                    {
                        await Task.Delay(Timeout.Infinite);
                        await Task.Delay(-1);
                        await Task.Delay(Timeout.InfiniteTimeSpan);
                        using var cts = new CancellationTokenSource(TimeSpan.MaxValue);
                        await Client.GetAsync(message);
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_durations_computed_at_run_time()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Settings
                {
                    public int PauseSeconds { get; set; } = 600;
                }

                public sealed class Worker
                {
                    private readonly Settings settings = new();

                    public async Task Handle(string message)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(settings.PauseSeconds));
                        var pause = TimeSpan.FromMinutes(5);
                        if (message.Length > 10)
                        {
                            pause = TimeSpan.FromSeconds(1);
                        }

                        await Task.Delay(pause);
                        await Task.Delay(message.Length * 60_000);
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_tokens_bounded_by_the_remaining_time()
        {
            await Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(string message, ILambdaContext context)
                    {
                        using var budget = new CancellationTokenSource(context.RemainingTime - TimeSpan.FromSeconds(1));
                        await Task.Delay(TimeSpan.FromMinutes(5), budget.Token);
                        budget.CancelAfter(context.RemainingTime);
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_code_the_unit_does_not_run()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public Task Handle(string message) => Task.CompletedTask;
                }

                public static class Backfill
                {
                    public static Task RunOvernight() => Task.Delay(TimeSpan.FromHours(1));
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_in_a_test_project_that_no_config_deploys()
        {
            var test = new ProjectAnalyzerTest<WaitLongerThanTimeoutAnalyzer>("Orders.Tests", "/repo/tests/Orders.Tests", aspNetCore: false) { TestCode = string.Empty };
            await test.WithSource("WorkerTests.cs", """
                using System;
                using System.Threading.Tasks;

                namespace Orders.Tests;

                public sealed class WorkerTests
                {
                    public Task Waits_for_the_retry_window() => Task.Delay(TimeSpan.FromMinutes(2));
                }
                """)
                .WithConfig("serverless.yml", Worker30s)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_method_of_the_same_name_on_another_type()
        {
            await Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public static class Queue
                {
                    public static Task Delay(TimeSpan visibility) => Task.CompletedTask;
                }

                public sealed class Worker
                {
                    public Task Handle(string message)
                    {
                        Configure();
                        return Queue.Delay(TimeSpan.FromMinutes(15));
                    }

                    public TimeSpan Timeout { get; set; }

                    public void Configure() => Timeout = TimeSpan.FromHours(1);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = Worker("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Worker
                {
                    public Task Handle(string message) => Task.Delay(TimeSpan.FromMinutes(5));
                }
                """);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF3001.severity = none
                """));
            await test.RunSilentAsync();
        }

        [Fact]
        public async Task Follows_a_call_whose_arguments_do_not_bind_because_the_event_types_are_not_restored()
        {
            // SQSEvent is not declared (an un-restored Amazon.Lambda.SQSEvents): 'record.Body' has no type, the call to
            // ImportAsync does not bind, and the wait inside it is still on the handler's path.
            var test = Worker("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.SQSEvents;

                namespace Orders;

                public sealed class Worker
                {
                    public async Task Handle(SQSEvent sqsEvent, ILambdaContext context)
                    {
                        foreach (var record in sqsEvent.Records)
                        {
                            await ImportAsync(record.Body, context);
                        }
                    }

                    private static async Task ImportAsync(string body, ILambdaContext context)
                    {
                        Thread.Sleep({|#0:90_000|});
                        await Task.Yield();
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(PF3001().WithArguments("'Thread.Sleep' waits", "1 min 30 s", "Worker.cs(21,22)", "worker", "30 s (serverless.yml(8,14))")).RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_wait_in_a_hosted_service_loop_which_no_invocation_runs()
        {
            var test = new ProjectAnalyzerTest<WaitLongerThanTimeoutAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHostedService<Flusher>();
                var app = builder.Build();
                app.MapPost("/orders", async () => await Task.Delay({|#0:TimeSpan.FromMinutes(2)|}));
                app.Run();

                public sealed class Flusher : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
                        }
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                    provider:
                      name: aws
                      runtime: dotnet10
                    functions:
                      api:
                        handler: Orders
                        timeout: {|#1:30|}
                        events:
                          - httpApi: '*'
                    """)
                .Expect(PF3001().WithArguments("'Task.Delay' waits", "2 min", "Program.cs(11,53)", "api", "30 s (serverless.yml(7,14))"))
                .RunAsync();
        }
    }
}
