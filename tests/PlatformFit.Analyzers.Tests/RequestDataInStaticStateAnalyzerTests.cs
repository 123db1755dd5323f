using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF2001")]
    public class RequestDataInStaticStateAnalyzerTests
    {
        /// <summary>A Lambda function behind an HTTP API, whose handler is <c>Shop.CartFunction.Handle</c>.</summary>
        private const string CartFunctionOnLambda = """
            service: shop
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:cart|}:
                handler: Shop::Shop.CartFunction::Handle
                events:
                  - httpApi: POST /cart
            """;

        /// <summary>The request and context types a handler gets, declared where the real ones live.</summary>
        private const string LambdaTypes = """
            namespace Amazon.Lambda.Core
            {
                public interface ILambdaLogger { void LogLine(string message); }
                public interface ILambdaContext { ILambdaLogger Logger { get; } string AwsRequestId { get; } }
            }

            namespace Shop
            {
                public sealed class Item { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
                public sealed class Cart { public System.Collections.Generic.List<Item> Items { get; } = new(); public decimal Total { get; set; } }
                public sealed class CartRequest { public string UserId { get; set; } = ""; public Item Item { get; set; } = new(); public Cart Cart { get; set; } = new(); public decimal Amount { get; set; } }
            }
            """;

        private static DiagnosticResult PF2001(int codeMarker = 0) =>
            new DiagnosticResult("PF2001", DiagnosticSeverity.Warning).WithLocation(codeMarker).WithLocation(1);

        private static ProjectAnalyzerTest<RequestDataInStaticStateAnalyzer> Handler(string code, string serverless = CartFunctionOnLambda)
        {
            var test = new ProjectAnalyzerTest<RequestDataInStaticStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            test.WithSource("LambdaTypes.cs", LambdaTypes).WithSource("CartFunction.cs", code).WithConfig("serverless.yml", serverless);
            return test;
        }

        private static ProjectAnalyzerTest<RequestDataInStaticStateAnalyzer> MinimalApi(string program)
        {
            var test = new ProjectAnalyzerTest<RequestDataInStaticStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.WithSource("LambdaTypes.cs", LambdaTypes).WithSource("Program.cs", program).WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  {|#1:api|}:
                    handler: Shop
                    events:
                      - httpApi: '*'
                """);
            return test;
        }

        [Fact]
        public async Task Reports_request_data_stored_in_a_static_dictionary_by_the_handler()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, Cart> Carts = new();

                    public string Handle(CartRequest request)
                    {
                        {|#0:Carts[request.UserId]|} = request.Cart;
                        return "ok";
                    }
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'CartFunction.Carts'", "request.Cart", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_a_function_whose_handler_names_a_type_the_project_does_not_have()
        {
            // PF4005 reports the handler; which code the function would run is not guessed, so neither the write
            // below nor start-up code (a Startup constructor) counts as the function's.
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, Cart> Carts = new();

                    public string Handle(CartRequest request)
                    {
                        Carts[request.UserId] = request.Cart;
                        return "ok";
                    }
                }
                """, CartFunctionOnLambda.Replace("Shop.CartFunction::", "Shop.Functions.CartFunction::", System.StringComparison.Ordinal))
                .RunSilentAsync();
        }

        [Fact]
        public async Task Reports_adding_to_a_static_list_set_and_queue()
        {
            await Handler("""
                using System.Collections.Concurrent;
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly List<Item> Recent = new();
                    private static readonly HashSet<string> Seen = new();
                    private static readonly ConcurrentQueue<CartRequest> Pending = new();

                    public void Handle(CartRequest request)
                    {
                        {|#0:Recent.Add|}(request.Item);
                        {|#2:Seen.Add|}(request.UserId);
                        {|#3:Pending.Enqueue|}(request);
                    }
                }
                """)
                .Expect(PF2001(0), PF2001(2), PF2001(3))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_mutating_an_element_taken_from_a_static_collection()
        {
            await Handler("""
                using System.Collections.Concurrent;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly ConcurrentDictionary<string, Cart> Carts = new();

                    public void Handle(CartRequest request)
                    {
                        {|#0:Carts.GetOrAdd(request.UserId, _ => new Cart()).Items.Add|}(request.Item);

                        var cart = Carts.GetOrAdd(request.UserId, _ => new Cart());
                        {|#2:cart.Items.Add|}(request.Item);

                        if (Carts.TryGetValue(request.UserId, out var existing))
                        {
                            {|#3:existing.Total|} += request.Amount;
                        }
                    }
                }
                """)
                .Expect(PF2001(0).WithArguments("Static field 'CartFunction.Carts'", "request.Item", "cart", "serverless.yml(6,3)"), PF2001(2), PF2001(3))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_static_fields_and_properties_assigned_request_data()
        {
            await Handler("""
                namespace Shop;

                public static class Session
                {
                    public static string? CurrentUser { get; set; }
                }

                public sealed class CartFunction
                {
                    private static Cart? lastCart;
                    private static decimal total;

                    public void Handle(CartRequest request)
                    {
                        {|#0:Session.CurrentUser|} = request.UserId;
                        {|#2:lastCart|} = request.Cart;
                        {|#3:total|} += request.Amount;
                        {|#4:System.Threading.Interlocked.Exchange|}(ref lastCart, request.Cart);
                    }
                }
                """)
                .Expect(
                    PF2001(0).WithArguments("Static property 'Session.CurrentUser'", "request.UserId", "cart", "serverless.yml(6,3)"),
                    PF2001(2),
                    PF2001(3),
                    PF2001(4).WithArguments("Static field 'CartFunction.lastCart'", "request.Cart", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_removing_a_requests_entry()
        {
            await Handler("""
                using System.Collections.Concurrent;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly ConcurrentDictionary<string, Cart> Carts = new();

                    public void Handle(CartRequest request) => {|#0:Carts.TryRemove|}(request.UserId, out _);
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'CartFunction.Carts'", "request.UserId", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_helper_the_handler_calls_with_the_path_from_the_handler()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public static class CartStore
                {
                    private static readonly Dictionary<string, Cart> Carts = new();

                    public static void Save(string user, Cart cart) => {|#0:Carts[user]|} = cart;
                }

                public sealed class CartFunction
                {
                    public void Handle(CartRequest request) => CartStore.Save(request.UserId, request.Cart);
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'CartStore.Carts'", "cart", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_constructor_of_an_object_the_request_creates()
        {
            await Handler("""
                namespace Shop;

                public sealed class Checkout
                {
                    public static Cart? Current;

                    public Checkout(Cart cart)
                    {
                        {|#0:Current|} = cart;
                    }
                }

                public sealed class CartFunction
                {
                    public void Handle(CartRequest request) => _ = new Checkout(request.Cart);
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'Checkout.Current'", "cart", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_field_of_the_handler_object_which_lives_as_long_as_the_environment()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private readonly Dictionary<string, Cart> carts = new();

                    public void Handle(CartRequest request) => {|#0:carts[request.UserId]|} = request.Cart;
                }
                """)
                .Expect(PF2001().WithArguments(
                    "Field 'CartFunction.carts' of the handler object, which lives as long as the execution environment,", "request.Cart", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_writes_in_minimal_API_endpoint_lambdas_but_not_in_the_start_up_code_around_them()
        {
            await MinimalApi("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Shop;

                var builder = WebApplication.CreateBuilder(args);
                Carts.Owner = builder.Configuration["Owner"];
                foreach (var arg in args)
                {
                    Carts.Flags.Add(arg);
                }

                var app = builder.Build();
                app.MapPost("/cart/{user}", (string user, Item item) =>
                {
                    {|#0:Carts.ByUser[user]|} = new List<Item> { item };
                    return Results.Ok();
                });
                app.MapDelete("/cart/{user}", (string user) => Carts.Clear(user));
                app.Run();

                static class Carts
                {
                    public static string? Owner;
                    public static readonly List<string> Flags = new();
                    public static readonly Dictionary<string, List<Item>> ByUser = new();

                    public static void Clear(string user) => {|#2:ByUser.Remove|}(user);
                }
                """)
                .Expect(PF2001(0).WithArguments("Static field 'Carts.ByUser'", "item", "api", "serverless.yml(4,3)"), PF2001(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_hub_that_keeps_its_connections_in_a_static_dictionary()
        {
            await MinimalApi("""
                using System.Collections.Concurrent;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.SignalR;

                var app = WebApplication.CreateBuilder(args).Build();
                app.Run();

                public sealed class PresenceHub : Hub
                {
                    private static readonly ConcurrentDictionary<string, string?> Online = new();

                    public override Task OnConnectedAsync()
                    {
                        {|#0:Online[Context.ConnectionId]|} = Context.UserIdentifier;
                        return base.OnConnectedAsync();
                    }

                    public void Leave() => {|#2:Online.TryRemove|}(Context.ConnectionId, out _);
                }
                """)
                .Expect(PF2001(0).WithArguments("Static field 'PresenceHub.Online'", "Context.UserIdentifier", "api", "serverless.yml(4,3)"), PF2001(2))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_a_controller_that_keys_static_state_by_the_signed_in_user()
        {
            await MinimalApi("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                [ApiController]
                [Route("wishlist")]
                public sealed class WishlistController : ControllerBase
                {
                    private static readonly Dictionary<string, List<string>> Wishlists = new();

                    [HttpPost("{sku}")]
                    public IActionResult Add(string sku)
                    {
                        {|#0:Wishlists[User.Identity!.Name!]|} = new List<string> { sku };
                        return Ok();
                    }

                    [HttpPut]
                    public IActionResult Start()
                    {
                        Wishlists.TryAdd(User.Identity!.Name!, new List<string>());
                        return Ok();
                    }
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'WishlistController.Wishlists'", "sku", "api", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_request_data_by_name_when_the_Lambda_event_types_do_not_resolve()
        {
            // An un-restored repository: Amazon.Lambda.APIGatewayEvents is missing, so the request does not bind.
            var test = Handler("""
                using System.Collections.Generic;
                using Amazon.Lambda.APIGatewayEvents;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, string> Sessions = new();

                    public APIGatewayHttpApiV2ProxyResponse Handle(APIGatewayHttpApiV2ProxyRequest request)
                    {
                        {|#0:Sessions[request.Headers["x-session"]]|} = request.Body;
                        {|#2:Sessions.Add|}(request.RequestContext.RequestId, request.Body);
                        return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                    }
                }
                """);
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.Expect(PF2001(0).WithArguments("Static field 'CartFunction.Sessions'", "request.Body", "cart", "serverless.yml(6,3)"), PF2001(2)).RunAsync();
        }

        [Fact]
        public async Task Silent_for_clients_lazies_constants_and_lazily_created_clients()
        {
            await Handler("""
                using System;
                using System.Net.Http;

                namespace Shop;

                public sealed class CartFunction
                {
                    private const string Table = "carts";
                    private static readonly HttpClient Http = new();
                    private static readonly Lazy<HttpClient> Pricing = new(() => new HttpClient());
                    private static HttpClient? inventory;

                    public string Handle(CartRequest request)
                    {
                        {|#0:inventory|} ??= new HttpClient { BaseAddress = new Uri("https://inventory.internal") };
                        Http.DefaultRequestHeaders.Add("x-user", request.UserId);
                        return Table + Pricing.Value.BaseAddress;
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_memos_of_a_computation_of_the_key()
        {
            await Handler("""
                using System.Collections.Concurrent;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;

                namespace Shop;

                public interface IPriceRepository { Task<decimal> LoadAsync(string sku); }

                public sealed class CartFunction
                {
                    private static readonly ConcurrentDictionary<string, string> Slugs = new();
                    private static readonly Dictionary<int, long> Squares = new();
                    private static readonly Dictionary<string, decimal> Prices = new();
                    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new();
                    private static readonly ConcurrentDictionary<string, decimal> Prices2 = new();
                    public async Task<string> Handle(CartRequest request, IPriceRepository repository)
                    {
                        var slug = {|#0:Slugs.GetOrAdd|}(request.Item.Sku, sku => sku.ToLowerInvariant().Replace(' ', '-'));
                        {|#2:Squares[request.Item.Quantity]|} = (long)request.Item.Quantity * request.Item.Quantity;
                        {|#3:Prices[request.Item.Sku]|} = await repository.LoadAsync(request.Item.Sku);
                        var gate = {|#4:Locks.GetOrAdd|}(request.UserId, _ => new SemaphoreSlim(1, 1));
                        var price = {|#5:Prices2.GetOrAdd|}(request.Item.Sku, s => Prices.TryGetValue(s, out var known) ? known : s.Length);
                        return slug + gate.CurrentCount + price;
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_cache_with_a_constant_key_and_state_filled_at_start_up()
        {
            await Handler("""
                using System;
                using System.Collections.Generic;

                namespace Shop;

                public static class Catalog
                {
                    public static readonly Dictionary<string, decimal> Prices = new() { ["apple"] = 1.2m };
                    public static readonly List<string> Regions = new();

                    static Catalog()
                    {
                        foreach (var region in Environment.GetEnvironmentVariable("REGIONS")?.Split(',') ?? Array.Empty<string>())
                        {
                            Regions.Add(region);
                        }
                    }
                }

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, string> Settings = new();
                    private static string? table;

                    public CartFunction() : this(Environment.GetEnvironmentVariable("TABLE") ?? "carts")
                    {
                    }

                    public CartFunction(string tableName)
                    {
                        {|#0:table|} = tableName;
                        {|#2:Settings.Add|}("table", tableName);
                    }

                    public decimal Handle(CartRequest request)
                    {
                        {|#3:Settings["last-refresh"]|} = DateTime.UtcNow.ToString("O");
                        return Catalog.Prices.GetValueOrDefault(request.Item.Sku) + table!.Length;
                    }
                }
                """).RunSilentAsync();
        }

        [Theory]
        [InlineData("public static void Main(string[] args) => Enable(\"search\");")]
        [InlineData("public static void Main(string[] args) { var app = WebApplication.CreateBuilder(args).Build(); app.MapPost(\"/flags\", () => {|#2:Flags.AddRange|}(args)); app.Run(); }")]
        public async Task Silent_for_what_Main_does_and_its_command_line_arguments(string main)
        {
            var test = new ProjectAnalyzerTest<RequestDataInStaticStateAnalyzer>("Shop", "/repo/src/Shop") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", $$"""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;

                namespace Shop;

                public static class Program
                {
                    public static readonly List<string> Flags = new();

                    {{main}}

                    private static void Enable(string name) => {|#0:Flags.Add|}(name);
                }
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  {|#1:api|}:
                    handler: Shop
                """)
                .RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_counters_flags_and_the_logger_taken_from_the_context()
        {
            await Handler("""
                using System.Threading;
                using Amazon.Lambda.Core;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static int invocations;
                    private static bool warm;
                    private static ILambdaLogger? logger;

                    public void Handle(CartRequest request, ILambdaContext context)
                    {
                        Interlocked.Increment(ref invocations);
                        {|#0:warm|} = true;
                        {|#2:logger|} = context.Logger;
                        logger.LogLine(request.UserId);
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_ThreadStatic_and_AsyncLocal_state()
        {
            await Handler("""
                using System;
                using System.Threading;

                namespace Shop;

                public sealed class CartFunction
                {
                    [ThreadStatic]
                    private static string? currentUser;
                    private static readonly AsyncLocal<string?> CorrelationId = new();

                    public void Handle(CartRequest request)
                    {
                        {|#0:currentUser|} = request.UserId;
                        {|#2:CorrelationId.Value|} = request.UserId;
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_instance_state_of_objects_other_than_the_handler()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartBuilder
                {
                    private readonly Dictionary<string, Cart> carts = new();

                    public void Put(CartRequest request) => {|#0:carts[request.UserId]|} = request.Cart;
                }

                public sealed class CartFunction
                {
                    public void Handle(CartRequest request) => new CartBuilder().Put(request);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_code_the_handler_never_reaches()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, Cart> Carts = new();

                    public string Handle(CartRequest request) => request.UserId;

                    public void Import(CartRequest request) => {|#0:Carts[request.UserId]|} = request.Cart;
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_registry_filled_from_start_up_code_only()
        {
            await MinimalApi("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;

                var builder = WebApplication.CreateBuilder(args);
                Features.Enable(builder.Configuration["Feature"] ?? "none");
                var app = builder.Build();
                app.Lifetime.ApplicationStarted.Register(() => Features.Enable("started"));
                System.Threading.Tasks.Parallel.ForEach(new[] { "search", "export" }, name => {|#2:Features.Names.Add|}(name));
                app.MapPost("/features/defaults", () => {|#3:Features.Names.Add|}(args.Length > 0 ? args[0] : "none"));
                app.MapGet("/features", () => Features.Names);
                app.Run();

                static class Features
                {
                    public static readonly List<string> Names = new();

                    public static void Enable(string name) => {|#0:Names.Add|}(name);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_project_is_not_deployed_to_Lambda()
        {
            await Handler(
                """
                using System.Collections.Generic;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, Cart> Carts = new();

                    public void Handle(CartRequest request) => {|#0:Carts[request.UserId]|} = request.Cart;
                }
                """,
                """
                provider:
                  name: azure
                functions:
                  cart:
                    handler: Shop::Shop.CartFunction::Handle
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_method_named_like_a_collection_write_on_another_type()
        {
            await Handler("""
                namespace Shop;

                public sealed class Ledger
                {
                    public void Add(string user, decimal amount) { }
                }

                public sealed class CartFunction
                {
                    private static readonly Ledger Entries = new();

                    public void Handle(CartRequest request) => {|#0:Entries.Add|}(request.UserId, request.Amount);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_a_memo_under_a_key_formatted_from_the_value_it_is_computed_from()
        {
            await Handler("""
                using System.Collections.Generic;
                using System.Globalization;

                namespace Shop;

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, int> Squares = new();
                    private static readonly Dictionary<string, string> Labels = new();

                    public int Handle(CartRequest request) => SquareOf(request.Item.Quantity) + LabelOf(request.Item.Quantity).Length;

                    private static int SquareOf(int n)
                    {
                        var key = n.ToString(CultureInfo.InvariantCulture);
                        if (!Squares.TryGetValue(key, out var square))
                        {
                            square = n * n;
                            Squares[key] = square;
                        }

                        return square;
                    }

                    private static string LabelOf(int n) => Labels[n.ToString()] = $"{n} items";
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Reports_one_member_of_a_foreach_element_kept_under_another_member_of_it()
        {
            await Handler("""
                using System.Collections.Generic;

                namespace Shop;

                public sealed class Batch { public List<Message> Records { get; } = new(); }
                public sealed class Message { public string MessageId { get; set; } = ""; public string Body { get; set; } = ""; }

                public sealed class CartFunction
                {
                    private static readonly Dictionary<string, string> Bodies = new();
                    private static readonly Dictionary<string, int> Lengths = new();

                    public void Handle(Batch batch)
                    {
                        foreach (var message in batch.Records)
                        {
                            {|#0:Bodies[message.MessageId]|} = message.Body;
                            Lengths[message.Body] = message.Body.Length;
                        }
                    }
                }
                """)
                .Expect(PF2001().WithArguments("Static field 'CartFunction.Bodies'", "batch.Records.Body", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_request_data_kept_in_a_field_of_a_singleton_service_but_not_of_a_scoped_one_or_by_its_constructor()
        {
            await MinimalApi("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Shop;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<CartIndex>();
                builder.Services.AddSingleton<IClock, Clock>();
                builder.Services.AddScoped<Basket>();
                var app = builder.Build();
                app.MapPost("/carts/{user}", (string user, Cart cart, CartIndex index, Basket basket, IClock clock) =>
                {
                    index.Keep(user, cart);
                    basket.Keep(user, cart);
                    clock.Tick(user);
                });
                app.Run();

                public sealed class CartIndex
                {
                    private readonly Dictionary<string, Cart> carts = new();
                    private readonly Dictionary<string, int> counts = new();
                    private readonly string region;

                    public CartIndex(string region) => this.region = region;

                    public void Keep(string user, Cart cart)
                    {
                        {|#0:carts[user]|} = cart;
                        counts[user] = counts.TryGetValue(user, out var n) ? n + 1 : 1;
                    }
                }

                public sealed class Basket
                {
                    private readonly Dictionary<string, Cart> carts = new();

                    public void Keep(string user, Cart cart) => carts[user] = cart;
                }

                public interface IClock { void Tick(string user); }

                public sealed class Clock : IClock
                {
                    private readonly List<string> ticks = new();

                    public void Tick(string user) => {|#2:ticks.Add|}(user);
                }
                """)
                .Expect(
                    PF2001(0).WithArguments("Field 'CartIndex.carts' of a singleton service, which lives as long as the execution environment,", "cart", "api", "serverless.yml(4,3)"),
                    PF2001(2).WithArguments("Field 'Clock.ticks' of a singleton service, which lives as long as the execution environment,", "user", "api", "serverless.yml(4,3)"))
                .RunAsync();
        }

        [Fact]
        public async Task A_helper_that_stores_what_it_is_given_is_judged_by_what_its_callers_pass()
        {
            await Handler("""
                using System;
                using System.Collections.Generic;
                using System.Linq;

                namespace Shop;

                public static class Memo
                {
                    private static readonly Dictionary<string, object> Entries = new();

                    public static void Set(string key, object value) => Entries[key] = value;
                }

                public static class Store
                {
                    private static readonly Dictionary<string, object> Entries = new();

                    public static void Set(string key, object value) => {|#0:Entries[key]|} = value;
                }

                public static class Handed
                {
                    private static readonly Dictionary<string, object> Entries = new();

                    public static void Set(string key, object value) => {|#2:Entries[key]|} = value;
                }

                public static class ByItem
                {
                    private static readonly Dictionary<string, Item> Entries = new();

                    public static void Keep(Item item) => {|#3:Entries[item.Sku]|} = item;
                }

                public sealed class CartFunction
                {
                    public void Handle(CartRequest request)
                    {
                        ByItem.Keep(request.Item);
                        var cart = Load(request.UserId);
                        Memo.Set($"cart:{request.UserId}", cart);
                        Memo.Set(request.Item.Sku, Load(request.Item.Sku));
                        Store.Set(request.UserId, Load(request.UserId));
                        Store.Set(request.UserId, request.Cart);
                        new[] { request.UserId }.ToList().ForEach(id => Handed.Set(id, Load(id)));
                        Action<string, object> set = Handed.Set;
                        set(request.UserId, request.Cart);
                    }

                    private static Cart Load(string id) => new();
                }
                """)
                .Expect(
                    PF2001(0).WithArguments("Static field 'Store.Entries'", "value", "cart", "serverless.yml(6,3)"),
                    PF2001(2).WithArguments("Static field 'Handed.Entries'", "value", "cart", "serverless.yml(6,3)"),
                    PF2001(3).WithArguments("Static field 'ByItem.Entries'", "item", "cart", "serverless.yml(6,3)"))
                .RunAsync();
        }
    }
}
