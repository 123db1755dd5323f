using System;
using System.IO;

namespace PlatformFit.Cli.Tests.Tools
{
    /// <summary>The checkout the tests run from: the nearest directory above the test binaries that holds Linter.sln.</summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> s_path = new(Find);

        public static string Path => s_path.Value;

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Linter.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} holds Linter.sln; the tests must run from a checkout of the repository.");
        }
    }
}
