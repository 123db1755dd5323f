using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF2005")]
    public class UnsynchronizedSharedStateAnalyzerTests
    {
        /// <summary>An SQS consumer on Lambda Managed Instances, whose handler is <c>Ingest.IngestFunction.Handle</c>.</summary>
        private const string IngestOnManagedInstances = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              IngestFleet:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  CapacityProviderName: ingest
              Ingest:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Ingest::Ingest.IngestFunction::Handle
                  Runtime: dotnet10
                  CodeUri: src/Ingest/
                  {|#1:CapacityProviderConfig|}:
                    LambdaManagedInstancesCapacityProviderConfig:
                      CapacityProviderArn: !GetAtt IngestFleet.Arn
            """;

        /// <summary>The same function on standard Lambda: one request per execution environment at a time.</summary>
        private const string IngestOnStandardLambda = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Ingest:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Ingest::Ingest.IngestFunction::Handle
                  Runtime: dotnet10
                  CodeUri: src/Ingest/
            """;

        private const string EventTypes = """
            namespace Ingest
            {
                public sealed class Message { public string EventSource { get; set; } = ""; public string Body { get; set; } = ""; public string MessageId { get; set; } = ""; }
                public sealed class Batch { public System.Collections.Generic.List<Message> Records { get; } = new(); }
            }
            """;

        private static DiagnosticResult PF2005(int codeMarker = 0) =>
            new DiagnosticResult("PF2005", DiagnosticSeverity.Error).WithLocation(codeMarker).WithLocation(1);

        private static ProjectAnalyzerTest<UnsynchronizedSharedStateAnalyzer> Ingest(string code, string template = IngestOnManagedInstances)
        {
            var test = new ProjectAnalyzerTest<UnsynchronizedSharedStateAnalyzer>("Ingest", "/repo/src/Ingest", aspNetCore: false) { TestCode = string.Empty };
            return test.WithSource("EventTypes.cs", EventTypes).WithSource("IngestFunction.cs", code).WithConfig("template.yaml", template);
        }

        [Fact]
        public async Task Reports_counters_and_collection_changes_on_the_request_path_with_the_capacity_provider_line()
        {
            await Ingest("""
                using System.Collections.Generic;

                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static readonly Dictionary<string, int> CountsBySource = new();
                    private static readonly List<string> Recent = new();
                    private static long processed;
                    private int batches;

                    public void Handle(Batch batch)
                    {
                        {|#2:batches++|};
                        foreach (var message in batch.Records)
                        {
                            {|#0:CountsBySource[message.EventSource]|} = CountsBySource.GetValueOrDefault(message.EventSource) + 1;
                            {|#3:processed += 1|};
                            Remember(message.MessageId);
                        }
                    }

                    private static void Remember(string id)
                    {
                        var recent = Recent;
                        {|#4:recent.Add|}(id);
                        if (recent.Count > 100)
                        {
                            {|#5:Recent.RemoveAt|}(0);
                        }
                    }
                }
                """)
                .Expect(
                    PF2005(2).WithArguments("batches++", "incremented", "field 'IngestFunction.batches' (int) of the handler object", "Ingest", "template.yaml(14,7)"),
                    PF2005(0).WithArguments(
                        "CountsBySource[message.EventSource]",
                        "changed",
                        "static field 'IngestFunction.CountsBySource' (Dictionary<string, int>)",
                        "Ingest",
                        "template.yaml(14,7)"),
                    PF2005(3).WithArguments("processed += 1", "updated in place", "static field 'IngestFunction.processed' (long)", "Ingest", "template.yaml(14,7)"),
                    PF2005(4).WithArguments("recent.Add(id)", "changed", "static field 'IngestFunction.Recent' (List<string>)", "Ingest", "template.yaml(14,7)"),
                    PF2005(5).WithArguments("Recent.RemoveAt(0)", "changed", "static field 'IngestFunction.Recent' (List<string>)", "Ingest", "template.yaml(14,7)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_on_standard_Lambda_where_an_environment_serves_one_request_at_a_time()
        {
            await Ingest("""
                using System.Collections.Generic;

                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static readonly Dictionary<string, int> CountsBySource = new();
                    private static long processed;

                    public void Handle(Batch batch)
                    {
                        foreach (var message in batch.Records)
                        {
                            CountsBySource[message.EventSource] = 1;
                            processed++;
                        }
                    }
                }
                """, IngestOnStandardLambda).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_thread_safe_state_locks_and_atomic_writes()
        {
            await Ingest("""
                using System;
                using System.Collections.Concurrent;
                using System.Collections.Generic;
                using System.Collections.Immutable;
                using System.Net.Http;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static readonly ConcurrentDictionary<string, int> CountsBySource = new();
                    private static readonly ConcurrentQueue<string> Recent = new();
                    private static readonly object Gate = new();
                    private static readonly List<string> Guarded = new();
                    private static readonly SemaphoreSlim Semaphore = new(1, 1);
                    private static readonly Dictionary<string, string> Cache = new();
                    private static ImmutableList<string> seen = ImmutableList<string>.Empty;
                    private static long processed;
                    private static string? lastMessage;
                    private static HttpClient? http;
                    [ThreadStatic] private static int perThread;
                    private static readonly ThreadLocal<List<string>> Scratch = new(() => new List<string>());

                    public async Task Handle(Batch batch)
                    {
                        foreach (var message in batch.Records)
                        {
                            CountsBySource.AddOrUpdate(message.EventSource, 1, (_, count) => count + 1);
                            Recent.Enqueue(message.MessageId);
                            Interlocked.Increment(ref processed);
                            lastMessage = message.MessageId;
                            http ??= new HttpClient();
                            seen = seen.Add(message.MessageId);
                            perThread++;
                            Scratch.Value!.Add(message.Body);
                            lock (Gate)
                            {
                                Guarded.Add(message.MessageId);
                            }

                            await StoreAsync(message);
                            Synchronized(message.Body);
                        }

                        var local = new List<string>();
                        local.Add("per request");
                        var counter = 0;
                        counter++;
                    }

                    private static async Task StoreAsync(Message message)
                    {
                        await Semaphore.WaitAsync();
                        try
                        {
                            Cache[message.MessageId] = message.Body;
                        }
                        finally
                        {
                            Semaphore.Release();
                        }
                    }

                    [MethodImpl(MethodImplOptions.Synchronized)]
                    private static void Synchronized(string body) => Guarded.Add(body);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_start_up_code_and_code_no_function_runs()
        {
            await Ingest("""
                using System.Collections.Generic;

                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static readonly Dictionary<string, string> Routes = new();
                    private static int created;

                    static IngestFunction()
                    {
                        Routes.Add("orders", "orders-table");
                    }

                    public IngestFunction()
                    {
                        created++;
                        Routes["audit"] = "audit-table";
                    }

                    public string Handle(Batch batch) => Routes["orders"];
                }

                public static class Backfill
                {
                    private static readonly List<string> Done = new();

                    public static void Run(string id) => Done.Add(id);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_capacity_provider_cannot_be_evaluated()
        {
            await Ingest("""
                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static long processed;

                    public void Handle(Batch batch) => processed++;
                }
                """, """
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  ingest:
                    handler: Ingest::Ingest.IngestFunction::Handle
                    capacityProvider: ${ssm:/ingest/fleet}
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_a_minimal_api_endpoint_on_managed_instances_by_serverless_capacity_provider()
        {
            var test = new ProjectAnalyzerTest<UnsynchronizedSharedStateAnalyzer>("Ingest", "/repo/src/Ingest") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", """
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapPost("/tags/{tag}", (string tag) => Registry.Tags.Add(tag));
                app.Run();

                static class Registry
                {
                    public static HashSet<string> Tags { get; } = new();
                }
                """).WithConfig("serverless.yml", """
                provider:
                  name: aws
                  runtime: dotnet10
                functions:
                  api:
                    handler: Ingest
                    {|#1:capacityProvider|}: api-fleet
                    events:
                      - httpApi: '*'
                """)
                .Expect(new DiagnosticResult("PF2005", DiagnosticSeverity.Error).WithSpan("/repo/src/Ingest/Program.cs", 5, 44, 5, 61).WithLocation(1)
                    .WithArguments("Registry.Tags.Add(tag)", "changed", "static property 'Registry.Tags' (HashSet<string>)", "api", "serverless.yml(7,5)"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_changes_whose_arguments_do_not_resolve_in_an_unrestored_repository()
        {
            // Amazon.Lambda.SQSEvents is missing: the records, and so the calls and indexers they flow into, do not bind.
            var test = Ingest("""
                using System.Collections.Generic;
                using Amazon.Lambda.SQSEvents;

                namespace Ingest;

                public sealed class IngestFunction
                {
                    private static readonly List<string> Pending = new();
                    private static readonly Dictionary<string, bool> Seen = new();

                    public void Handle(SQSEvent batch)
                    {
                        foreach (var record in batch.Records)
                        {
                            {|#0:Pending.Add|}(record.MessageId);
                            {|#2:Seen[record.MessageId]|} = true;
                        }
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(
                    PF2005(0).WithArguments("Pending.Add(record.MessageId)", "changed", "static field 'IngestFunction.Pending' (List<string>)", "Ingest", "template.yaml(14,7)"),
                    PF2005(2).WithArguments("Seen[record.MessageId]", "changed", "static field 'IngestFunction.Seen' (Dictionary<string, bool>)", "Ingest", "template.yaml(14,7)"))
                .RunAsync();
        }
    }
}
