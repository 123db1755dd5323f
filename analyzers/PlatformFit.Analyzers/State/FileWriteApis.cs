using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PlatformFit.Analyzers.State
{
    /// <summary>How a write API says where it writes.</summary>
    internal enum PathArgumentKind
    {
        /// <summary>An argument is the path.</summary>
        Path,

        /// <summary>An argument is the path, and the file mode and access arguments decide whether it writes (<c>FileStream</c>, <c>File.Open</c>).</summary>
        PathWithFileMode,

        /// <summary>An argument is a SQLite connection string whose data source is the database file.</summary>
        SqliteConnectionString,

        /// <summary>A property set in the object initializer is the path (NLog's <c>FileName</c>, log4net's <c>File</c>).</summary>
        InitializerProperty,
    }

    /// <summary>
    /// One API that writes to the file system: the type that declares it, its member (<c>.ctor</c> for a
    /// constructor), the parameter (or initializer property) that holds the path, and the argument position a
    /// name-based match uses when the package does not resolve.
    /// </summary>
    internal sealed record FileWriteApi(string DeclaringType, string Member, string Parameter, int Position, PathArgumentKind Kind)
    {
        public const string Constructor = ".ctor";

        /// <summary>What a message calls it: <c>File.WriteAllText</c>, <c>new FileStream</c>, <c>WriteTo.File</c>.</summary>
        public string DisplayName
        {
            get
            {
                var typeName = DeclaringType.Substring(DeclaringType.LastIndexOf('.') + 1);
                return Member == Constructor ? "new " + typeName
                    : DeclaringType == "Serilog.FileLoggerConfigurationExtensions" ? "WriteTo.File"
                    : DeclaringType.EndsWith("Extensions", System.StringComparison.Ordinal) ? Member
                    : typeName + "." + Member;
            }
        }

        /// <summary>The APIs by member name (invocations) or by type name (constructors).</summary>
        public static ImmutableDictionary<string, ImmutableArray<FileWriteApi>> ByName { get; } = All()
            .GroupBy(api => api.Member == Constructor ? api.DeclaringType.Substring(api.DeclaringType.LastIndexOf('.') + 1) : api.Member)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());

        private static IEnumerable<FileWriteApi> All()
        {
            const string File = "System.IO.File";
            foreach (var member in new[]
            {
                "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
                "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "Create", "CreateText", "AppendText", "OpenWrite",
            })
            {
                yield return new FileWriteApi(File, member, "path", 0, PathArgumentKind.Path);
            }

            yield return new FileWriteApi(File, "Copy", "destFileName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi(File, "Move", "destFileName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi(File, "Replace", "destinationFileName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi(File, "Open", "path", 0, PathArgumentKind.PathWithFileMode);
            yield return new FileWriteApi("System.IO.Directory", "CreateDirectory", "path", 0, PathArgumentKind.Path);
            yield return new FileWriteApi("System.IO.Directory", "Move", "destDirName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi("System.IO.Compression.ZipFile", "ExtractToDirectory", "destinationDirectoryName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi("System.IO.Compression.ZipFile", "CreateFromDirectory", "destinationArchiveFileName", 1, PathArgumentKind.Path);
            yield return new FileWriteApi("System.IO.FileStream", Constructor, "path", 0, PathArgumentKind.PathWithFileMode);
            yield return new FileWriteApi("System.IO.StreamWriter", Constructor, "path", 0, PathArgumentKind.Path);

            // File log sinks.
            yield return new FileWriteApi("Serilog.FileLoggerConfigurationExtensions", "File", "path", 0, PathArgumentKind.Path);
            yield return new FileWriteApi("NLog.Targets.FileTarget", Constructor, "FileName", 0, PathArgumentKind.InitializerProperty);
            yield return new FileWriteApi("log4net.Appender.FileAppender", Constructor, "File", 0, PathArgumentKind.InitializerProperty);
            yield return new FileWriteApi("log4net.Appender.RollingFileAppender", Constructor, "File", 0, PathArgumentKind.InitializerProperty);

            // SQLite database files.
            yield return new FileWriteApi("Microsoft.Data.Sqlite.SqliteConnection", Constructor, "connectionString", 0, PathArgumentKind.SqliteConnectionString);
            yield return new FileWriteApi("System.Data.SQLite.SQLiteConnection", Constructor, "connectionString", 0, PathArgumentKind.SqliteConnectionString);
            yield return new FileWriteApi("Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions", "UseSqlite", "connectionString", 0, PathArgumentKind.SqliteConnectionString);
        }
    }
}
