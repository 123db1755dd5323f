using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace PlatformFit.Bench
{
    /// <summary>
    /// Writes a repository that looks like a .NET serverless monorepo: many ASP.NET Core and class-library
    /// projects with services that call each other, half of them deployed by a serverless.yml, a few with
    /// code a rule reports. Deterministic for a given size, so runs compare.
    /// </summary>
    internal static class SyntheticRepository
    {
        public static void Generate(string root, int projects, int filesPerProject)
        {
            Directory.CreateDirectory(root);
            var serverless = new StringBuilder();
            serverless.Append("service: bench\n\nprovider:\n  name: aws\n  runtime: dotnet8\n  memorySize: 512\n  timeout: 30\n\nfunctions:\n");
            for (var p = 0; p < projects; p++)
            {
                var name = $"Service{p:D3}";
                var folder = Path.Combine(root, "src", name);
                Directory.CreateDirectory(Path.Combine(folder, "Services"));
                File.WriteAllText(Path.Combine(folder, name + ".csproj"), """
                    <Project Sdk="Microsoft.NET.Sdk.Web">
                      <PropertyGroup>
                        <TargetFramework>net8.0</TargetFramework>
                        <Nullable>enable</Nullable>
                        <ImplicitUsings>enable</ImplicitUsings>
                      </PropertyGroup>
                    </Project>
                    """);
                File.WriteAllText(Path.Combine(folder, "Program.cs"), ProgramFile(name, filesPerProject, withWebSockets: p % 10 == 0));
                for (var f = 0; f < filesPerProject; f++)
                {
                    File.WriteAllText(Path.Combine(folder, "Services", $"Worker{f:D3}.cs"), ServiceFile(name, f, filesPerProject));
                }

                if (p % 2 == 0)
                {
                    serverless.Append(CultureInfo.InvariantCulture, $"  fn{p:D3}:\n    handler: {name}\n    events:\n      - httpApi: '*'\n");
                }
            }

            File.WriteAllText(Path.Combine(root, "serverless.yml"), serverless.ToString());
        }

        private static string ProgramFile(string name, int files, bool withWebSockets)
        {
            var code = new StringBuilder();
            code.Append(CultureInfo.InvariantCulture, $"using {name}.Services;\n\nvar builder = WebApplication.CreateBuilder(args);\n");
            for (var f = 0; f < files; f++)
            {
                code.Append(CultureInfo.InvariantCulture, $"builder.Services.AddSingleton<Worker{f:D3}>();\n");
            }

            code.Append("var app = builder.Build();\n");
            if (withWebSockets)
            {
                code.Append("app.UseWebSockets();\n");
            }

            for (var f = 0; f < files; f++)
            {
                code.Append(CultureInfo.InvariantCulture, $"app.MapGet(\"/w{f}/{{id}}\", (string id, Worker{f:D3} worker, CancellationToken token) => worker.HandleAsync(id, token));\n");
            }

            code.Append("app.Run();\n");
            return code.ToString();
        }

        private static string ServiceFile(string name, int index, int files)
        {
            var next = (index + 1) % files;
            return $$"""
                using System.Collections.Concurrent;
                using System.Text.Json;

                namespace {{name}}.Services;

                public sealed record Order{{index:D3}}(string Id, decimal Total, IReadOnlyList<string> Lines);

                public sealed class Worker{{index:D3}}(ILogger<Worker{{index:D3}}> logger)
                {
                    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
                    private readonly ConcurrentDictionary<string, Order{{index:D3}}> recent = new();

                    public async Task<IResult> HandleAsync(string id, CancellationToken token)
                    {
                        var order = await LoadAsync(id, token);
                        if (order is null)
                        {
                            logger.LogWarning("Order {Id} not found", id);
                            return Results.NotFound();
                        }

                        var total = Summarise(order);
                        recent[id] = order;
                        return Results.Ok(new { order.Id, total, lines = order.Lines.Count });
                    }

                    private static async Task<Order{{index:D3}}?> LoadAsync(string id, CancellationToken token)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(5), token);
                        if (string.IsNullOrWhiteSpace(id))
                        {
                            return null;
                        }

                        var lines = Enumerable.Range(0, id.Length).Select(i => $"{id}-{i}").ToList();
                        return new Order{{index:D3}}(id, lines.Count * 9.99m, lines);
                    }

                    private static decimal Summarise(Order{{index:D3}} order)
                    {
                        var total = 0m;
                        foreach (var line in order.Lines)
                        {
                            total += line.Length switch
                            {
                                < 5 => 1m,
                                < 10 => 2.5m,
                                _ => 4m,
                            };
                        }

                        return Math.Round(total + order.Total, 2);
                    }

                    public string Describe(Order{{index:D3}} order) =>
                        JsonSerializer.Serialize(order, Json) + " via Worker{{next:D3}}";
                }
                """;
        }
    }
}
