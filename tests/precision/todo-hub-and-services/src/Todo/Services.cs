using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace Todo;

/// <summary>Scoped: the container builds one per request, and with it a new client.</summary>
public sealed class TodoRepository
{
    private readonly AmazonDynamoDBClient client;

    public TodoRepository()
    {
        client = new AmazonDynamoDBClient(); // expect: PF5001
    }

    public async Task SaveAsync(TodoItem item)
    {
        var table = new TableBuilder(client, "todos").AddHashKey("id", DynamoDBEntryType.String).Build();
        await table.PutItemAsync(new Document { ["id"] = item.Id, ["title"] = item.Title });
    }

    public async Task<TodoItem?> LoadAsync(string id)
    {
        var response = await client.GetItemAsync("todos", new() { ["id"] = new(id) });
        return response.IsItemSet ? new TodoItem(id, response.Item["title"].S, false) : null;
    }
}

public sealed class AuditTrail
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri("https://audit.example.com/") }; // look-alike: PF5001

    public Task WriteAsync(string id) => Http.PostAsync("entries", new StringContent(id));
}

public static class Settings
{
    private static readonly AmazonSimpleSystemsManagementClient Ssm = new(); // look-alike: PF5001
    private static string? cached;

    public static async Task<string> GetAsync()
    {
        cached ??= (await Ssm.GetParameterAsync(new GetParameterRequest { Name = "/todo/settings" })).Parameter.Value; // look-alike: PF2001
        return cached;
    }
}
