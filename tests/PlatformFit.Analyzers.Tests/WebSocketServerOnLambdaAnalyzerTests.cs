using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF1001")]
    public class WebSocketServerOnLambdaAnalyzerTests
    {
        private const string ChatServer = """
            using System.Net.WebSockets;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseWebSockets|}();
            app.Map("/ws", async (HttpContext context) =>
            {
                if (context.WebSockets.IsWebSocketRequest)
                {
                    using var socket = await context.WebSockets.{|#2:AcceptWebSocketAsync|}();
                    var buffer = new byte[4096];
                    await socket.ReceiveAsync(buffer, context.RequestAborted);
                }
            });
            app.Run();
            """;

        private static DiagnosticResult PF1001(int codeMarker, int configMarker) =>
            new DiagnosticResult("PF1001", DiagnosticSeverity.Error).WithLocation(codeMarker).WithLocation(configMarker);

        private static ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer> Test() => new() { TestCode = string.Empty };

        private static ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer> ChatServerBehind(string serverless)
        {
            var test = new ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer>();
            test.WithSource("Program.cs", ChatServer).WithConfig("serverless.yml", serverless);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test;
        }

        [Fact]
        public async Task Reports_UseWebSockets_and_AcceptWebSocketAsync_behind_an_HTTP_API()
        {
            await ChatServerBehind("""
                service: chat
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Message_names_the_member_the_unit_the_front_door_and_the_config_line()
        {
            var test = ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:alb|}:
                          listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/chat/abc/def
                          priority: 1
                          conditions:
                            path: /ws
                """);
            // The ALB's own documented fact (E1), quoted from the platform profile's note.
            const string AlbFact = " (\"WebSockets are not supported. Upgrade requests are rejected with an HTTP 400 code.\")";
            test.Expect(
                PF1001(0, 1).WithArguments("UseWebSockets", "api", "an Application Load Balancer (alb)", "serverless.yml(7,9)", AlbFact),
                PF1001(2, 1).WithArguments("AcceptWebSocketAsync", "api", "an Application Load Balancer (alb)", "serverless.yml(7,9)", AlbFact));
            await test.RunAsync();
        }

        [Fact]
        public async Task Message_behind_an_HTTP_API_adds_no_front_door_fact()
        {
            var test = ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:httpApi|}: '*'
                """);
            test.Expect(
                PF1001(0, 1).WithArguments("UseWebSockets", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", string.Empty),
                PF1001(2, 1).WithArguments("AcceptWebSocketAsync", "api", "an API Gateway HTTP API (httpApi)", "serverless.yml(7,9)", string.Empty));
            await test.RunAsync();
        }

        private const string WebSocketApiControllers = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddAWSLambdaHosting(LambdaEventSource.EVENT_SOURCE);
            var app = builder.Build();
            app.{|#0:UseWebSockets|}();
            app.MapControllers();
            app.Run();

            [ApiController]
            public sealed class ConnectionsController : ControllerBase
            {
                [HttpPost("$connect")]
                public IActionResult Connect() => Ok();

                [HttpPost("$default")]
                public IActionResult Message([FromBody] string body) => Ok(body);
            }
            """;

        /// <summary>A WebSocket API function that also lists an HTTP door: the mismatch is a wiring rule's, not PF1001's.</summary>
        private const string WebSocketRoutesAndAnHttpDoor = """
            provider:
              name: aws
            functions:
              chat:
                handler: ChatApi
                events:
                  - websocket: $connect
                  - websocket: $default
                  - {|#1:httpApi|}: GET /health
            """;

        private static ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer> HostedAs(string eventSource, bool restored = true)
        {
            var test = new ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer>(aspNetCore: restored);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            if (restored)
            {
                test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            }
            else
            {
                test.CompilerDiagnostics = CompilerDiagnostics.None;
            }

            test.WithSource("Program.cs", WebSocketApiControllers.Replace("EVENT_SOURCE", eventSource, System.StringComparison.Ordinal))
                .WithConfig("serverless.yml", WebSocketRoutesAndAnHttpDoor);
            return test;
        }

        [Fact]
        public async Task Silent_for_an_app_hosted_as_a_WebSocket_API_with_AddAWSLambdaHosting()
        {
            await HostedAs("WebsocketApi").RunSilentAsync();
        }

        [Fact]
        public async Task Reports_the_same_app_hosted_as_an_HTTP_API()
        {
            // The control for the test above: only the event source differs.
            await HostedAs("HttpApi").Expect(PF1001(0, 1)).RunAsync();
        }

        [Fact]
        public async Task Recognises_LambdaEventSource_WebsocketApi_by_name_when_the_package_is_not_restored()
        {
            await HostedAs("WebsocketApi", restored: false).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_by_name_an_unrestored_app_hosted_as_an_HTTP_API()
        {
            await HostedAs("HttpApi", restored: false).Expect(PF1001(0, 1)).RunAsync();
        }

        private const string ClassLibraryHub = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.SignalR;
            using Microsoft.Extensions.DependencyInjection;

            namespace ChatApi;

            public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.BASE_CLASS
            {
                protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
            }

            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddSignalR();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.{|#0:MapHub<ChatHub>|}("/hubs/chat"));
                }
            }

            public sealed class ChatHub : Hub
            {
                public System.Threading.Tasks.Task Send(string message) => Clients.All.SendAsync("message", message);
            }
            """;

        private static ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer> ClassLibraryDerivingFrom(string baseClass, string serverless)
        {
            var test = Test();
            test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            return test.WithSource("LambdaEntryPoint.cs", ClassLibraryHub.Replace("BASE_CLASS", baseClass, System.StringComparison.Ordinal))
                .WithConfig("serverless.yml", serverless);
        }

        [Fact]
        public async Task Reports_MapHub_inside_UseEndpoints_in_the_Startup_a_class_library_handler_runs()
        {
            await ClassLibraryDerivingFrom("APIGatewayHttpApiV2ProxyFunction", """
                provider:
                  name: aws
                functions:
                  chat:
                    handler: ChatApi::ChatApi.LambdaEntryPoint::FunctionHandlerAsync
                    events:
                      - {|#1:httpApi|}: ANY /{proxy+}
                """)
                .Expect(PF1001(0, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_class_library_handler_deriving_from_APIGatewayWebsocketApiProxyFunction()
        {
            await ClassLibraryDerivingFrom("APIGatewayWebsocketApiProxyFunction", """
                provider:
                  name: aws
                functions:
                  chat:
                    handler: ChatApi::ChatApi.LambdaEntryPoint::FunctionHandlerAsync
                    events:
                      - websocket: $default
                      - httpApi: ANY /{proxy+}
                """)
                .RunSilentAsync();
        }

        [Theory]
        [InlineData("- {|#1:http|}: ANY /{proxy+}")]
        [InlineData("- {|#1:httpApi|}:\n            method: GET\n            path: /ws")]
        [InlineData("- {|#1:alb|}:\n            priority: 1")]
        public async Task Reports_every_front_door_that_cannot_hold_a_connection(string eventLine)
        {
            await ChatServerBehind($"""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      {eventLine}
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_function_URL()
        {
            await ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    {|#1:url|}: true
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_function_that_also_has_a_WebSocket_API_route_when_an_HTTP_front_door_reaches_it()
        {
            await ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - websocket: $default
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_SignalR_hub()
        {
            var test = new ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer>();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSignalR();
                var app = builder.Build();
                app.{|#0:MapHub<ChatHub>|}("/hubs/chat");
                app.Run();

                public sealed class ChatHub : Hub
                {
                    public System.Threading.Tasks.Task Send(string message) => Clients.All.SendAsync("message", message);
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_HttpListener_that_accepts_WebSocket_upgrades()
        {
            await Test().WithSource("Listener.cs", """
                using System.Net;
                using System.Threading.Tasks;

                namespace ChatApi;

                public sealed class Listener
                {
                    public async Task ServeAsync(HttpListener listener)
                    {
                        var context = await listener.GetContextAsync();
                        var socket = await context.{|#0:AcceptWebSocketAsync|}(subProtocol: null);
                        socket.WebSocket.Dispose();
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  listen:
                    handler: ChatApi::ChatApi.Listener::ServeAsync
                    events:
                      - {|#1:http|}:
                          path: /listen
                          method: get
                """)
                .Expect(PF1001(0, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_the_server_by_name_when_the_ASP_NET_Core_types_do_not_resolve()
        {
            // An un-restored repository: no framework reference for ASP.NET Core, so nothing binds.
            var test = new ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer>(aspNetCore: false);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                var app = builder.Build();
                app.{|#0:UseWebSockets|}();
                app.Run();
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Binds_a_unit_through_its_artifact_when_the_handler_cannot_be_read()
        {
            await ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ${ssm:/chat/handler}
                    package:
                      artifact: src/ChatApi/bin/Release/net8.0/chat.zip
                    events:
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Resolves_the_handler_through_serverless_variables()
        {
            await ChatServerBehind("""
                custom:
                  assembly: ChatApi
                provider:
                  name: aws
                  stage: ${opt:stage, 'dev'}
                functions:
                  api:
                    handler: ${self:custom.assembly}
                    events:
                      - {|#1:httpApi|}: '*'
                """)
                .Expect(PF1001(0, 1), PF1001(2, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_when_the_units_handler_never_reaches_the_server_code()
        {
            // A class library with a Lambda handler and a Kestrel host the same repository runs in a container.
            await Silent(Test().WithSource("Functions.cs", """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;

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
                        app.UseWebSockets();
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
                """));
        }

        [Fact]
        public async Task Reports_server_code_the_handler_reaches_through_other_methods()
        {
            await Test().WithSource("Functions.cs", """
                using System.Net;
                using System.Threading.Tasks;

                namespace ChatApi;

                public sealed class Functions
                {
                    private readonly Relay relay = new();

                    public Task<string> Connect(string input) => relay.OpenAsync();
                }

                internal sealed class Relay
                {
                    public async Task<string> OpenAsync()
                    {
                        using var listener = new HttpListener();
                        var context = await listener.GetContextAsync();
                        var socket = await context.{|#0:AcceptWebSocketAsync|}(null);
                        return socket.SecWebSocketKey;
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  connect:
                    handler: ChatApi::ChatApi.Functions::Connect
                    events:
                      - {|#1:httpApi|}: GET /connect
                """)
                .Expect(PF1001(0, 1))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_behind_an_API_Gateway_WebSocket_API()
        {
            await Silent(ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  connect:
                    handler: ChatApi
                    events:
                      - websocket: $connect
                      - websocket:
                          route: $default
                      - websocket: $disconnect
                """));
        }

        [Fact]
        public async Task Silent_for_an_outbound_ClientWebSocket()
        {
            await Silent(Test().WithSource("Feed.cs", """
                using System;
                using System.Net.WebSockets;
                using System.Threading;
                using System.Threading.Tasks;

                namespace ChatApi;

                public sealed class Feed
                {
                    public async Task<string> ReadAsync(CancellationToken token)
                    {
                        using var client = new ClientWebSocket();
                        await client.ConnectAsync(new Uri("wss://stream.example.com/prices"), token);
                        var buffer = new byte[1024];
                        var result = await client.ReceiveAsync(buffer, token);
                        return System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count);
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  feed:
                    handler: ChatApi::ChatApi.Feed::ReadAsync
                    events:
                      - httpApi: GET /prices
                """));
        }

        [Fact]
        public async Task Silent_when_no_config_deploys_the_project()
        {
            var test = new ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer>();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await Silent(test.WithSource("Program.cs", ChatServer));
        }

        [Fact]
        public async Task Silent_when_the_config_deploys_another_assembly()
        {
            await Silent(ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  orders:
                    handler: OrdersApi::OrdersApi.Function::Handle
                    events:
                      - httpApi: POST /orders
                """));
        }

        [Fact]
        public async Task Silent_when_the_service_deploys_to_another_provider()
        {
            await Silent(ChatServerBehind("""
                provider:
                  name: azure
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - http: true
                """));
        }

        [Fact]
        public async Task Silent_when_the_handler_is_unknown_and_no_artifact_ties_the_unit_to_the_project()
        {
            await Silent(ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ${ssm:/chat/handler}
                    events:
                      - httpApi: '*'
                """));
        }

        [Fact]
        public async Task Silent_for_a_method_of_the_same_name_on_another_type()
        {
            await Silent(Test().WithSource("Sockets.cs", """
                namespace ChatApi;

                public sealed class Pipeline
                {
                    public Pipeline UseWebSockets() => this;
                }

                public static class Startup
                {
                    public static Pipeline Configure() => new Pipeline().UseWebSockets();
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - httpApi: '*'
                """));
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = ChatServerBehind("""
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi
                    events:
                      - httpApi: '*'
                """);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF1001.severity = none
                """));
            await Silent(test);
        }

        /// <summary>Runs the test with every marker removed from the C#: no diagnostic may be reported.</summary>
        private static Task Silent(ProjectAnalyzerTest<WebSocketServerOnLambdaAnalyzer> test)
        {
            foreach (var source in test.TestState.Sources.ToArray())
            {
                test.TestState.Sources.Remove(source);
                test.TestState.Sources.Add((source.filename, Unmarked(source.content.ToString())));
            }

            return test.RunAsync();
        }

        private static string Unmarked(string code) =>
            System.Text.RegularExpressions.Regex.Replace(code, @"\{\|#\d+:(.*?)\|\}", "$1");
    }
}
