using System;
using System.IO;
using System.Text;

namespace PlatformFit.Cli.Tests.Projects
{
    /// <summary>A throwaway repository in the temp folder: each test writes the files it needs and the folder goes away after.</summary>
    internal sealed class ScratchRepository : IDisposable
    {
        public ScratchRepository()
        {
            // The machine folder holds what lives outside the repo (a package cache, link targets); the repo is inside it.
            MachineRoot = Path.Combine(Path.GetTempPath(), "platformfit-tests", Guid.NewGuid().ToString("N"));
            Root = Path.Combine(MachineRoot, "repo");
            Directory.CreateDirectory(Root);
        }

        public string MachineRoot { get; }

        public string Root { get; }

        public string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        public string Write(string relativePath, string content, bool byteOrderMark = false, bool crlf = false)
        {
            var path = PathOf(relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = crlf ? content.ReplaceLineEndings("\r\n") : content.ReplaceLineEndings("\n");
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark));
            return path;
        }

        public void Dispose()
        {
            try
            {
                DeleteWithoutFollowingLinks(new DirectoryInfo(MachineRoot));
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing a test over.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>Directory.Delete(recursive) would walk into linked folders on some platforms; links are removed as links.</summary>
        private static void DeleteWithoutFollowingLinks(DirectoryInfo directory)
        {
            if (!directory.Exists)
            {
                return;
            }

            foreach (var entry in directory.GetFileSystemInfos())
            {
                if (entry is DirectoryInfo subdirectory && (entry.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    DeleteWithoutFollowingLinks(subdirectory);
                }
                else
                {
                    entry.Delete();
                }
            }

            directory.Delete();
        }
    }
}
