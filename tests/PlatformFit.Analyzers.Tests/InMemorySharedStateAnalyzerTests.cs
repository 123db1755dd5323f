using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF2002")]
    public class InMemorySharedStateAnalyzerTests
    {
        private const string ApiOnLambda = """
            service: shop
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:web|}:
                handler: Shop
                events:
                  - httpApi: '*'
            """;

        /// <summary>Registrations from packages the tests cannot restore, declared where the real ones live.</summary>
        private const string CachePackages = """
            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class StackExchangeRedisCacheServiceCollectionExtensions
                {
                    public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, System.Action<object> configure) => services;
                }

                public static class SqlServerCachingServicesExtensions
                {
                    public static IServiceCollection AddDistributedSqlServerCache(this IServiceCollection services, System.Action<object> configure) => services;
                }

                public static class StackExchangeRedisDependencyInjectionExtensions
                {
                    public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddStackExchangeRedis(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder, string connection) => builder;
                }

                public static class AzureSignalRDependencyInjectionExtensions
                {
                    public static Microsoft.AspNetCore.SignalR.ISignalRServerBuilder AddAzureSignalR(this Microsoft.AspNetCore.SignalR.ISignalRServerBuilder builder) => builder;
                }
            }
            """;

        private static DiagnosticResult PF2002(int codeMarker = 0) =>
            new DiagnosticResult("PF2002", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(1);

        private static ProjectAnalyzerTest<InMemorySharedStateAnalyzer> App(string program, string serverless = ApiOnLambda)
        {
            var test = new ProjectAnalyzerTest<InMemorySharedStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.WithSource("Program.cs", program).WithSource("CachePackages.cs", CachePackages).WithConfig("serverless.yml", serverless);
            return test;
        }

        [Fact]
        public async Task Reports_session_state_on_the_in_memory_distributed_cache()
        {
            await App("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddDistributedMemoryCache|}();
                builder.Services.AddSession(options => options.Cookie.HttpOnly = true);
                var app = builder.Build();
                app.UseSession();
                app.Run();
                """)
                .Expect(PF2002().WithArguments(
                    "'AddDistributedMemoryCache'",
                    "the session state of 'AddSession'",
                    "web",
                    "serverless.yml(6,3)",
                    "register a shared IDistributedCache instead (AddStackExchangeRedisCache, AddDistributedSqlServerCache, a DynamoDB cache)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_session_state_with_no_distributed_cache_registered_on_AddSession()
        {
            await App("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllersWithViews();
                builder.Services.{|#0:AddSession|}();
                var app = builder.Build();
                app.UseSession();
                app.Run();
                """)
                .Expect(PF2002().WithArguments(
                    "'AddSession', with no shared IDistributedCache registered,",
                    "session state",
                    "web",
                    "serverless.yml(6,3)",
                    "register a shared IDistributedCache (AddStackExchangeRedisCache, AddDistributedSqlServerCache, a DynamoDB cache)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_registrations_in_a_Startup_class_the_Lambda_entry_point_runs()
        {
            var test = new ProjectAnalyzerTest<InMemorySharedStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            test.TestState.AdditionalReferences.Add(LambdaPackageStubs.AspNetCoreServerAndCore);
            await test.WithSource("LambdaEntryPoint.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.DependencyInjection;

                namespace Shop
                {
                    public sealed class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
                    {
                        protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
                    }

                    public sealed class Startup
                    {
                        public void ConfigureServices(IServiceCollection services)
                        {
                            services.{|#0:AddDistributedMemoryCache|}();
                            services.AddSession();
                        }

                        public void Configure(IApplicationBuilder app) => app.UseSession();
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  {|#1:web|}:
                    handler: Shop::Shop.LambdaEntryPoint::FunctionHandlerAsync
                    events:
                      - httpApi: '*'
                """)
                .Expect(PF2002())
                .RunAsync();
        }

        [Fact]
        public async Task Reports_SignalR_without_a_backplane_where_the_front_door_does_not_already_rule_the_hub_out()
        {
            // A WebSocket API front door: PF1001 is silent, and the hub's groups live in one environment.
            await App(
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddSignalR|}();
                var app = builder.Build();
                app.Run();
                """,
                """
                provider:
                  name: aws
                functions:
                  {|#1:live|}:
                    handler: Shop
                    events:
                      - websocket: $default
                """)
                .Expect(PF2002().WithArguments(
                    "'AddSignalR' without a backplane",
                    "SignalR connections and groups",
                    "live",
                    "serverless.yml(4,3)",
                    "add a backplane (AddStackExchangeRedis) or use Azure SignalR Service (AddAzureSignalR)"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_the_registrations_by_name_when_ASP_NET_Core_does_not_resolve()
        {
            var test = new ProjectAnalyzerTest<InMemorySharedStateAnalyzer>("Shop", "/repo/src/Shop", aspNetCore: false) { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                builder.Services.{|#0:AddDistributedMemoryCache|}();
                builder.Services.AddSession();
                var app = builder.Build();
                app.UseSession();
                app.Run();
                """)
                .WithConfig("serverless.yml", ApiOnLambda)
                .Expect(PF2002())
                .RunAsync();
        }

        [Theory]
        [InlineData("builder.Services.AddStackExchangeRedisCache(options => { });")]
        [InlineData("builder.Services.AddDistributedSqlServerCache(options => { });")]
        [InlineData("builder.Services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, TableCache>();")]
        public async Task Silent_when_a_shared_distributed_cache_is_registered(string registration)
        {
            await App($$"""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                if (builder.Environment.EnvironmentName == "Development")
                {
                    builder.Services.{|#0:AddDistributedMemoryCache|}();
                }
                else
                {
                    {{registration}}
                }

                builder.Services.AddSession();
                var app = builder.Build();
                app.UseSession();
                app.Run();

                abstract class TableCache : Microsoft.Extensions.Caching.Distributed.IDistributedCache
                {
                    public abstract byte[]? Get(string key);
                    public abstract System.Threading.Tasks.Task<byte[]?> GetAsync(string key, System.Threading.CancellationToken token = default);
                    public abstract void Refresh(string key);
                    public abstract System.Threading.Tasks.Task RefreshAsync(string key, System.Threading.CancellationToken token = default);
                    public abstract void Remove(string key);
                    public abstract System.Threading.Tasks.Task RemoveAsync(string key, System.Threading.CancellationToken token = default);
                    public abstract void Set(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options);
                    public abstract System.Threading.Tasks.Task SetAsync(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_memory_caches_without_session_state()
        {
            await App("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddMemoryCache();
                builder.Services.{|#0:AddDistributedMemoryCache|}();
                var app = builder.Build();
                app.Run();
                """).RunSilentAsync();
        }

        [Theory]
        [InlineData(".AddStackExchangeRedis(\"redis:6379\")")]
        [InlineData(".AddAzureSignalR()")]
        public async Task Silent_for_SignalR_with_a_backplane(string backplane)
        {
            await App(
                $$"""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddSignalR|}(){{backplane}};
                var app = builder.Build();
                app.Run();
                """,
                """
                provider:
                  name: aws
                functions:
                  live:
                    handler: Shop
                    events:
                      - websocket: $default
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_SignalR_behind_a_front_door_that_cannot_hold_connections_which_PF1001_reports()
        {
            await App("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddSignalR|}();
                var app = builder.Build();
                app.Run();
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_registration_is_never_reached()
        {
            var test = new ProjectAnalyzerTest<InMemorySharedStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            await test.WithSource("Functions.cs", """
                using Microsoft.Extensions.DependencyInjection;

                namespace Shop;

                public sealed class Functions
                {
                    public string Health(string input) => "ok";
                }

                public static class ContainerOnly
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.{|#0:AddDistributedMemoryCache|}();
                        services.AddSession();
                    }
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  health:
                    handler: Shop::Shop.Functions::Health
                    events:
                      - httpApi: GET /health
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_project_is_not_deployed_to_Lambda()
        {
            await App(
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddDistributedMemoryCache|}();
                builder.Services.AddSession();
                builder.Build().Run();
                """,
                """
                provider:
                  name: azure
                functions:
                  web:
                    handler: Shop
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_method_of_the_same_name_on_another_type()
        {
            await App("""
                var registry = new Registry();
                registry.{|#0:AddSession|}();
                registry.AddDistributedMemoryCache();

                sealed class Registry
                {
                    public Registry AddSession() => this;
                    public Registry AddDistributedMemoryCache() => this;
                }
                """).RunSilentAsync();
        }
    }
}
