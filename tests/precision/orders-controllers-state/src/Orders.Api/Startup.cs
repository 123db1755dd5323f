namespace Orders.Api;

public class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddSingleton<OrderIndex>();
        services.AddSingleton<IRateLimiterStore, InMemoryRateLimiterStore>();
        OrderNumbers.Prefix = Configuration["Orders:Prefix"] ?? "ORD"; // look-alike: PF2001
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}

public static class OrderNumbers
{
    public static string Prefix = "ORD";

    private static long next;

    public static string Next() => $"{Prefix}-{Interlocked.Increment(ref next):D8}"; // look-alike: PF2001
}
