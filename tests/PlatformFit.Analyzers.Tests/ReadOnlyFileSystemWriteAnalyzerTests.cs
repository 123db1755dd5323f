using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PlatformFit.Analyzers.Tests.Infrastructure;

namespace PlatformFit.Analyzers.Tests
{
    [Trait("Rule", "PF2003")]
    public class ReadOnlyFileSystemWriteAnalyzerTests
    {
        private const string ExportFunctionOnLambda = """
            service: orders
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|#1:export|}:
                handler: Orders::Orders.ExportFunction::Handle
                events:
                  - httpApi: POST /export
            """;

        /// <summary>Logging and SQLite packages the tests cannot restore, declared where the real ones live.</summary>
        private const string LoggingAndSqlitePackages = """
            namespace Serilog
            {
                public sealed class LoggerConfiguration
                {
                    public Serilog.Configuration.LoggerSinkConfiguration WriteTo => new(this);
                    public object CreateLogger() => new();
                }

                public static class FileLoggerConfigurationExtensions
                {
                    public static LoggerConfiguration File(this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration, string path, bool shared = false) => new();
                }
            }

            namespace Serilog.Configuration
            {
                public sealed class LoggerSinkConfiguration
                {
                    public LoggerSinkConfiguration(Serilog.LoggerConfiguration configuration) { }
                    public Serilog.LoggerConfiguration Console() => new();
                }
            }

            namespace NLog.Targets
            {
                public sealed class FileTarget
                {
                    public FileTarget(string name) { }
                    public string FileName { get; set; } = "";
                }
            }

            namespace Microsoft.Data.Sqlite
            {
                public sealed class SqliteConnection : System.IDisposable
                {
                    public SqliteConnection(string connectionString) { }
                    public void Dispose() { }
                }
            }
            """;

        private static DiagnosticResult PF2003(int codeMarker = 0) =>
            new DiagnosticResult("PF2003", DiagnosticSeverity.Error).WithLocation(codeMarker).WithLocation(1);

        private static ProjectAnalyzerTest<ReadOnlyFileSystemWriteAnalyzer> Handler(string code, string serverless = ExportFunctionOnLambda)
        {
            var test = new ProjectAnalyzerTest<ReadOnlyFileSystemWriteAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.WithSource("ExportFunction.cs", code).WithSource("Packages.cs", LoggingAndSqlitePackages).WithConfig("serverless.yml", serverless);
            return test;
        }

