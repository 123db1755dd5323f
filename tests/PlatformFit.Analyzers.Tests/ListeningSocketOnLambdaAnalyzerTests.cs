using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF1003")]
    public class ListeningSocketOnLambdaAnalyzerTests
    {
        /// <summary>A queue-triggered function in a class library: the handler is the only way in.</summary>
        private const string JobsFunction = """
            provider:
              name: aws
            functions:
              {|#1:jobs|}:
                handler: ChatApi::ChatApi.Function::Handle
                events:
                  - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs
            """;

        /// <summary>An ASP.NET Core app deployed with its assembly as the handler, behind an HTTP API.</summary>
        private const string WebFunction = """
            provider:
              name: aws
            functions:
              {|#1:web|}:
                handler: ChatApi
                events:
                  - httpApi: '*'
            """;

        private static DiagnosticResult PF1003(int codeMarker = 0, int configMarker = 1) =>
            new DiagnosticResult("PF1003", DiagnosticSeverity.Error).WithLocation(codeMarker).WithLocation(configMarker);

        private static ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer> Handler(string body, string usings = "", string serverless = JobsFunction)
        {
            var test = new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>();
            return test.WithSource("Function.cs", $$"""
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;
                {{usings}}

                namespace ChatApi;

                public sealed class Function
                {
                    public async Task<string> Handle(string input)
                    {
                {{body}}
                    }
                }
                """)
                .WithConfig("serverless.yml", serverless);
        }

        private static ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer> WebApp(string program, bool restored = true, bool withLambdaPackage = true)
        {
            var test = new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>(aspNetCore: restored);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            if (!restored)
            {
                test.CompilerDiagnostics = CompilerDiagnostics.None;
            }
            else if (withLambdaPackage)
            {
                test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            }

            return test.WithSource("Program.cs", program).WithConfig("serverless.yml", WebFunction);
        }

        [Fact]
        public async Task Reports_TcpListener_Start_in_a_queue_triggered_handler_with_the_member_unit_and_config_line()
        {
            await Handler("""
                        var listener = new TcpListener(IPAddress.Any, 9000);
                        listener.{|#0:Start|}();
                        using var client = await listener.AcceptTcpClientAsync();
                        return client.Connected.ToString();
                """)
                .Expect(PF1003().WithArguments("TcpListener.Start", "jobs", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_function_with_no_front_door_at_all()
        {
            await Handler(
                """
                        var listener = new HttpListener();
                        listener.Prefixes.Add("http://+:8080/");
                        listener.{|#0:Start|}();
                        var context = await listener.GetContextAsync();
                        return context.Request.RawUrl ?? string.Empty;
                """,
                serverless: """
                provider:
                  name: aws
                functions:
                  {|#1:poller|}:
                    handler: ChatApi::ChatApi.Function::Handle
                """)
                .Expect(PF1003().WithArguments("HttpListener.Start", "poller", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_Socket_Listen()
        {
            await Handler("""
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.Bind(new IPEndPoint(IPAddress.Any, 9000));
                        socket.{|#0:Listen|}(backlog: 16);
                        using var peer = await socket.AcceptAsync();
                        return peer.RemoteEndPoint?.ToString() ?? string.Empty;
                """)
                .Expect(PF1003().WithArguments("Socket.Listen", "jobs", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_socket_bound_to_a_port_to_receive_on()
        {
            await Handler("""
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        socket.{|#0:Bind|}(new IPEndPoint(IPAddress.Any, 5140));
                        var buffer = new byte[1024];
                        var received = await socket.ReceiveAsync(buffer);
                        return received.ToString();
                """)
                .Expect(PF1003().WithArguments("Socket.Bind", "jobs", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Theory]
        [InlineData("new UdpClient(5140)")]
        [InlineData("new UdpClient(new IPEndPoint(IPAddress.Any, 5140))")]
        [InlineData("new UdpClient(5140, AddressFamily.InterNetworkV6)")]
        public async Task Reports_a_UdpClient_bound_to_a_local_port(string creation)
        {
            await Handler($$"""
                        using var udp = {|#0:{{creation}}|};
                        var datagram = await udp.ReceiveAsync();
                        return datagram.Buffer.Length.ToString();
                """)
                .Expect(PF1003().WithArguments("new UdpClient(...)", "jobs", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_target_typed_UdpClient_bound_to_a_port()
        {
            await Handler("""
                        UdpClient udp = {|#0:new(5140)|};
                        var datagram = await udp.ReceiveAsync();
                        return datagram.Buffer.Length.ToString();
                """)
                .Expect(PF1003())
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_listener_the_handler_reaches_through_other_methods_with_the_code_flow()
        {
            await new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>().WithSource("Function.cs", """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                namespace ChatApi;

                public sealed class Function
                {
                    private readonly Relay relay = new();

                    public Task<string> Handle(string input) => relay.ServeAsync();
                }

                internal sealed class Relay
                {
                    public async Task<string> ServeAsync()
                    {
                        var listener = TcpListener.Create(9000);
                        listener.{|#0:Start|}();
                        using var client = await listener.AcceptTcpClientAsync();
                        return "served";
                    }
                }
                """)
                .WithConfig("serverless.yml", JobsFunction)
                .Expect(PF1003())
                .RunAsync();
        }

        [Fact]
        public async Task Relates_every_unit_that_runs_the_listener()
        {
            await Handler(
                """
                        var listener = new TcpListener(IPAddress.Loopback, 9000);
                        listener.{|#0:Start|}();
                        return "started";
                """,
                serverless: """
                provider:
                  name: aws
                functions:
                  {|#1:jobs|}:
                    handler: ChatApi::ChatApi.Function::Handle
                    events:
                      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs
                  {|#2:nightly|}:
                    handler: ChatApi::ChatApi.Function::Handle
                    events:
                      - schedule: rate(1 day)
                """)
                .Expect(PF1003().WithLocation(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_Kestrel_endpoints_in_an_app_that_does_not_host_through_the_Lambda_package()
        {
            await WebApp("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.{|#0:UseUrls|}("http://0.0.0.0:8080");
                builder.WebHost.ConfigureKestrel(kestrel =>
                {
                    kestrel.{|#2:ListenAnyIP|}(8081);
                    kestrel.{|#3:Listen|}(System.Net.IPAddress.Any, 8082);
                });
                var app = builder.Build();
                app.Urls.{|#4:Add|}("http://0.0.0.0:8083");
                app.MapGet("/", () => "hello");
                app.{|#5:Run|}("http://0.0.0.0:8084");
                """, withLambdaPackage: false)
                .Expect(
                    PF1003().WithArguments("UseUrls", "web", "serverless.yml(4,3)"),
                    PF1003(2).WithArguments("KestrelServerOptions.ListenAnyIP", "web", "serverless.yml(4,3)"),
                    PF1003(3).WithArguments("KestrelServerOptions.Listen", "web", "serverless.yml(4,3)"),
                    PF1003(4).WithArguments("WebApplication.Urls.Add", "web", "serverless.yml(4,3)"),
                    PF1003(5).WithArguments("WebApplication.Run", "web", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_Kestrel_endpoints_by_name_when_ASP_NET_Core_does_not_resolve()
        {
            await WebApp(
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.{|#0:UseUrls|}("http://0.0.0.0:8080");
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.{|#2:ListenLocalhost|}(8081));
                var app = builder.Build();
                app.Run();
                """,
                restored: false)
                .Expect(PF1003(), PF1003(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_gRPC_server_port()
        {
            var test = Handler("""
                        var port = {|#0:new Grpc.Core.ServerPort("0.0.0.0", 50051, null!)|};
                        return port.ToString() ?? string.Empty;
                """);
            test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            await test.Expect(PF1003().WithArguments("new ServerPort(...)", "jobs", "serverless.yml(4,3)")).RunAsync();
        }

        [Fact]
        public async Task Reports_a_gRPC_server_port_by_name_when_Grpc_Core_is_not_restored()
        {
            var test = Handler("""
                        var server = new Server { Ports = { {|#0:new ServerPort("0.0.0.0", 50051, ServerCredentials.Insecure)|} } };
                        server.Start();
                        return "serving";
                """,
                usings: "using Grpc.Core;");
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(PF1003()).RunAsync();
        }

        [Fact]
        public async Task Silent_for_Kestrel_endpoints_in_an_app_hosted_through_AddAWSLambdaHosting()
        {
            // On Lambda the package replaces Kestrel with its own server: the endpoints are used only when the same
            // app runs locally or in a container.
            await WebApp("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                builder.WebHost.UseUrls("http://0.0.0.0:8080");
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(8081));
                var app = builder.Build();
                app.Urls.Add("http://0.0.0.0:8083");
                app.MapGet("/", () => "hello");
                app.Run("http://0.0.0.0:8084");
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_Kestrel_endpoints_in_an_unrestored_app_hosted_through_AddAWSLambdaHosting()
        {
            await WebApp(
                """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                builder.WebHost.UseUrls("http://0.0.0.0:8080");
                var app = builder.Build();
                app.Run();
                """,
                restored: false).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_Kestrel_in_a_class_library_with_a_Lambda_base_class_and_a_local_entry_point()
        {
            // The blueprint shape: LambdaEntryPoint for Lambda, LocalEntryPoint.Main for `dotnet run` on Kestrel.
            var test = new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>();
            test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            await test.WithSource("Entry.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.Hosting;

                namespace ChatApi;

                public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                    protected override void Init(IWebHostBuilder builder)
                    {
                        builder.UseUrls("http://0.0.0.0:5000");
                        builder.UseStartup<Startup>();
                    }
                }

                public static class LocalEntryPoint
                {
                    public static void Main(string[] args) =>
                        Host.CreateDefaultBuilder(args)
                            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>().UseUrls("http://localhost:5000"))
                            .Build()
                            .Run();
                }

                public sealed class Startup
                {
                    public void Configure(IApplicationBuilder app) => app.UseRouting();
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  api:
                    handler: ChatApi::ChatApi.LambdaEntryPoint::FunctionHandlerAsync
                    events:
                      - http: ANY /{proxy+}
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_local_Program_Main_the_class_library_handler_never_reaches()
        {
            await new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>().WithSource("Function.cs", """
                using System.Net;
                using System.Net.Sockets;
                using System.Threading.Tasks;

                namespace ChatApi;

                public sealed class Function
                {
                    public Task<string> Handle(string input) => Task.FromResult(input.ToUpperInvariant());
                }

                public static class Program
                {
                    /// <summary>Serves the function over TCP for local testing.</summary>
                    public static async Task Main()
                    {
                        var listener = new TcpListener(IPAddress.Loopback, 9000);
                        listener.Start();
                        using var client = await listener.AcceptTcpClientAsync();
                        await new Function().Handle("local");
                    }
                }
                """)
                .WithConfig("serverless.yml", JobsFunction)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_outbound_TcpClient_Socket_UdpClient_and_HttpClient()
        {
            await Handler(
                """
                        using var tcp = new TcpClient();
                        await tcp.ConnectAsync("db.internal", 5432);
                        tcp.Connect("cache.internal", 6379);

                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 9000));

                        using var sender = new UdpClient();
                        await sender.SendAsync(new byte[] { 1 }, 1, "metrics.internal", 8125);
                        using var resolver = new UdpClient("dns.internal", 53);
                        using var v6 = new UdpClient(AddressFamily.InterNetworkV6);

                        using var http = new HttpClient();
                        return await http.GetStringAsync("https://example.com/");
                """,
                usings: "using System.Net.Http;")
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_socket_bound_to_port_zero_or_bound_before_connecting()
        {
            await Handler("""
                        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                        sender.Bind(new IPEndPoint(IPAddress.Any, 0));
                        await sender.SendToAsync(new byte[] { 1 }, new IPEndPoint(IPAddress.Parse("10.0.0.5"), 8125));

                        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        client.Bind(new IPEndPoint(IPAddress.Parse("10.0.0.2"), 40000));
                        await client.ConnectAsync(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 9000));
                        return "sent";
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_Start_Listen_and_UdpClient_of_other_types()
        {
            await Handler(
                """
                        var watch = new System.Diagnostics.Stopwatch();
                        watch.Start();
                        using var timer = new System.Timers.Timer(1000);
                        timer.Start();
                        new Radio().Listen();
                        using var udp = new Fakes.UdpClient(5140);
                        return watch.ElapsedMilliseconds.ToString();
                """,
                usings: string.Empty)
                .WithSource("Fakes.cs", """
                namespace ChatApi.Fakes
                {
                    public sealed class UdpClient : System.IDisposable
                    {
                        public UdpClient(int port) { }
                        public void Dispose() { }
                    }
                }

                namespace ChatApi
                {
                    public sealed class Radio { public void Listen() { } }
                }
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_Kestrel_endpoints_of_a_unit_that_does_not_run_the_assembly_as_its_handler()
        {
            // Tied to the project only by its artifact (the Lambda Web Adapter's shape: a bootstrap script or an image
            // runs the app, and the adapter forwards invocations to Kestrel's local port). A raw listener still counts.
            var test = new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.UseUrls("http://127.0.0.1:8080");
                var app = builder.Build();
                app.MapGet("/", () => "hello");
                new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 9000).{|#0:Start|}();
                app.Run();
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  {|#1:web|}:
                    handler: ${ssm:/web/handler}
                    package:
                      artifact: src/ChatApi/bin/Release/net8.0/web.zip
                    events:
                      - httpApi: '*'
                """)
                .Expect(PF1003())
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_app_Run_without_a_url_in_an_app_that_does_not_host_through_the_Lambda_package()
        {
            // Kestrel's default endpoint is a wiring problem (no AddAWSLambdaHosting), not a listener the code names.
            await WebApp("""
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapGet("/", () => "hello");
                app.Run();
                """, withLambdaPackage: false).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_no_config_deploys_the_project_or_the_config_deploys_another_assembly()
        {
            const string Listener = """
                        var listener = new TcpListener(IPAddress.Any, 9000);
                        listener.Start();
                        return "started";
                """;
            await Handler(Listener, serverless: """
                provider:
                  name: aws
                functions:
                  orders:
                    handler: OrdersApi::OrdersApi.Function::Handle
                """).RunSilentAsync();

            var noConfig = new ProjectAnalyzerTest<ListeningSocketOnLambdaAnalyzer>();
            noConfig.WithSource("Function.cs", """
                namespace ChatApi;

                public sealed class Function
                {
                    public void Handle() => new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 9000).Start();
                }
                """);
            await noConfig.RunSilentAsync();
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = Handler("""
                        var listener = new TcpListener(IPAddress.Any, 9000);
                        listener.Start();
                        return "started";
                """);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF1003.severity = none
                """));
            await test.RunSilentAsync();
        }
    }
}
