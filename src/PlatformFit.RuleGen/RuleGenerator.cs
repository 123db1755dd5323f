using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>A file the generator owns, repository-relative, with the exact text it must hold.</summary>
    internal sealed record GeneratedFile(string Path, string Content);

    /// <summary>The files the rules produce, or (when any rule file is invalid) none and the problems.</summary>
    internal sealed record GenerationResult(int RuleCount, IReadOnlyList<GeneratedFile> Files, IReadOnlyList<RuleProblem> Problems);

    /// <summary>
    /// Turns the rule files into every output, in memory: no disk access, so that the drift test and
    /// <c>--check</c> compare exactly what a real run would write.
    /// </summary>
    internal static class RuleGenerator
    {
        public static GenerationResult Generate(RuleInputs inputs)
        {
            var problems = new List<RuleProblem>();
            var documents = new List<RuleDocument>();
            foreach (var file in inputs.RuleFiles)
            {
                var read = RuleFileReader.Read(file.Path, file.Text);
                problems.AddRange(read.Problems);
                if (read.Document is not null)
                {
                    documents.Add(read.Document);
                }
            }

            var validation = RuleValidator.Validate(documents, inputs);
            problems.AddRange(validation.Problems);

            if (inputs.Readme is null)
            {
                problems.Add(new RuleProblem(RuleInputs.ReadmePath, null,
                    $"is missing: it needs a '## Rules' section holding '{MarkedRegion.ReadmeRulesTable.BeginMarker}' and '{MarkedRegion.ReadmeRulesTable.EndMarker}'"));
            }
            else if (MarkedRegion.ReadmeRulesTable.FindProblem(RuleInputs.ReadmePath, inputs.Readme) is { } readmeProblem)
            {
                problems.Add(readmeProblem);
            }

            if (inputs.RuleFiles.Count == 0)
            {
                problems.Add(new RuleProblem(RuleInputs.RulesDirectory, null, "holds no PF*.yaml rule file"));
            }

            if (problems.Count > 0)
            {
                return new GenerationResult(0, Array.Empty<GeneratedFile>(), problems);
            }

            var rules = validation.Rules;
            var docsByPath = inputs.RuleDocs.ToDictionary(doc => doc.Path, doc => doc.Text, StringComparer.Ordinal);
            var docFiles = rules
                .Select(rule => new GeneratedFile(rule.DocPath, RuleDocWriter.Rewrite(docsByPath[rule.DocPath], rule)))
                .ToList();
            var helpMarkdownById = rules.Zip(docFiles).ToDictionary(pair => pair.First.Id, pair => pair.Second.Content, StringComparer.Ordinal);

            var files = new List<GeneratedFile>
            {
                new(RuleCatalogWriter.OutputPath, RuleCatalogWriter.Write(rules, helpMarkdownById)),
                new(RuleDescriptorsWriter.OutputPath, RuleDescriptorsWriter.Write(rules)),
                new(RuleInputs.ReadmePath, ReadmeRulesTableWriter.Rewrite(inputs.Readme!, rules)),
            };
            files.AddRange(docFiles);
            return new GenerationResult(rules.Count, files, problems);
        }
    }
}
