using System;
using System.IO;

namespace PlatformFit.RuleGen.Tests
{
    /// <summary>The checkout the tests run in, found from the test assembly's folder upwards.</summary>
    internal static class RepositoryRoot
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Linter.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Linter.sln above {AppContext.BaseDirectory}");
        }
    }
}
