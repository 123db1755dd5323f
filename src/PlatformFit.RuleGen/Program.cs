using System;

namespace PlatformFit.RuleGen
{
    internal static class Program
    {
        private static int Main(string[] args) => RuleGenCommand.Run(args, Environment.CurrentDirectory, Console.Out, Console.Error);
    }
}
