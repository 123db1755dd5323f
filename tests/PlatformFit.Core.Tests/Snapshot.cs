using System;
using System.IO;

namespace PlatformFit.Core.Tests
{
    /// <summary>
    /// Compares text with a committed, reviewed expectation in the test project's source folder. With
    /// <c>PLATFORMFIT_UPDATE_SNAPSHOTS=1</c> it rewrites the file instead, for a person to review the diff.
    /// </summary>
    internal static class Snapshot
    {
        public static void Match(string relativePath, string actual)
        {
            var path = Path.Combine(SourceDirectory(), relativePath);
            if (Environment.GetEnvironmentVariable("PLATFORMFIT_UPDATE_SNAPSHOTS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
                return;
            }

            Assert.True(File.Exists(path), $"{relativePath} does not exist; run the tests with PLATFORMFIT_UPDATE_SNAPSHOTS=1 and review it");
            var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (expected != actual)
            {
                var expectedLines = expected.Split('\n');
                var actualLines = actual.Split('\n');
                var line = 0;
                while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line])
                {
                    line++;
                }

                Assert.Fail($"{relativePath} differs first at line {line + 1}:\n  expected: {Line(expectedLines, line)}\n  actual:   {Line(actualLines, line)}\n" +
                    "If the change is right, rerun with PLATFORMFIT_UPDATE_SNAPSHOTS=1 and review the diff.");
            }
        }

        private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "<end of file>";

        private static string SourceDirectory()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PlatformFit.Core.Tests.csproj")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("the test project folder was not found above the test binaries");
        }
    }
}