        [Fact]
        public async Task Reports_a_write_to_a_relative_path_and_names_the_path_and_the_writable_directory()
        {
            await Handler("""
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public void Handle(string order) => File.{|#0:WriteAllText|}("data/orders.json", order);
                }
                """)
                .Expect(PF2003().WithArguments(
                    "File.WriteAllText",
                    "the relative path 'data/orders.json' (the working directory is the deployment package)",
                    "export",
                    "serverless.yml(6,3)",
                    "/tmp"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_writes_to_the_application_directory()
        {
            await Handler("""
                using System;
                using System.IO;
                using System.Reflection;

                namespace Orders;

                public sealed class ExportFunction
                {
                    private static readonly string ReportFolder = Path.Combine(AppContext.BaseDirectory, "reports");

                    public void Handle(string order)
                    {
                        Directory.{|#0:CreateDirectory|}(ReportFolder);
                        File.{|#2:AppendAllText|}(Path.Combine(Directory.GetCurrentDirectory(), "audit.log"), order);
                        var here = Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!;
                        File.{|#3:WriteAllBytes|}(Path.Combine(here, "last.bin"), new byte[] { 1 });
                        File.{|#4:Copy|}("template.xlsx", $"{Environment.CurrentDirectory}/out.xlsx");
                    }
                }
                """)
                .Expect(
                    PF2003(0).WithArguments("Directory.CreateDirectory", "the application directory (AppContext.BaseDirectory)", "export", "serverless.yml(6,3)", "/tmp"),
                    PF2003(2).WithArguments("File.AppendAllText", "the application directory (Directory.GetCurrentDirectory())", "export", "serverless.yml(6,3)", "/tmp"),
                    PF2003(3).WithArguments("File.WriteAllBytes", "the application directory (Assembly.Location)", "export", "serverless.yml(6,3)", "/tmp"),
                    PF2003(4).WithArguments("File.Copy", "the application directory (Environment.CurrentDirectory)", "export", "serverless.yml(6,3)", "/tmp"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_uploads_saved_under_the_content_root_of_a_minimal_API()
        {
            var test = new ProjectAnalyzerTest<ReadOnlyFileSystemWriteAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.WithSource("Program.cs", """
                using System.IO;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Http;

                var app = WebApplication.CreateBuilder(args).Build();
                app.MapPost("/attachments", async (IFormFile file, IWebHostEnvironment env) =>
                {
                    var target = Path.Combine(env.ContentRootPath, "App_Data", file.FileName);
                    await using var stream = new {|#0:FileStream|}(target, FileMode.CreateNew);
                    await file.CopyToAsync(stream);
                    return Results.Ok();
                });
                app.Run();
                """)
                .WithConfig("serverless.yml", """
                provider:
                  name: aws
                functions:
                  {|#1:api|}:
                    handler: Orders
                    events:
                      - httpApi: '*'
                """)
                .Expect(PF2003().WithArguments("new FileStream", "the application directory (ContentRootPath)", "api", "serverless.yml(4,3)", "/tmp"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_an_absolute_path_outside_tmp()
        {
            await Handler("""
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public void Handle(string order)
                    {
                        using var writer = new {|#0:StreamWriter|}("/var/data/orders.csv", append: true);
                        writer.WriteLine(order);
                    }
                }
                """)
                .Expect(PF2003().WithArguments("new StreamWriter", "the absolute path '/var/data/orders.csv'", "export", "serverless.yml(6,3)", "/tmp"))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_file_streams_opened_for_writing_including_Open_without_read_access()
        {
            await Handler("""
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public void Handle(string order)
                    {
                        using var created = new {|#0:FileStream|}("orders.bin", FileMode.Create);
                        using var appended = File.{|#2:Open|}("orders.log", FileMode.Append, FileAccess.Write);
                        using var opened = new {|#3:FileStream|}("model.bin", FileMode.Open);
                        FileStream implicitlyTyped = {|#4:new|}("cache.bin", FileMode.OpenOrCreate);
                    }
                }
                """)
                .Expect(
                    PF2003(0),
                    PF2003(2),
                    PF2003(3).WithArguments(
                        "new FileStream",
                        "the relative path 'model.bin' (the working directory is the deployment package), opened for reading and writing (FileMode.Open without FileAccess.Read)",
                        "export",
                        "serverless.yml(6,3)",
                        "/tmp"),
                    PF2003(4))
                .RunAsync();
        }

        [Fact]
        public async Task Reports_file_log_sinks_and_SQLite_database_files()
        {
            await Handler("""
                using System;
                using Microsoft.Data.Sqlite;
                using NLog.Targets;
                using Serilog;

                namespace Orders;

                public sealed class ExportFunction
                {
                    private static readonly object Log = new LoggerConfiguration().WriteTo.{|#0:File|}("logs/orders-.log").CreateLogger();
                    private static readonly string Database = "Data Source=orders.db;Cache=Shared";

                    public void Handle(string order)
                    {
                        var target = new {|#2:FileTarget|}("file") { FileName = "${basedir}/logs/orders.log" };
                        using var connection = new {|#3:SqliteConnection|}(Database);
                    }
                }
                """)
                .Expect(
                    PF2003(0).WithArguments("WriteTo.File", "the relative path 'logs/orders-.log' (the working directory is the deployment package)", "export", "serverless.yml(6,3)", "/tmp"),
                    PF2003(2).WithArguments("new FileTarget", "the application directory (${basedir})", "export", "serverless.yml(6,3)", "/tmp"),
                    PF2003(3).WithArguments("new SqliteConnection", "the relative path 'orders.db' (the working directory is the deployment package)", "export", "serverless.yml(6,3)", "/tmp"))
                .RunAsync();
        }

        [Fact]
        public async Task Finds_sinks_and_databases_by_name_when_their_packages_do_not_resolve()
        {
            var test = new ProjectAnalyzerTest<ReadOnlyFileSystemWriteAnalyzer>("Orders", "/repo/src/Orders") { TestCode = string.Empty };
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            await test.WithSource("ExportFunction.cs", """
                using Microsoft.EntityFrameworkCore;
                using Serilog;

                namespace Orders;

                public sealed class OrdersDb : DbContext
                {
                    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.{|#2:UseSqlite|}("Data Source=orders.db");
                }

                public sealed class ExportFunction
                {
                    public void Handle(string order)
                    {
                        Log.Logger = new LoggerConfiguration().WriteTo.{|#0:File|}(path: "logs/orders.log").CreateLogger();
                        using var db = new OrdersDb();
                        db.Database.EnsureCreated();
                        using var raw = new {|#3:SqliteConnection|}("Filename=cache.sqlite");
                    }
                }
                """)
                .WithConfig("serverless.yml", ExportFunctionOnLambda)
                .Expect(PF2003(0), PF2003(2), PF2003(3))
                .RunAsync();
        }

        [Fact]
        public async Task Silent_for_the_temporary_directory()
        {
            await Handler("""
                using System;
                using System.IO;
                using System.IO.Compression;
                using Microsoft.Data.Sqlite;
                using Serilog;

                namespace Orders;

                public sealed class ExportFunction
                {
                    private const string Scratch = "/tmp/scratch";
                    private static readonly string Cache = $"Data Source={Path.Combine(Path.GetTempPath(), "cache.db")}";

                    public void Handle(string order, string archive)
                    {
                        File.{|#0:WriteAllText|}(Path.Combine(Path.GetTempPath(), "orders.json"), order);
                        File.{|#2:WriteAllText|}(Path.GetTempFileName(), order);
                        File.{|#3:WriteAllText|}("/tmp/orders.json", order);
                        File.{|#4:WriteAllText|}($"/tmp/{Guid.NewGuid()}.json", order);
                        Directory.{|#5:CreateDirectory|}(Scratch);
                        ZipFile.{|#6:ExtractToDirectory|}(archive, Path.Combine(AppContext.BaseDirectory, "/tmp/unzipped"));
                        using var db = new {|#7:SqliteConnection|}($"Data Source={Path.Combine(Path.GetTempPath(), "cache.db")}");
                        using var cache = new {|#9:SqliteConnection|}(Cache);
                        new LoggerConfiguration().WriteTo.{|#8:File|}(Path.GetTempPath() + "orders.log");
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_reads_and_read_only_or_in_memory_databases()
        {
            await Handler("""
                using System;
                using System.IO;
                using Microsoft.Data.Sqlite;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public string Handle(string order)
                    {
                        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "template.txt"));
                        using var model = new {|#0:FileStream|}("model.bin", FileMode.Open, FileAccess.Read);
                        using var opened = File.{|#2:Open|}("rates.csv", FileMode.Open, FileAccess.Read, FileShare.Read);
                        using var reader = new StreamReader("rates.csv");
                        using var memory = new {|#3:SqliteConnection|}("Data Source=:memory:");
                        using var shared = new {|#4:SqliteConnection|}("Data Source=catalog.db;Mode=ReadOnly");
                        return template + reader.ReadToEnd();
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_path_is_not_known_statically()
        {
            await Handler("""
                using System;
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public void Handle(string order, string folder)
                    {
                        File.{|#0:WriteAllText|}(Path.Combine(folder, "orders.json"), order);
                        File.{|#2:WriteAllText|}(Environment.GetEnvironmentVariable("EXPORT_PATH")!, order);
                        using var stream = new {|#3:FileStream|}(folder, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write });
                    }
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_members_of_the_same_name_on_other_types()
        {
            await Handler("""
                namespace Orders;

                public sealed class Storage
                {
                    public void WriteAllText(string path, string text) { }
                }

                public sealed class ExportFunction
                {
                    private readonly Storage File = new();

                    public void Handle(string order) => File.{|#0:WriteAllText|}("data/orders.json", order);
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_for_code_the_handler_never_reaches()
        {
            await Handler("""
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public string Handle(string order) => order;

                    public static void Seed() => File.{|#0:WriteAllText|}("data/seed.json", "[]");
                }
                """).RunSilentAsync();
        }

        [Fact]
        public async Task Silent_when_the_project_is_not_deployed_to_Lambda()
        {
            await Handler(
                """
                using System.IO;

                namespace Orders;

                public sealed class ExportFunction
                {
                    public void Handle(string order) => File.{|#0:WriteAllText|}("data/orders.json", order);
                }
                """,
                """
                provider:
                  name: azure
                functions:
                  export:
                    handler: Orders::Orders.ExportFunction::Handle
                """).RunSilentAsync();
        }
    }
}
