using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF1002")]
    public class StreamingResponseBehindBufferingFrontDoorAnalyzerTests
    {
        private const string HttpApi = """
            provider:
              name: aws
            functions:
              api:
                handler: ChatApi
                events:
                  - {|#1:httpApi|}: '*'
            """;

        private const string PriceFeed = """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed record Price(string Symbol, decimal Value);

            public sealed class PriceFeed
            {
                public async IAsyncEnumerable<Price> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        await Task.Delay(1000, cancellationToken);
                        yield return new Price("ACME", 42m);
                    }
                }
            }
            """;

        private static DiagnosticResult PF1002(int codeMarker = 0, int configMarker = 1) =>
            new DiagnosticResult("PF1002", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(configMarker);

        /// <summary>A minimal API app (top-level statements) deployed with its assembly as the handler.</summary>
        private static ProjectAnalyzerTest<StreamingResponseBehindBufferingFrontDoorAnalyzer> App(string program, string serverless = HttpApi, bool restored = true)
        {
            var test = new ProjectAnalyzerTest<StreamingResponseBehindBufferingFrontDoorAnalyzer>(aspNetCore: restored);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            if (restored)
            {
                test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            }
            else
            {
                test.CompilerDiagnostics = CompilerDiagnostics.None;
            }

            return test.WithSource("Program.cs", program).WithSource("PriceFeed.cs", PriceFeed).WithConfig("serverless.yml", serverless);
        }

        private const string Usings = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;

            """;

        [Fact]
        public async Task Reports_a_minimal_API_endpoint_returning_IAsyncEnumerable_with_the_door_and_the_6_MB_limit()
        {
            await App(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<PriceFeed>();
                var app = builder.Build();
                app.{|#0:MapGet|}("/prices", (PriceFeed feed, CancellationToken ct) => feed.WatchAsync(ct));
                app.Run();
                """)
                .Expect(PF1002().WithArguments(
                    "The endpoint mapped by 'MapGet' returning 'IAsyncEnumerable<Price>'",
                    "api",
                    "an API Gateway HTTP API (httpApi)",
                    "serverless.yml(7,9)",
                    "6 MB"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_endpoint_mapped_to_a_method_group_and_one_returning_a_Task_of_IAsyncEnumerable()
        {
            await App(Usings + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.{|#0:MapGet|}("/prices", Endpoints.Watch);
                app.{|#2:MapPost|}("/replay", async (PriceFeed feed) => { await Task.Yield(); return feed.WatchAsync(); });
                app.Run();

                static class Endpoints
                {
                    public static IAsyncEnumerable<Price> Watch(PriceFeed feed) => feed.WatchAsync();
                }
                """)
                .Expect(PF1002(), PF1002(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_server_sent_events_endpoint_once_for_its_content_type_and_flush_loop()
        {
            await App(Usings + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/events", async (HttpContext context, PriceFeed feed) =>
                {
                    {|#0:context.Response.ContentType = "text/event-stream"|};
                    await foreach (var price in feed.WatchAsync(context.RequestAborted))
                    {
                        await context.Response.WriteAsync($"data: {price}\n\n");
                        await context.Response.Body.FlushAsync();
                    }
                });
                app.Run();
                """)
                .Expect(PF1002().WithArguments(
                    "The 'text/event-stream' content type (server-sent events)",
                    "api",
                    "an API Gateway HTTP API (httpApi)",
                    "serverless.yml(7,9)",
                    "6 MB"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_every_way_of_setting_the_event_stream_content_type_on_the_response()
        {
            await App(Usings + """
                using System.Net.Mime;
                using Microsoft.Net.Http.Headers;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/a", (HttpContext context) => { {|#0:context.Response.Headers.ContentType = "text/event-stream"|}; });
                app.MapGet("/b", (HttpContext context) => { {|#2:context.Response.Headers["Content-Type"] = "text/event-stream"|}; });
                app.MapGet("/c", (HttpContext context) => { {|#3:context.Response.Headers.Append(HeaderNames.ContentType, "text/event-stream; charset=utf-8")|}; });
                app.MapGet("/d", (HttpContext context) => { {|#4:context.Response.ContentType = MediaTypeNames.Text.EventStream|}; });
                app.MapGet("/e", (HttpContext context) => { {|#5:context.Response.Headers.Add("content-type", Sse.MediaType)|}; });
                app.Run();

                static class Sse
                {
                    public const string MediaType = "TEXT/EVENT-STREAM";
                }
                """)
                .Expect(PF1002(), PF1002(2), PF1002(3), PF1002(4), PF1002(5))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_ServerSentEvents_and_Stream_results()
        {
            await App(Usings + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/sse", (PriceFeed feed) => TypedResults.{|#0:ServerSentEvents|}(feed.WatchAsync(), eventType: "price"));
                app.MapGet("/raw", () => Results.{|#2:Stream|}(new System.IO.MemoryStream(), "text/event-stream"));
                app.MapGet("/file", () => Results.Stream(new System.IO.MemoryStream(), "application/octet-stream"));
                app.Run();
                """)
                .Expect(
                    PF1002().WithArguments("'TypedResults.ServerSentEvents' (server-sent events)", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"),
                    PF1002(2).WithArguments("'Results.Stream' with the 'text/event-stream' content type (server-sent events)", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_the_first_flush_loop_of_an_endpoint_that_sets_no_content_type()
        {
            await App(Usings + """
                var app = WebApplication.CreateBuilder(args).Build();
                app.MapPost("/export", async (HttpContext context) =>
                {
                    for (var page = 0; page < 100; page++)
                    {
                        await context.Response.WriteAsync($"{page}\n");
                        await context.Response.Body.{|#0:FlushAsync|}();
                        await context.Response.BodyWriter.FlushAsync();
                    }
                });
                app.MapPost("/progress", async (HttpContext context) =>
                {
                    var done = false;
                    while (!done)
                    {
                        done = true;
                        await context.Response.BodyWriter.{|#2:FlushAsync|}();
                    }
                });
                app.Run();
                """)
                .Expect(
                    PF1002().WithArguments("'Body.FlushAsync' in a loop", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"),
                    PF1002(2).WithArguments("'BodyWriter.FlushAsync' in a loop", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_controller_actions_returning_IAsyncEnumerable()
        {
            await App(Usings + """
                using Microsoft.AspNetCore.Mvc;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                [ApiController]
                [Route("prices")]
                public sealed class PricesController(PriceFeed feed) : ControllerBase
                {
                    [HttpGet]
                    public {|#0:IAsyncEnumerable<Price>|} Watch(CancellationToken ct) => feed.WatchAsync(ct);

                    [HttpGet("replay")]
                    public async {|#2:Task<ActionResult<IAsyncEnumerable<Price>>>|} Replay()
                    {
                        await Task.Yield();
                        return Ok(feed.WatchAsync());
                    }

                    [NonAction]
                    public IAsyncEnumerable<Price> Source() => feed.WatchAsync();

                    public static IAsyncEnumerable<Price> Helper(PriceFeed other) => other.WatchAsync();
                }
                """)
                .Expect(
                    PF1002().WithArguments("The action 'PricesController.Watch' returning 'IAsyncEnumerable<Price>'", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"),
                    PF1002(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_the_Lambda_packages_response_streaming_switch_behind_a_buffering_door()
        {
            // The switch changes how the function hands its response to Lambda; an HTTP API still buffers it.
            await App(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi, options => {|#0:options.EnableResponseStreaming = true|});
                var app = builder.Build();
                app.MapGet("/", () => "hello");
                app.Run();
                """)
                .Expect(PF1002().WithArguments("'EnableResponseStreaming = true'", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", "6 MB"))
                .RunAsync();
        }

        private const string Endpoint = Usings + """
            var app = WebApplication.CreateBuilder(args).Build();
            app.{|#0:MapGet|}("/prices", (PriceFeed feed) => feed.WatchAsync());
            app.Run();
            """;

        [Fact]
        public async Task Reports_the_ALB_with_its_own_1_MB_response_limit()
        {
            await App(Endpoint, """
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:alb|}:
                          priority: 1
                """)
                .Expect(PF1002().WithArguments(
                    "The endpoint mapped by 'MapGet' returning 'IAsyncEnumerable<Price>'", "api", "an Application Load Balancer (alb)", "serverless.yml(7,9)", "1 MB"))
                .RunAsync();
        }

        [Theory]
        [InlineData("{|#1:url|}: true")]
        [InlineData("{|#1:url|}:\n      cors: true")]
        [InlineData("url:\n      invokeMode: {|#1:BUFFERED|}")]
        [InlineData("events:\n      - {|#1:http|}: GET /prices")]
        public async Task Reports_a_function_URL_that_buffers_and_a_REST_API(string door)
        {
            await App(Endpoint, $"""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    {door}
                """)
                .Expect(PF1002())
                .RunAsync();
        }

        [Fact]
        public async Task Finds_streaming_code_by_name_when_ASP_NET_Core_does_not_resolve()
        {
            await App(
                """
                var app = WebApplication.CreateBuilder(args).Build();
                app.{|#0:MapGet|}("/prices", () => Prices.Watch());
                app.MapGet("/events", async (HttpContext context) =>
                {
                    {|#2:context.Response.ContentType = "text/event-stream"|};
                    await context.Response.Body.FlushAsync();
                });
                app.MapGet("/export", async (HttpContext context) =>
                {
                    foreach (var line in new[] { "a", "b" })
                    {
                        await context.Response.Body.{|#3:FlushAsync|}();
                    }
                });
                app.MapGet("/sse", () => TypedResults.{|#4:ServerSentEvents|}(Prices.Watch()));
                app.Run();

                static class Prices
                {
                    public static async System.Collections.Generic.IAsyncEnumerable<string> Watch()
                    {
                        await System.Threading.Tasks.Task.Yield();
                        yield return "ACME 42";
                    }
                }
                """,
                restored: false)
                .Expect(PF1002(), PF1002(2), PF1002(3), PF1002(4))
                .RunAsync();
        }

        [Theory]
        [InlineData("url:\n      invokeMode: RESPONSE_STREAM")]
        [InlineData("url:\n      invokeMode: response_stream")]
        [InlineData("url:\n      invokeMode: ${ssm:/prices/invoke-mode}")]
        [InlineData("url:\n      invokeMode: RESPONSE_STREAM\n    events:\n      - httpApi: GET /health")]
        [InlineData("events:\n      - sqs: arn:aws:sqs:eu-west-1:123456789012:prices")]
        [InlineData("events:\n      - websocket: $default")]
        public async Task Silent_when_a_front_door_streams_its_mode_is_unknown_or_no_door_answers_HTTP(string doors)
        {
            await App(Endpoint, $"""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    {doors}
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_event_stream_on_an_outbound_HttpClient_request()
        {
            await App(Usings + """
                using System.Net.Http;
                using System.Net.Http.Headers;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/relay", async (HttpContext context, IHttpClientFactory factory) =>
                {
                    context.Request.Headers["Accept"] = "text/event-stream";
                    var client = factory.CreateClient();
                    client.DefaultRequestHeaders.Add("Accept", "text/event-stream");
                    using var request = new HttpRequestMessage(HttpMethod.Get, "https://feed.example.com/prices");
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                    request.Headers.Add("Accept", "text/event-stream");
                    request.Content = new StringContent("{}");
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
                    request.Content.Headers.Remove("Content-Type");
                    request.Content.Headers.Add("Content-Type", "text/event-stream");
                    var subscription = new Subscription { ContentType = "text/event-stream" };
                    subscription.ContentType = "text/event-stream";
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var isStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
                    return isStream ? "stream" : "no stream";
                });
                app.Run();

                public sealed class Subscription
                {
                    public string ContentType { get; set; } = "";
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_IAsyncEnumerable_the_code_consumes_itself()
        {
            await App(Usings + """
                using Microsoft.AspNetCore.Mvc;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/latest", async (PriceFeed feed) =>
                {
                    var prices = new List<Price>();
                    await foreach (var price in feed.WatchAsync())
                    {
                        prices.Add(price);
                        if (prices.Count == 10) break;
                    }

                    return prices;
                });
                app.MapGet("/all", (Store store) => store);
                app.MapControllers();
                app.Run();

                public sealed class Store : IAsyncEnumerable<Price>
                {
                    public IAsyncEnumerator<Price> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new PriceFeed().WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                }

                public sealed class PriceService(PriceFeed feed)
                {
                    public IAsyncEnumerable<Price> Watch() => feed.WatchAsync();
                }

                [ApiController]
                public sealed class LatestController(PriceFeed feed) : ControllerBase
                {
                    [HttpGet("latest")]
                    public async Task<List<Price>> Latest()
                    {
                        var prices = new List<Price>();
                        await foreach (var price in Read()) prices.Add(price);
                        return prices;
                    }

                    private IAsyncEnumerable<Price> Read() => feed.WatchAsync();
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_methods_of_the_same_names_on_other_types()
        {
            await App(Usings + """
                var app = WebApplication.CreateBuilder(args).Build();
                var subscriptions = new Subscriptions();
                subscriptions.Map("prices", () => new PriceFeed().WatchAsync());
                app.MapGet("/describe", () => Formats.Stream(new System.IO.MemoryStream(), "text/event-stream") + Formats.ServerSentEvents());
                app.Run();

                public sealed class Subscriptions
                {
                    public void Map(string topic, System.Func<IAsyncEnumerable<Price>> source) { }
                }

                public static class Formats
                {
                    public static string Stream(System.IO.Stream body, string contentType) => contentType;

                    public static string ServerSentEvents() => "text/event-stream";
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_flush_outside_a_loop_a_file_flushed_in_a_loop_and_a_switch_set_to_false()
        {
            await App(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi, options => options.EnableResponseStreaming = false);
                var app = builder.Build();
                app.MapGet("/once", async (HttpContext context) =>
                {
                    await context.Response.WriteAsync("done");
                    await context.Response.Body.FlushAsync();
                });
                app.MapGet("/log", async () =>
                {
                    await using var file = System.IO.File.Create("/tmp/log.txt");
                    for (var i = 0; i < 3; i++)
                    {
                        await file.FlushAsync();
                    }
                });
                app.MapGet("/plain", (HttpContext context) => { context.Response.ContentType = "text/plain"; });
                app.Run();
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_streaming_code_the_units_handler_never_reaches()
        {
            // A class library whose Lambda handler is one method; the streaming host runs in a container.
            var test = new ProjectAnalyzerTest<StreamingResponseBehindBufferingFrontDoorAnalyzer>();
            await test.WithSource("Functions.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                namespace ChatApi;

                public sealed class Functions
                {
                    public Task<string> Health(string input) => Task.FromResult("ok");
                }

                public static class ContainerHost
                {
                    public static void Run(string[] args)
                    {
                        var app = WebApplication.CreateBuilder(args).Build();
                        app.MapGet("/events", (HttpContext context) => { context.Response.ContentType = "text/event-stream"; });
                        app.Run();
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  health:
                    handler: ChatApi::ChatApi.Functions::Health
                    events:
                      - httpApi: GET /health
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_no_config_deploys_the_project()
        {
            var test = new ProjectAnalyzerTest<StreamingResponseBehindBufferingFrontDoorAnalyzer>();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", Endpoint).WithSource("PriceFeed.cs", PriceFeed).RunSilentAsync();
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = App(Endpoint);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF1002.severity = none
                """));
            await test.RunSilentAsync();
        }
    }
}
