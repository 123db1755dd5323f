using System.CommandLine;
using System.CommandLine.Invocation;
using System.Threading.Tasks;

namespace PlatformFit.Cli.Commands
{
    /// <summary>The <c>platformfit</c> command line: a thin shell over the scan engine.</summary>
    internal static class RootCommandFactory
    {
        public static RootCommand Create()
        {
            var root = new RootCommand("PlatformFit: finds C# code that cannot work where its deployment config puts it.");
            root.Subcommands.Add(ScanCommand.Create());
            return root;
        }

        /// <summary>Parses and runs; a command line that does not parse exits with <see cref="ExitCodes.UsageOrFatal"/>.</summary>
        public static async Task<int> InvokeAsync(this RootCommand root, string[] args, InvocationConfiguration? configuration = null)
        {
            var parseResult = root.Parse(args);
            var exitCode = await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
            return parseResult.Action is ParseErrorAction ? ExitCodes.UsageOrFatal : exitCode;
        }
    }
}
