using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF2004")]
    public class FrozenBackgroundWorkAnalyzerTests
    {
        private const string Schedule = "invoke a function from an EventBridge schedule for periodic work";
        private const string AwaitIt = "await the work before the handler returns";

        private const string OrderFunctionOnLambda = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:place|}:
                handler: Orders::Orders.OrderFunction::Handle
                events:
                  - httpApi: POST /orders
            """;

        private const string ApiOnLambda = """
            provider:
              name: aws
            functions:
              {|#1:api|}:
                handler: Orders
                events:
                  - httpApi: '*'
            """;

        private static DiagnosticResult PF2004(int codeMarker = 0) =>
            new DiagnosticResult("PF2004", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(1);

        private static ProjectAnalyzerTest<FrozenBackgroundWorkAnalyzer> Handler(string code, string serverless = OrderFunctionOnLambda)
        {
            var test = new ProjectAnalyzerTest<FrozenBackgroundWorkAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.WithSource("OrderFunction.cs", code).WithConfig("serverless.yml", serverless);
            return test;
        }

        private static ProjectAnalyzerTest<FrozenBackgroundWorkAnalyzer> App(string program, string serverless = ApiOnLambda)
        {
            var test = new ProjectAnalyzerTest<FrozenBackgroundWorkAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.WithSource("Program.cs", program).WithConfig("serverless.yml", serverless);
            return test;
        }

        [Fact]
        public async Task Reports_a_hosted_service_on_its_registration_and_not_again_inside_it()
        {
            await App("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddHostedService<CartSweeper>|}();
                builder.Services.{|#2:AddSingleton<IHostedService, OutboxRelay>|}();
                var app = builder.Build();
                app.Run();

                sealed class CartSweeper : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            _ = Task.Run(() => Console.WriteLine("sweeping"));
                            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
                        }
                    }
                }

                sealed class OutboxRelay : IHostedService
                {
                    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                }
                """)
                .Expect(
                    PF2004(0).WithArguments("'AddHostedService<CartSweeper>' runs a hosted service in the background", "api", "serverless.yml(4,3)", Schedule),
                    PF2004(2).WithArguments("'AddSingleton<IHostedService, OutboxRelay>' runs a hosted service in the background", "api", "serverless.yml(4,3)", Schedule))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_timers_that_outlive_the_method()
        {
            await Handler("""
                using System;
                using System.Threading;

                namespace Orders;

                public sealed class OrderFunction
                {
                    private static readonly Timer Flush = {|#0:new|}(_ => Console.WriteLine("flush"), null, 1000, 1000);
                    private PeriodicTimer? heartbeat;

                    public void Handle(string order)
                    {
                        var reminder = new {|#2:System.Timers.Timer|}(60_000);
                        reminder.Elapsed += (sender, e) => Console.WriteLine(order);
                        reminder.Start();
                        heartbeat ??= new {|#3:PeriodicTimer|}(TimeSpan.FromSeconds(30));
                    }
                }
                """)
                .Expect(
                    PF2004(0).WithArguments("'new Timer' runs its callback on a schedule of its own", "place", "serverless.yml(6,3)", Schedule),
                    PF2004(2),
                    PF2004(3))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_fire_and_forget_on_the_request_path()
        {
            await Handler("""
                using System.Collections.Generic;
                using System.IO;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class OrderFunction
                {
                    private readonly StreamWriter audit = StreamWriter.Null;

                    public string Handle(string order)
                    {
                        _ = Task.{|#0:Run|}(() => Save(order));
                        Task.{|#2:Run|}(() => Save(order));
                        {|#3:SaveAsync|}(order);
                        audit.{|#4:WriteLineAsync|}(order).ConfigureAwait(false);
                        SaveAsync(order).{|#5:ContinueWith|}(t => Save(order));
                        var forgotten = Task.{|#6:Run|}(() => Save(order));
                        Notify(order);
                        new List<string> { order }.ForEach(o => {|#7:SaveAsync|}(o));
                        return order;
                    }

                    private void Notify(string order) => {|#8:SaveAsync|}(order);

                    private static void Save(string order) { }

                    private static Task SaveAsync(string order) => Task.CompletedTask;
                }
                """)
                .Expect(
                    PF2004(0).WithArguments("'Task.Run' starts work that nobody awaits", "place", "serverless.yml(6,3)", AwaitIt),
                    PF2004(2),
                    PF2004(3).WithArguments("'SaveAsync' returns a task that nobody awaits", "place", "serverless.yml(6,3)", AwaitIt),
                    PF2004(4).WithArguments("'WriteLineAsync' returns a task that nobody awaits", "place", "serverless.yml(6,3)", AwaitIt),
                    PF2004(5).WithArguments("'SaveAsync(order).ContinueWith' starts work that nobody awaits", "place", "serverless.yml(6,3)", AwaitIt),
                    PF2004(6),
                    PF2004(7),
                    PF2004(8))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_async_void_methods_and_lambdas()
        {
            await Handler("""
                using System.Collections.Generic;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class OrderFunction
                {
                    public void Handle(List<string> orders)
                    {
                        Publish(orders[0]);
                        orders.ForEach({|#2:async|} order => await Task.Yield());
                    }

                    private async void {|#0:Publish|}(string order) => await Task.Yield();
                }
                """)
                .Expect(
                    PF2004(0).WithArguments("'async void' method 'Publish' cannot be awaited, so its work outlives the call", "place", "serverless.yml(6,3)", "return a Task and await it"),
                    PF2004(2).WithArguments("An async lambda passed as 'Action<string>' cannot be awaited, so its work outlives the call", "place", "serverless.yml(6,3)", "pass a Func that returns a Task and await it"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_unawaited_SDK_calls_and_hosted_services_by_name_when_the_packages_do_not_resolve()
        {
            var test = new ProjectAnalyzerTest<FrozenBackgroundWorkAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Program.cs", """
                using Amazon.S3;
                using Amazon.S3.Model;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                builder.Services.{|#0:AddHostedService<Worker>|}();
                var app = builder.Build();
                var s3 = new AmazonS3Client();
                app.MapPost("/orders", (Order order) =>
                {
                    s3.{|#2:PutObjectAsync|}(new PutObjectRequest { BucketName = "orders", Key = order.Id });
                    return Results.Accepted();
                });
                app.Run();

                record Order(string Id);
                """)
                .WithConfig("serverless.yml", ApiOnLambda)
                .Expect(PF2004(0), PF2004(2))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_awaited_returned_and_stored_then_awaited_tasks()
        {
            await Handler("""
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class OrderFunction
                {
                    public async Task<string> Handle(string order)
                    {
                        await {|#0:SaveAsync|}(order);
                        await Task.WhenAll({|#2:SaveAsync|}(order), Task.Run(() => Save(order)));
                        var pending = Task.{|#3:Run|}(() => Save(order));
                        Save(order);
                        await pending;
                        Task.Run(() => Save(order)).Wait();
                        Task.FromResult(order);
                        _ = await Task.Run(() => order.Length);
                        await Forward(order);
                        return order;
                    }

                    private Task Forward(string order) => Task.{|#4:Run|}(() => Save(order));

                    private static void Save(string order) { }

                    private static Task SaveAsync(string order) => Task.CompletedTask;
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_async_void_event_handlers_and_timers_that_end_with_the_method()
        {
            await Handler("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class OrderFunction
                {
                    public async Task Handle(string order)
                    {
                        AppDomain.CurrentDomain.ProcessExit += {|#0:async|} (sender, e) => await Task.Yield();
                        AppDomain.CurrentDomain.DomainUnload += OnShutdown;
                        using var progress = new {|#2:Timer|}(_ => Console.WriteLine(order), null, 0, 1000);
                        using var poll = new {|#3:PeriodicTimer|}(TimeSpan.FromSeconds(1));
                        var retry = new {|#5:PeriodicTimer|}(TimeSpan.FromMilliseconds(200));
                        while (await poll.WaitForNextTickAsync() && await retry.WaitForNextTickAsync())
                        {
                            break;
                        }
                    }

                    private async void {|#4:OnShutdown|}(object? sender, EventArgs e) => await Task.Yield();
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_timer_type_of_another_library()
        {
            await Handler("""
                namespace Orders;

                public sealed class Timer
                {
                    public Timer(string name) { }
                }

                public sealed class OrderFunction
                {
                    private static readonly Timer Latency = new {|#0:Timer|}("place-order");

                    public string Handle(string order) => order;
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_code_the_handler_never_reaches()
        {
            await Handler("""
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class OrderFunction
                {
                    public string Handle(string order) => order;

                    public void Backfill(string order) => _ = Task.{|#0:Run|}(() => Handle(order));
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_project_is_not_deployed_to_Lambda()
        {
            await App(
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddHostedService<Worker>|}();
                builder.Build().Run();

                sealed class Worker : BackgroundService
                {
                    protected override System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken) => System.Threading.Tasks.Task.CompletedTask;
                }
                """,
                """
                provider:
                  name: azure
                functions:
                  api:
                    handler: Orders
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_an_async_lambda_subscribed_to_an_event_whose_argument_is_not_EventArgs()
        {
            await Handler("""
                using System;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Journal
                {
                    public event EventHandler<string>? Appended;

                    public void Append(string entry) => Appended?.Invoke(this, entry);
                }

                public sealed class OrderFunction
                {
                    private readonly Journal journal = new();

                    public OrderFunction()
                    {
                        journal.Appended += async (sender, entry) => await Task.Yield();
                    }

                    public void Handle(string order)
                    {
                        EventHandler<string> log = async (sender, entry) => await Task.Yield();
                        journal.Appended += log;
                        journal.Append(order);
                        Array.ForEach(new[] { order }, {|#0:async|} o => await Task.Yield());
                    }
                }
                """)
                .Expect(PF2004().WithArguments("An async lambda passed as 'Action<string>' cannot be awaited, so its work outlives the call", "place", "serverless.yml(6,3)", "pass a Func that returns a Task and await it"))
                .RunAsync();
        }
    }
}
