using System;
using System.Collections.Generic;

namespace PlatformFit.RuleGen
{
    /// <summary>What a run of the generator was asked to do.</summary>
    internal sealed record RuleGenOptions(string Root, bool Check, bool ShowHelp)
    {
        public const string Usage =
            "usage: dotnet run --project src/PlatformFit.RuleGen [-- [--root <dir>] [--check]]\n" +
            "  --root <dir>  the repository root (default: the current directory)\n" +
            "  --check       write nothing; exit 1 and list the files that would change\n";

        /// <summary>Parses the arguments; on failure <paramref name="error"/> says why.</summary>
        public static bool TryParse(IReadOnlyList<string> args, string currentDirectory, out RuleGenOptions options, out string error)
        {
            var root = currentDirectory;
            var check = false;
            var showHelp = false;
            options = new RuleGenOptions(root, check, showHelp);
            error = string.Empty;

            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--check":
                        check = true;
                        break;
                    case "--root":
                        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        {
                            error = "--root needs a directory";
                            return false;
                        }

                        root = System.IO.Path.GetFullPath(args[++i], currentDirectory);
                        break;
                    case "-h":
                    case "--help":
                        showHelp = true;
                        break;
                    default:
                        error = $"unknown argument '{args[i]}'";
                        return false;
                }
            }

            options = new RuleGenOptions(root, check, showHelp);
            return true;
        }
    }
}
