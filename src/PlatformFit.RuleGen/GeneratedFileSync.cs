using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PlatformFit.RuleGen
{
    /// <summary>Compares generated files with what is on disk, byte for byte, and writes the ones that differ.</summary>
    internal static class GeneratedFileSync
    {
        /// <summary>UTF-8 without a byte order mark, as the rest of the repository is written.</summary>
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        /// <summary>The generated files that are missing from <paramref name="root"/> or hold other bytes.</summary>
        public static IReadOnlyList<GeneratedFile> FindOutOfDate(string root, IEnumerable<GeneratedFile> files) =>
            files.Where(file => !IsUpToDate(root, file)).ToList();

        public static void Write(string root, GeneratedFile file)
        {
            var path = FullPath(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Utf8.GetBytes(file.Content));
        }

        private static bool IsUpToDate(string root, GeneratedFile file)
        {
            var path = FullPath(root, file);
            return File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(Utf8.GetBytes(file.Content));
        }

        private static string FullPath(string root, GeneratedFile file) =>
            Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
    }
}
