using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PlatformFit.Cli.Analysis
{
    /// <summary>
    /// The repository's <c>.editorconfig</c> and <c>.globalconfig</c> files, as the compiler reads them: per-file
    /// options for the analyzers, and the severities (<c>dotnet_diagnostic.PF1001.severity = none</c>) the
    /// compiler applies. Parsed once per scan; every project gets its own view with its build properties.
    /// </summary>
    internal sealed class AnalyzerConfiguration
    {
        private readonly AnalyzerConfigSet set;

        private AnalyzerConfiguration(AnalyzerConfigSet set, IReadOnlyList<string> problems)
        {
            this.set = set;
            Problems = problems;
        }

        /// <summary>Config files that could not be read or parsed: the scan goes on without them.</summary>
        public IReadOnlyList<string> Problems { get; }

        public static AnalyzerConfiguration Load(IEnumerable<string> paths)
        {
            var configs = new List<AnalyzerConfig>();
            var problems = new List<string>();
            foreach (var path in paths)
            {
                try
                {
                    configs.Add(AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add($"{path}: {e.Message}");
                }
            }

            var set = AnalyzerConfigSet.Create(configs, out var diagnostics);
            foreach (var diagnostic in diagnostics)
            {
                problems.Add(diagnostic.ToString());
            }

            return new AnalyzerConfiguration(set, problems);
        }

        /// <summary>
        /// The <c>.editorconfig</c> files that apply to files under <paramref name="root"/> but sit above it, up to the
        /// first one that says <c>root = true</c> — the compiler reads those too.
        /// </summary>
        public static IEnumerable<string> Ancestors(string root)
        {
            for (var directory = Directory.GetParent(root); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ".editorconfig");
                if (!File.Exists(candidate))
                {
                    continue;
                }

                yield return candidate;
                if (IsRoot(candidate))
                {
                    yield break;
                }
            }
        }

        /// <summary>Options for one project: the files' own options, and build properties as global options.</summary>
        public (AnalyzerConfigOptionsProvider Options, SyntaxTreeOptionsProvider Severities) ForProject(IReadOnlyDictionary<string, string> buildProperties)
        {
            var global = set.GlobalConfigOptions;
            var globalOptions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in buildProperties)
            {
                globalOptions[pair.Key] = pair.Value;
            }

            // The repository's own global config wins over what the host derives, as it does in a build.
            foreach (var pair in global.AnalyzerOptions)
            {
                globalOptions[pair.Key] = pair.Value;
            }

            var provider = new OptionsProvider(set, new DictionaryOptions(globalOptions.ToImmutable()));
            return (provider, new SeverityProvider(set, global.TreeOptions));
        }

        /// <summary>
        /// The severity a global config (<c>is_global = true</c>) gives a rule, or null when none does: what the
        /// compiler applies to a diagnostic outside the source files, such as a config-only finding in serverless.yml.
        /// </summary>
        public ReportDiagnostic? GlobalSeverity(string ruleId) =>
            set.GlobalConfigOptions.TreeOptions.TryGetValue(ruleId, out var severity) ? severity : null;

        private static bool IsRoot(string editorconfig)
        {
            try
            {
                foreach (var line in File.ReadLines(editorconfig))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith('['))
                    {
                        return false;
                    }

                    var parts = trimmed.Split('=', 2);
                    if (parts.Length == 2 && parts[0].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
                    {
                        return parts[1].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
                    }
                }
            }
            catch (IOException)
            {
                return true;
            }

            return false;
        }

        private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigSet set;
            private readonly AnalyzerConfigOptions global;

            public OptionsProvider(AnalyzerConfigSet set, AnalyzerConfigOptions global)
            {
                this.set = set;
                this.global = global;
            }

            public override AnalyzerConfigOptions GlobalOptions => global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => ForPath(tree.FilePath);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => ForPath(textFile.Path);

            private DictionaryOptions ForPath(string path) => new(set.GetOptionsForSourcePath(path).AnalyzerOptions);
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public DictionaryOptions(ImmutableDictionary<string, string> values) => this.values = values;

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }

        /// <summary>The compiler's view of <c>dotnet_diagnostic.*.severity</c>, per syntax tree and global.</summary>
        private sealed class SeverityProvider : SyntaxTreeOptionsProvider
        {
            private readonly AnalyzerConfigSet set;
            private readonly ImmutableDictionary<string, ReportDiagnostic> global;

            public SeverityProvider(AnalyzerConfigSet set, ImmutableDictionary<string, ReportDiagnostic> global)
            {
                this.set = set;
                this.global = global;
            }

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
            {
                var options = set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions;
                if (!options.TryGetValue("generated_code", out var value))
                {
                    return GeneratedKind.Unknown;
                }

                return bool.TryParse(value, out var generated) ? (generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated) : GeneratedKind.Unknown;
            }

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                global.TryGetValue(diagnosticId, out severity);
        }
    }
}
