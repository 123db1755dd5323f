using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF5001")]
    public class ClientPerInvocationAnalyzerTests
    {
        /// <summary>The AWS packages as a restored repository has them: metadata, with their real namespaces.</summary>
        private static readonly Lazy<MetadataReference> AwsPackages = new(() => StubAssembly.Emit("AwsPackages", """
            using System;
            using System.Threading.Tasks;

            namespace Amazon.Runtime
            {
                public abstract class AmazonServiceClient : IDisposable
                {
                    public void Dispose() { }
                }
            }

            namespace Amazon.S3
            {
                public sealed class AmazonS3Client : Amazon.Runtime.AmazonServiceClient
                {
                    public AmazonS3Client() { }

                    public AmazonS3Client(string region) { }

                    public Task<string> GetObjectAsync(string bucket, string key) => Task.FromResult(bucket + key);
                }
            }

            namespace Amazon.Lambda.Core
            {
                public interface ILambdaContext
                {
                    TimeSpan RemainingTime { get; }
                }
            }

            namespace Amazon.Lambda.AspNetCoreServer
            {
                public abstract class APIGatewayHttpApiV2ProxyFunction
                {
                    protected virtual void Init(object builder) { }

                    public Task<object> FunctionHandlerAsync(object request, Amazon.Lambda.Core.ILambdaContext context) => Task.FromResult(request);
                }
            }

            namespace Amazon.Lambda.RuntimeSupport
            {
                public sealed class LambdaBootstrap
                {
                    public Task RunAsync() => Task.CompletedTask;
                }

                public sealed class LambdaBootstrapBuilder
                {
                    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Amazon.Lambda.Core.ILambdaContext, Task<TOutput>> handler, object serializer) => new();

                    public LambdaBootstrap Build() => new();
                }
            }
            """));

        private const string OrdersFunction = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:orders|}:
                handler: Orders::Orders.Function::Handle
                events:
                  - httpApi: POST /orders
            """;

        private const string OrdersApp = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:api|}:
                handler: Orders
                events:
                  - httpApi: '*'
            """;

        private static DiagnosticResult PF5001(int codeMarker = 0, int configMarker = 1) =>
            new DiagnosticResult("PF5001", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(configMarker);

        private static ProjectAnalyzerTest<ClientPerInvocationAnalyzer> Function(string code, string serverless = OrdersFunction, bool aspNetCore = false)
        {
            var test = new ProjectAnalyzerTest<ClientPerInvocationAnalyzer>("Orders", "/repo/src/Orders", aspNetCore) { TestCode = string.Empty };
            test.TestState.AdditionalReferences.Add(AwsPackages.Value);
            return test.WithSource("Function.cs", code).WithConfig("serverless.yml", serverless);
        }

        private static ProjectAnalyzerTest<ClientPerInvocationAnalyzer> Program(string code, string serverless = OrdersApp, bool aspNetCore = true)
        {
            var test = Function(code, serverless, aspNetCore);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test;
        }

        /// <summary>A project whose packages are not restored: only the framework resolves, the rest is matched by name.</summary>
        private static ProjectAnalyzerTest<ClientPerInvocationAnalyzer> Unrestored(string fileName, string code) =>
            Unrestored(fileName, OutputKind.DynamicallyLinkedLibrary, code);

        private static ProjectAnalyzerTest<ClientPerInvocationAnalyzer> Unrestored(string fileName, OutputKind kind, string code)
        {
            var test = new ProjectAnalyzerTest<ClientPerInvocationAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            test.TestState.OutputKind = kind;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.WithSource(fileName, code);
        }

        [Fact]
        public async Task Reports_an_HttpClient_created_in_the_handler()
        {
            await Function("""
                using System.Net.Http;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Function
                {
                    public async Task<string> Handle(string order)
                    {
                        using var http = {|#0:new HttpClient()|};
                        return await http.GetStringAsync("https://stock.example.com/" + order);
                    }
                }
                """)
                .Expect(PF5001().WithArguments("HttpClient", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_AWS_SDK_client_created_in_a_method_the_handler_calls()
        {
            await Function("""
                using System.Threading.Tasks;
                using Amazon.S3;

                namespace Orders;

                public sealed class Function
                {
                    public Task<string> Handle(string order) => Receipts.Load(order);
                }

                internal static class Receipts
                {
                    public static async Task<string> Load(string order)
                    {
                        using var s3 = {|#0:new AmazonS3Client("eu-west-1")|};
                        return await s3.GetObjectAsync("receipts", order);
                    }
                }
                """)
                .Expect(PF5001().WithArguments("AmazonS3Client", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_AWS_and_Azure_SDK_clients_and_Redis_by_name_when_the_packages_are_not_restored()
        {
            var test = new ProjectAnalyzerTest<ClientPerInvocationAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Function.cs", """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2;
                using Azure.Storage.Blobs;
                using StackExchange.Redis;

                namespace Orders;

                public sealed class Function
                {
                    public async Task<string> Handle(string order)
                    {
                        var table = {|#0:new AmazonDynamoDBClient()|};
                        var blobs = {|#2:new BlobServiceClient("UseDevelopmentStorage=true")|};
                        var redis = await {|#3:ConnectionMultiplexer.ConnectAsync("cache:6379")|};
                        var queue = {|#4:new Amazon.SQS.AmazonSQSClient()|};
                        AmazonSimpleEmailServiceClient email = {|#5:new()|};
                        return order;
                    }
                }
                """)
                .WithConfig("serverless.yml", OrdersFunction)
                .Expect(
                    PF5001().WithArguments("AmazonDynamoDBClient", "orders", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("BlobServiceClient", "orders", "serverless.yml(6,3)"),
                    PF5001(3).WithArguments("ConnectionMultiplexer (ConnectAsync)", "orders", "serverless.yml(6,3)"),
                    PF5001(4).WithArguments("AmazonSQSClient", "orders", "serverless.yml(6,3)"),
                    PF5001(5).WithArguments("AmazonSimpleEmailServiceClient", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_client_in_a_minimal_API_endpoint_but_not_one_created_at_start_up()
        {
            await Program("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var shared = new HttpClient();

                app.MapGet("/stock/{sku}", async (string sku) =>
                {
                    using var http = {|#0:new HttpClient()|};
                    return await http.GetStringAsync("https://stock.example.com/" + sku) + await shared.GetStringAsync(sku);
                });
                app.MapPost("/orders", Endpoints.Create);
                app.Run();

                internal static class Endpoints
                {
                    public static async Task<string> Create(string order)
                    {
                        using var http = {|#2:new HttpClient()|};
                        return await http.GetStringAsync("https://payments.example.com/" + order);
                    }
                }
                """)
                .Expect(
                    PF5001().WithArguments("HttpClient", "api", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_clients_in_controller_actions_and_constructors_which_ASP_NET_Core_runs_per_request()
        {
            await Program("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                [ApiController]
                [Route("stock")]
                public sealed class StockController : ControllerBase
                {
                    private readonly HttpClient warehouse = {|#0:new HttpClient()|};

                    [HttpGet("{sku}")]
                    public async Task<string> Get(string sku)
                    {
                        using var supplier = {|#2:new HttpClient()|};
                        return await warehouse.GetStringAsync(sku) + await supplier.GetStringAsync(sku);
                    }
                }
                """)
                .Expect(
                    PF5001().WithArguments("HttpClient", "api", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_per_request_middleware_of_a_Lambda_ASP_NET_Core_entry_point_and_not_its_start_up()
        {
            var test = Function("""
                using System.Net.Http;
                using Amazon.S3;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                namespace Orders;

                public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
                {
                    protected override void Init(object builder) => ((IWebHostBuilder)builder).UseStartup<Startup>();
                }

                public sealed class Startup
                {
                    private readonly HttpClient warmup = new();

                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddSingleton(new AmazonS3Client());
                        services.AddSingleton(_ => new HttpClient());
                    }

                    public void Configure(IApplicationBuilder app)
                    {
                        var shared = new HttpClient();
                        app.Run(async context =>
                        {
                            using var http = {|#0:new HttpClient()|};
                            await context.Response.WriteAsync(await http.GetStringAsync("https://stock.example.com") + await shared.GetStringAsync("/"));
                        });
                    }
                }
                """, """
                provider:
                  name: aws
                functions:
                  {|#1:api|}:
                    handler: Orders::Orders.LambdaEntryPoint::FunctionHandlerAsync
                """, aspNetCore: true);
            await test.Expect(PF5001().WithArguments("HttpClient", "api", "serverless.yml(4,3)")).RunAsync();
        }

        [Fact]
        public async Task Reports_a_client_in_the_executable_forms_handler_lambda_and_not_in_Main_before_the_loop()
        {
            await Program("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.S3;

                var s3 = new AmazonS3Client();
                var handler = async (string order, ILambdaContext context) =>
                {
                    using var http = {|#0:new HttpClient()|};
                    return await http.GetStringAsync(order) + await s3.GetObjectAsync("orders", order);
                };
                await LambdaBootstrapBuilder.Create(handler, new object()).Build().RunAsync();
                """, aspNetCore: false)
                .Expect(PF5001().WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_the_executable_forms_handler_by_name_when_the_runtime_package_is_not_restored()
        {
            var test = new ProjectAnalyzerTest<ClientPerInvocationAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Program.cs", """
                using System.Net.Http;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var warm = new HttpClient();
                await LambdaBootstrapBuilder.Create(FunctionHandler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

                async Task<string> FunctionHandler(string input, ILambdaContext context)
                {
                    using var http = {|#0:new HttpClient()|};
                    return await http.GetStringAsync(input) + await warm.GetStringAsync(input);
                }
                """)
                .WithConfig("serverless.yml", OrdersApp)
                .Expect(PF5001().WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_clients_created_once_in_static_fields_the_constructor_and_lazies()
        {
            await Function("""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.S3;

                namespace Orders;

                public sealed class Function
                {
                    private static readonly HttpClient Stock = new() { BaseAddress = new Uri("https://stock.example.com") };
                    private static readonly Lazy<AmazonS3Client> Receipts = new(() => new AmazonS3Client());
                    private static readonly AmazonS3Client Archive = CreateArchive();
                    private readonly HttpClient payments;

                    public Function()
                    {
                        payments = new HttpClient();
                    }

                    public async Task<string> Handle(string order) =>
                        await Stock.GetStringAsync(order) + await payments.GetStringAsync(order) +
                        await Receipts.Value.GetObjectAsync("receipts", order) + await Archive.GetObjectAsync("archive", order);

                    private static AmazonS3Client CreateArchive() => new AmazonS3Client("eu-west-1");
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_clients_cached_on_first_use_or_per_key()
        {
            await Function("""
                using System.Collections.Concurrent;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.S3;

                namespace Orders;

                public sealed class Function
                {
                    private static readonly ConcurrentDictionary<string, AmazonS3Client> ByRegion = new();
                    private static HttpClient? stock;
                    private HttpClient? payments;
                    private HttpClient? audit;

                    private static HttpClient Stock => stock ??= new HttpClient();

                    public async Task<string> Handle(string order)
                    {
                        payments = payments ?? new HttpClient();
                        if (audit is null)
                        {
                            audit = new HttpClient();
                        }

                        var s3 = ByRegion.GetOrAdd("eu-west-1", region => new AmazonS3Client(region));
                        return await Stock.GetStringAsync(order) + await payments.GetStringAsync(order) + await audit.GetStringAsync(order) + await s3.GetObjectAsync("orders", order);
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_HttpClientFactory_shared_handlers_and_DI_registrations()
        {
            await Program("""
                using System.Net.Http;
                using Amazon.S3;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddHttpClient("stock");
                builder.Services.AddSingleton(_ => new AmazonS3Client());
                var app = builder.Build();

                app.MapGet("/stock/{sku}", async (string sku, IHttpClientFactory factory) =>
                {
                    var http = factory.CreateClient("stock");
                    using var pooled = new HttpClient(Pool.Handler, disposeHandler: false);
                    return await http.GetStringAsync(sku) + await pooled.GetStringAsync(sku);
                });
                app.Run();

                internal static class Pool
                {
                    public static readonly SocketsHttpHandler Handler = new();
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_an_HttpClient_on_a_handler_created_in_the_same_invocation()
        {
            await Function("""
                using System.Net.Http;
                using System.Threading.Tasks;

                namespace Orders;

                public sealed class Function
                {
                    public async Task<string> Handle(string order)
                    {
                        var handler = new HttpClientHandler { UseCookies = false };
                        using var http = {|#0:new HttpClient(handler)|};
                        return await http.GetStringAsync(order);
                    }
                }
                """)
                .Expect(PF5001().WithArguments("HttpClient", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_look_alike_types_and_code_the_unit_does_not_run()
        {
            await Function("""
                using System.Threading.Tasks;

                namespace Orders;

                /// <summary>The team's own client, not an SDK's.</summary>
                public sealed class SecretClient
                {
                    public string Get(string name) => name;
                }

                public sealed class AmazonPriceClient
                {
                    public decimal Price(string sku) => sku.Length;
                }

                public sealed class Function
                {
                    public string Handle(string order)
                    {
                        var secrets = new SecretClient();
                        var prices = new AmazonPriceClient();
                        return secrets.Get(order) + prices.Price(order);
                    }

                    public static System.Net.Http.HttpClient NeverCalled() => new System.Net.Http.HttpClient();
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_by_name_without_an_Amazon_or_Azure_namespace_in_the_file_and_for_pooled_SQL_connections()
        {
            var test = new ProjectAnalyzerTest<ClientPerInvocationAnalyzer>("Orders", "/repo/src/Orders", aspNetCore: false) { TestCode = string.Empty };
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Function.cs", """
                using Microsoft.Data.SqlClient;
                using Vendor.Billing;

                namespace Orders;

                public sealed class Function
                {
                    public string Handle(string order)
                    {
                        var billing = new AmazonBillingClient();
                        var secrets = new SecretClient("vault");
                        using var connection = new SqlConnection("Server=db;Database=orders");
                        return billing.ToString() + secrets + connection;
                    }
                }
                """)
                .WithConfig("serverless.yml", OrdersFunction)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Severity_none_in_editorconfig_silences_the_rule()
        {
            var test = Function("""
                using System.Net.Http;

                namespace Orders;

                public sealed class Function
                {
                    public string Handle(string order) => new HttpClient().ToString() + order;
                }
                """);
            test.TestState.AnalyzerConfigFiles.Add(("/repo/.editorconfig", """
                root = true

                [*.cs]
                dotnet_diagnostic.PF5001.severity = none
                """));
            await test.RunSilentAsync();
        }

        [Fact]
        public async Task Reports_a_client_built_by_the_constructor_of_a_scoped_or_transient_service_an_endpoint_takes_but_not_of_a_singleton()
        {
            await Program("""
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddScoped<StockRepository>();
                builder.Services.AddTransient<IPayments, Payments>();
                builder.Services.AddSingleton<Catalog>();
                builder.Services.AddScoped<Unused>();
                var app = builder.Build();
                app.MapGet("/stock/{sku}", (string sku, StockRepository stock, Catalog catalog) => stock.GetAsync(sku));
                app.MapPost("/pay/{order}", (string order, IPayments payments) => payments.PayAsync(order));
                app.Run();

                public sealed class StockRepository
                {
                    private readonly HttpClient http;

                    public StockRepository() => http = {|#0:new HttpClient()|};

                    public Task<string> GetAsync(string sku) => http.GetStringAsync("https://stock.example.com/" + sku);
                }

                public interface IPayments { Task<string> PayAsync(string order); }

                public sealed class Payments : IPayments
                {
                    private readonly HttpClient http = {|#2:new HttpClient()|};

                    public Task<string> PayAsync(string order) => http.GetStringAsync("https://payments.example.com/" + order);
                }

                public sealed class Catalog
                {
                    private readonly HttpClient http = new HttpClient();
                }

                public sealed class Unused
                {
                    private readonly HttpClient http = new HttpClient();
                }
                """)
                .Expect(
                    PF5001().WithArguments("HttpClient", "api", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_client_built_by_a_scoped_or_transient_factory_when_ASP_NET_Core_serves_the_requests_but_not_by_a_singleton_factory()
        {
            var test = Program("""
                using System.Net.Http;
                using Amazon.S3;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.DependencyInjection.Extensions;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                builder.Services.AddScoped(_ => {|#0:new AmazonS3Client()|});
                builder.Services.TryAddTransient(_ => {|#2:new HttpClient()|});
                builder.Services.AddSingleton(_ => new AmazonS3Client("eu-west-1"));
                var app = builder.Build();
                app.MapGet("/receipts/{id}", (string id, AmazonS3Client s3) => s3.GetObjectAsync("receipts", id));
                app.Run();
                """);
            test.TestState.AdditionalReferences.Add(LambdaHostingStubs.Reference);
            await test
                .Expect(
                    PF5001().WithArguments("AmazonS3Client", "api", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_scoped_factory_where_no_ASP_NET_Core_host_opens_a_scope_per_request()
        {
            // A handler that builds its container once resolves scoped services from the root provider: once.
            await Function("""
                using System;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Microsoft.Extensions.DependencyInjection;

                namespace Orders;

                public sealed class Function
                {
                    private readonly IServiceProvider provider;

                    public Function()
                    {
                        var services = new ServiceCollection();
                        services.AddScoped(_ => new AmazonS3Client());
                        provider = services.BuildServiceProvider();
                    }

                    public Task<string> Handle(string order) => provider.GetRequiredService<AmazonS3Client>().GetObjectAsync("orders", order);
                }
                """, aspNetCore: true).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_a_scoped_factory_lambda_by_name_when_the_packages_are_not_restored()
        {
            await Unrestored("Program.cs", OutputKind.ConsoleApplication, """
                using Amazon;
                using Amazon.SimpleNotificationService;
                using Amazon.SQS;

                var builder = WebApplication.CreateBuilder(args);
                var region = RegionEndpoint.EUWest1;
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
                builder.Services.AddScoped(_ => {|#0:new AmazonSimpleNotificationServiceClient(region)|});
                builder.Services.AddSingleton(_ => new AmazonSQSClient(region));
                var app = builder.Build();
                app.Run();
                """)
                .WithConfig("serverless.yml", OrdersApp)
                .Expect(PF5001().WithArguments("AmazonSimpleNotificationServiceClient", "api", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_parameters_null_fallback()
        {
            await Unrestored("Function.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.SQS;

                namespace Orders;

                public sealed class Function
                {
                    private static readonly AmazonSQSClient Queue = new AmazonSQSClient();
                    private static readonly HttpClient Http = new HttpClient();

                    public async Task<string> Handle(string order)
                    {
                        return await QueueUrl(order, Queue) + await Fetch(order, Http);
                    }

                    private static Task<string> QueueUrl(string name, AmazonSQSClient client)
                    {
                        if (client == null)
                        {
                            client = new AmazonSQSClient();
                        }

                        return Task.FromResult(name + client);
                    }

                    private static Task<string> Fetch(string url, HttpClient? http)
                    {
                        http ??= new HttpClient();
                        return http.GetStringAsync(url);
                    }
                }
                """)
                .WithConfig("serverless.yml", OrdersFunction)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Follows_calls_on_a_service_taken_from_the_container_when_the_container_is_not_restored()
        {
            await Unrestored("Function.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.Extensions.DependencyInjection;

                namespace Orders;

                public sealed class Function
                {
                    public async Task<string> Handle(string order)
                    {
                        var services = new ServiceCollection();
                        services.AddTransient<IStock, Stock>();
                        services.AddTransient<PriceList>();
                        var provider = services.BuildServiceProvider();
                        var stock = provider.GetService<IStock>();
                        var prices = provider.GetRequiredService<PriceList>();
                        return await stock.Count(order) + prices.Price(order);
                    }
                }

                public interface IStock { Task<string> Count(string sku); }

                public sealed class Stock : IStock
                {
                    public async Task<string> Count(string sku)
                    {
                        using var http = {|#0:new HttpClient()|};
                        return await http.GetStringAsync("https://stock.example.com/" + sku);
                    }
                }

                public class PriceList
                {
                    public string Price(string sku)
                    {
                        using var http = {|#2:new HttpClient()|};
                        return http.GetStringAsync("https://prices.example.com/" + sku).Result;
                    }

                    public string Price(string sku, string currency)
                    {
                        using var http = new HttpClient();
                        return http.GetStringAsync("https://prices.example.com/" + sku + currency).Result;
                    }
                }

                public sealed class Warehouse
                {
                    public Task<string> Count(string sku)
                    {
                        using var http = new HttpClient();
                        return http.GetStringAsync("https://warehouse.example.com/" + sku);
                    }
                }
                """)
                .WithConfig("serverless.yml", OrdersFunction)
                .Expect(
                    PF5001().WithArguments("HttpClient", "orders", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Follows_a_call_whose_overload_resolution_fails_between_the_projects_own_methods()
        {
            await Unrestored("Function.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.Lambda.SQSEvents;

                namespace Orders;

                public sealed class Function
                {
                    public async Task Handle(SQSEvent evnt)
                    {
                        foreach (var message in evnt.Records)
                        {
                            await Process(message, 1);
                        }
                    }

                    private static async Task Process(string body, int attempt)
                    {
                        using var http = {|#0:new HttpClient()|};
                        await http.GetStringAsync(body + attempt);
                    }

                    private static async Task Process(byte[] body, int attempt)
                    {
                        using var http = {|#2:new HttpClient()|};
                        await http.GetStringAsync("https://example.com/" + body.Length + attempt);
                    }
                }
                """)
                .WithConfig("serverless.yml", OrdersFunction)
                .Expect(
                    PF5001().WithArguments("HttpClient", "orders", "serverless.yml(6,3)"),
                    PF5001(2).WithArguments("HttpClient", "orders", "serverless.yml(6,3)"))
                .RunAsync();
        }
    }
}
