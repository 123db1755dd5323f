using System.Threading.Tasks;
using PlatformFit.Cli.Commands;

namespace PlatformFit.Cli
{
    internal static class Program
    {
        private static Task<int> Main(string[] args) => RootCommandFactory.Create().InvokeAsync(args);
    }
}
