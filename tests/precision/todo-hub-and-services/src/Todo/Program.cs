using Todo;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSignalR();
builder.Services.AddScoped<TodoRepository>();
builder.Services.AddTransient<AuditTrail>();

var app = builder.Build();

app.Use(async (context, next) =>
{
    TenantContext.Current = context.Request.Headers["X-Tenant"].ToString(); // expect: PF2001
    TenantContext.Flow.Value = context.Request.Headers["X-Tenant"].ToString(); // look-alike: PF2001
    await next(context);
});

app.MapHub<PresenceHub>("/hubs/presence"); // expect: PF1001

app.MapGet("/todos", () => InMemoryDb.Todos);

app.MapPost("/todos", async (TodoItem item, TodoRepository repository, AuditTrail audit) =>
{
    InMemoryDb.Todos.Add(item); // expect: PF2001
    await repository.SaveAsync(item);
    await audit.WriteAsync(item.Id);
    return Results.Created($"/todos/{item.Id}", item);
});

app.MapGet("/todos/{id}", async (string id, TodoRepository repository) =>
{
    var item = await repository.LoadAsync(id);
    CacheHelper.Set($"todo:{id}", item); // look-alike: PF2001
    return item is null ? Results.NotFound() : Results.Ok(item);
});

app.MapGet("/settings", async () => Results.Ok(await Settings.GetAsync()));

app.Run();
