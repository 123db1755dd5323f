using System.Collections.Generic;
using System.IO;

namespace PlatformFit.RuleGen
{
    /// <summary>The generator's command line: regenerate every output from <c>rules/</c>, or (<c>--check</c>) report which are out of date.</summary>
    internal static class RuleGenCommand
    {
        public static int Run(IReadOnlyList<string> args, string currentDirectory, TextWriter output, TextWriter error)
        {
            if (!RuleGenOptions.TryParse(args, currentDirectory, out var options, out var usageError))
            {
                error.WriteLine($"error: {usageError}");
                error.Write(RuleGenOptions.Usage);
                return ExitCodes.InvalidInput;
            }

            if (options.ShowHelp)
            {
                output.Write(RuleGenOptions.Usage);
                return ExitCodes.Success;
            }

            if (!Directory.Exists(Path.Combine(options.Root, RuleInputs.RulesDirectory)))
            {
                error.WriteLine($"error: {options.Root} has no {RuleInputs.RulesDirectory}/ directory: run from the repository root or pass --root <dir>");
                return ExitCodes.InvalidInput;
            }

            var result = RuleGenerator.Generate(RuleInputs.Load(options.Root));
            if (result.Problems.Count > 0)
            {
                foreach (var problem in result.Problems)
                {
                    error.WriteLine(problem);
                }

                error.WriteLine($"{result.Problems.Count} problem(s) in the rule files; nothing was {(options.Check ? "checked" : "written")}.");
                return ExitCodes.InvalidInput;
            }

            var outOfDate = GeneratedFileSync.FindOutOfDate(options.Root, result.Files);
            if (options.Check)
            {
                if (outOfDate.Count == 0)
                {
                    output.WriteLine($"{result.RuleCount} rule(s); all {result.Files.Count} generated files are up to date.");
                    return ExitCodes.Success;
                }

                error.WriteLine($"{outOfDate.Count} generated file(s) differ from what rules/ produces; run {GeneratedHeader.RegenerateCommand}:");
                foreach (var file in outOfDate)
                {
                    error.WriteLine($"  {file.Path}");
                }

                return ExitCodes.OutOfDate;
            }

            foreach (var file in outOfDate)
            {
                GeneratedFileSync.Write(options.Root, file);
                output.WriteLine($"wrote {file.Path}");
            }

            output.WriteLine($"{result.RuleCount} rule(s); {outOfDate.Count} of {result.Files.Count} generated files changed.");
            return ExitCodes.Success;
        }
    }
}
