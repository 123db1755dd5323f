using System.Collections.Concurrent;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Notes;

public sealed record Note(string Id, string Text);

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<NoteStore>();
        services.AddSingleton<Slugger>();
    }
}

public sealed class NoteStore
{
    private readonly ConcurrentDictionary<string, Note> notes = new();

    public void Save(Note note) => notes[note.Id] = note; // expect: PF2001

    public Note? Find(string id) => notes.TryGetValue(id, out var note) ? note : null;
}

public sealed class Slugger
{
    private readonly ConcurrentDictionary<string, string> slugs = new();

    public string Slug(string text) => slugs.GetOrAdd(text, t => t.Trim().ToLowerInvariant().Replace(' ', '-')); // look-alike: PF2001
}

public class Functions(NoteStore store, Slugger slugger)
{
    private static readonly List<Note> Recent = new();
    private static readonly HttpClient Search = new() { BaseAddress = new Uri("https://search.example.com/") }; // look-alike: PF5001

    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Post, "/notes")]
    public async Task<IHttpResult> Add([FromBody] Note note, ILambdaContext context)
    {
        store.Save(note with { Id = slugger.Slug(note.Id) });
        Recent.Add(note); // expect: PF2001
        var http = new HttpClient(); // expect: PF5001
        await http.PostAsync("https://hooks.example.com/notes", new StringContent(note.Id));
        await Search.PostAsync("index", new StringContent(note.Text));
        Thread.Sleep(TimeSpan.FromMinutes(1)); // expect: PF3001
        await Task.Delay(TimeSpan.FromSeconds(2)); // look-alike: PF3001
        return HttpResults.Ok(note);
    }

    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/notes/{id}")]
    public IHttpResult Get(string id) => store.Find(id) is { } note ? HttpResults.Ok(note) : HttpResults.NotFound();
}
