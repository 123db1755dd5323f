using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;

namespace Todo;

public sealed record TodoItem(string Id, string Title, bool Done);

public static class InMemoryDb
{
    public static readonly List<TodoItem> Todos = new();
}

public static class TenantContext
{
    public static string? Current { get; set; }

    public static readonly AsyncLocal<string?> Flow = new();
}

/// <summary>A small cache for values loaded from the database.</summary>
public static class CacheHelper
{
    private static readonly ConcurrentDictionary<string, object?> Entries = new();

    public static void Set(string key, object? value) => Entries[key] = value; // look-alike: PF2001

    public static object? Get(string key) => Entries.TryGetValue(key, out var value) ? value : null;
}

public static class Reflection
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static PropertyInfo[] Of(Type type) => Properties.GetOrAdd(type, t => t.GetProperties()); // look-alike: PF2001
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    public static readonly Regex Slug = new("[^a-z0-9]+", RegexOptions.Compiled);

    static Json()
    {
        Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()); // look-alike: PF2001
    }
}

public sealed class PresenceHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Online = new();

    public override Task OnConnectedAsync()
    {
        Online[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous"; // expect: PF2001
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Online.TryRemove(Context.ConnectionId, out _); // expect: PF2001
        return base.OnDisconnectedAsync(exception);
    }

    public Task<string[]> Who() => Task.FromResult(Online.Values.ToArray());
}
