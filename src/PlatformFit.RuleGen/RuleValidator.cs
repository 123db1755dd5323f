using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace PlatformFit.RuleGen
{
    /// <summary>The rules that passed validation, sorted by id, and every problem found in the others.</summary>
    internal sealed record RuleValidationResult(IReadOnlyList<RuleDefinition> Rules, IReadOnlyList<RuleProblem> Problems);

    /// <summary>
    /// Checks what <see cref="RuleFileReader"/> read against the rules of rules/README.md and the needs of the
    /// outputs: ids, areas, allowed values, SARIF and GitHub limits, message placeholders, the doc beside each rule.
    /// </summary>
    internal static partial class RuleValidator
    {
        public const int MaxTags = 10;

        public static IReadOnlyList<string> Severities { get; } = new[] { "error", "warning", "note" };

        /// <summary>SARIF <c>properties.precision</c>, as GitHub code scanning reads it.</summary>
        public static IReadOnlyList<string> Precisions { get; } = new[] { "very-high", "high", "medium", "low" };

        /// <summary>GitHub's <c>properties.problem.severity</c>.</summary>
        public static IReadOnlyList<string> ProblemSeverities { get; } = new[] { "error", "warning", "recommendation" };

        /// <summary>
        /// Roslyn's <c>WellKnownDiagnosticTags</c>. Other custom tags are legal Roslyn, but a misspelt
        /// <c>CompilationEnd</c> would silently change how the IDE runs the rule, so only these are accepted.
        /// </summary>
        public static IReadOnlyList<string> AnalyzerTags { get; } = new[]
        {
            "AnalyzerException", "Build", "CompilationEnd", "Compiler", "CustomObsolete", "EditAndContinue",
            "NotConfigurable", "Telemetry", "Unnecessary",
        };

        public static RuleValidationResult Validate(IReadOnlyList<RuleDocument> documents, RuleInputs inputs)
        {
            var problems = new List<RuleProblem>();
            var rules = new List<RuleDefinition>();
            var firstPathById = new Dictionary<string, string>(StringComparer.Ordinal);
            var docsByPath = inputs.RuleDocs.ToDictionary(doc => doc.Path, StringComparer.Ordinal);

            foreach (var document in documents)
            {
                var ruleProblems = new List<RuleProblem>();
                var rule = ValidateOne(document, inputs.PlatformIds, docsByPath, ruleProblems);

                // Checked on the id as written, whatever else is wrong with the file: a copied file that kept its
                // id is the usual way to get a duplicate, and it also fails the file-name check.
                if (document.Id is { } id && !string.IsNullOrWhiteSpace(id.Value))
                {
                    if (firstPathById.TryGetValue(id.Value, out var firstPath))
                    {
                        ruleProblems.Add(new RuleProblem(document.Path, id.Line, $"id '{id.Value}' is already used by {firstPath}"));
                    }
                    else
                    {
                        firstPathById.Add(id.Value, document.Path);
                    }
                }

                problems.AddRange(ruleProblems);
                if (rule is not null && ruleProblems.Count == 0)
                {
                    rules.Add(rule);
                }
            }

            var ruleStems = new HashSet<string>(inputs.RuleFiles.Select(file => StemOf(file.Path)), StringComparer.Ordinal);
            foreach (var doc in inputs.RuleDocs.Where(doc => !ruleStems.Contains(StemOf(doc.Path))))
            {
                problems.Add(new RuleProblem(doc.Path, null, $"a rule doc without metadata: add {RuleInputs.RulesDirectory}/{StemOf(doc.Path)}.yaml or remove this file"));
            }

            return new RuleValidationResult(rules.OrderBy(rule => rule.Id, StringComparer.Ordinal).ToList(), problems);
        }

        private static RuleDefinition? ValidateOne(
            RuleDocument document,
            IReadOnlyList<string> platformIds,
            Dictionary<string, SourceFile> docsByPath,
            List<RuleProblem> problems)
        {
            var path = document.Path;
            void Report(int? line, string message) => problems.Add(new RuleProblem(path, line, message));

            var fileName = path.Substring(path.LastIndexOf('/') + 1);
            if (!fileName.EndsWith(".yaml", StringComparison.Ordinal))
            {
                Report(null, $"rule files are named <id>.yaml: rename {fileName}");
            }

            var id = Required(document.Id, "id", path, problems);
            RuleArea? area = null;
            if (id is not null)
            {
                if (!IdPattern().IsMatch(id.Value))
                {
                    Report(id.Line, $"id '{id.Value}' must be PF and four digits, e.g. PF1001");
                }
                else
                {
                    if (id.Value + ".yaml" != fileName)
                    {
                        Report(id.Line, $"id '{id.Value}' does not match the file name {fileName}: the file must be {id.Value}.yaml");
                    }

                    area = RuleArea.ForId(id.Value);
                    if (area is null)
                    {
                        var known = string.Join(", ", RuleArea.All.Select(a => $"{a.Digit} {a.Category}"));
                        Report(id.Line, $"id '{id.Value}' is in no known area: its first digit must be one of {known} (rules/README.md)");
                    }
                }
            }

            var title = Required(document.Title, "title", path, problems);
            if (title is not null)
            {
                RequireSingleLine(title, "title", path, problems);
                if (title.Value.TrimEnd().EndsWith('.'))
                {
                    Report(title.Line, "title must not end with a full stop: it is a name (Roslyn RS1031, SARIF shortDescription)");
                }
            }

            var message = Required(document.Message, "message", path, problems);
            if (message is not null)
            {
                RequireSingleLine(message, "message", path, problems);
                ValidatePlaceholders(message, path, problems);
            }

            var category = Required(document.Category, "category", path, problems);
            if (category is not null)
            {
                if (!RuleArea.All.Any(a => a.Category == category.Value))
                {
                    Report(category.Line, $"category '{category.Value}' is not an area: use one of {string.Join(", ", RuleArea.All.Select(a => a.Category))}");
                }
                else if (area is not null && area.Category != category.Value)
                {
                    Report(category.Line, $"category '{category.Value}' does not match the id: PF{area.Digit}xxx rules are '{area.Category}'");
                }
            }

            var severity = OneOf(document.Severity, "severity", Severities, path, problems);
            var precision = OneOf(document.Precision, "precision", Precisions, path, problems);
            var problemSeverity = OneOf(document.ProblemSeverity, "problem-severity", ProblemSeverities, path, problems);
            var description = Required(document.Description, "description", path, problems);

            var tags = RequiredList(document.Tags, "tags", path, problems);
            if (tags is not null)
            {
                if (tags.Value.Count == 0)
                {
                    Report(tags.Line, "tags must not be empty: they are how GitHub code scanning filters alerts");
                }

                if (tags.Value.Count > MaxTags)
                {
                    Report(tags.Line, $"tags has {tags.Value.Count} entries; GitHub code scanning reads at most {MaxTags}");
                }

                RequireUnique(tags.Value, "tag", path, problems, StringComparer.OrdinalIgnoreCase);
            }

            var hasSecurityTag = tags?.Value.Any(tag => tag.Value == "security") == true;
            var securitySeverity = document.SecuritySeverity;
            if (securitySeverity is not null)
            {
                if (!hasSecurityTag)
                {
                    Report(securitySeverity.Line, "security-severity is only for rules tagged 'security': GitHub treats every rule that has it as a security alert");
                }

                if (!double.TryParse(securitySeverity.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score)
                    || score < 0.0 || score > 10.0)
                {
                    Report(securitySeverity.Line, $"security-severity '{securitySeverity.Value}' must be a number from 0.0 to 10.0");
                }
            }

            var platforms = RequiredList(document.Platforms, "platforms", path, problems);
            if (platforms is not null)
            {
                RequireUnique(platforms.Value, "platform", path, problems, StringComparer.Ordinal);
                foreach (var platform in platforms.Value.Where(p => !platformIds.Contains(p.Value, StringComparer.Ordinal)))
                {
                    var known = platformIds.Count == 0 ? "none" : string.Join(", ", platformIds);
                    Report(platform.Line, $"platform '{platform.Value}' has no profile in {RuleInputs.PlatformsDirectory}/ (known: {known})");
                }
            }

            var enabledByDefault = true;
            if (document.EnabledByDefault is { } enabled)
            {
                if (enabled.Value is "true" or "false")
                {
                    enabledByDefault = enabled.Value == "true";
                }
                else
                {
                    Report(enabled.Line, $"enabled-by-default must be true or false, not '{enabled.Value}'");
                }
            }

            var analyzerTags = document.AnalyzerTags?.Value ?? Array.Empty<Located<string>>();
            RequireUnique(analyzerTags, "analyzer tag", path, problems, StringComparer.Ordinal);
            foreach (var tag in analyzerTags.Where(t => !AnalyzerTags.Contains(t.Value, StringComparer.Ordinal)))
            {
                Report(tag.Line, $"analyzer tag '{tag.Value}' is not one of Roslyn's well-known tags: {string.Join(", ", AnalyzerTags)}");
            }

            var references = ValidateReferences(document, path, problems);
            ValidateDoc(path, docsByPath, problems);

            if (problems.Count > 0 || id is null || title is null || message is null || category is null || severity is null
                || precision is null || problemSeverity is null || description is null || tags is null || platforms is null || references is null)
            {
                return null;
            }

            return new RuleDefinition(
                Id: id.Value,
                Title: title.Value,
                MessageFormat: message.Value,
                Category: category.Value,
                Severity: Enum.Parse<RuleLevel>(severity, ignoreCase: true),
                Precision: precision,
                ProblemSeverity: problemSeverity,
                SecuritySeverity: securitySeverity?.Value,
                Description: description.Value.Trim(),
                IsEnabledByDefault: enabledByDefault,
                Tags: tags.Value.Select(tag => tag.Value).ToList(),
                Platforms: platforms.Value.Select(platform => platform.Value).ToList(),
                AnalyzerTags: analyzerTags.Select(tag => tag.Value).ToList(),
                References: references);
        }

        private static Located<string>? Required(Located<string>? field, string key, string path, List<RuleProblem> problems)
        {
            if (field is null)
            {
                problems.Add(new RuleProblem(path, null, $"'{key}' is missing"));
                return null;
            }

            if (string.IsNullOrWhiteSpace(field.Value))
            {
                problems.Add(new RuleProblem(path, field.Line, $"'{key}' is empty"));
                return null;
            }

            return field;
        }

        private static Located<IReadOnlyList<Located<string>>>? RequiredList(
            Located<IReadOnlyList<Located<string>>>? field, string key, string path, List<RuleProblem> problems)
        {
            if (field is null)
            {
                problems.Add(new RuleProblem(path, null, $"'{key}' is missing (write {key}: [] if there are none)"));
            }

            return field;
        }

        private static string? OneOf(Located<string>? field, string key, IReadOnlyList<string> allowed, string path, List<RuleProblem> problems)
        {
            var value = Required(field, key, path, problems);
            if (value is null)
            {
                return null;
            }

            if (!allowed.Contains(value.Value, StringComparer.Ordinal))
            {
                problems.Add(new RuleProblem(path, value.Line, $"{key} '{value.Value}' must be one of {string.Join(", ", allowed)}"));
                return null;
            }

            return value.Value;
        }

        private static void RequireSingleLine(Located<string> field, string key, string path, List<RuleProblem> problems)
        {
            if (field.Value.Any(char.IsControl) || field.Value.Contains('\u2028', StringComparison.Ordinal) || field.Value.Contains('\u2029', StringComparison.Ordinal))
            {
                problems.Add(new RuleProblem(path, field.Line, $"{key} must be a single line without control characters (Roslyn shows it as one line)"));
            }
            else if (field.Value != field.Value.Trim())
            {
                problems.Add(new RuleProblem(path, field.Line, $"{key} must not start or end with spaces"));
            }
        }

        private static void RequireUnique(
            IReadOnlyList<Located<string>> values, string what, string path, List<RuleProblem> problems, StringComparer comparer)
        {
            var seen = new HashSet<string>(comparer);
            foreach (var value in values.Where(value => !seen.Add(value.Value)))
            {
                problems.Add(new RuleProblem(path, value.Line, $"{what} '{value.Value}' is listed twice"));
            }
        }

        private static void ValidatePlaceholders(Located<string> message, string path, List<RuleProblem> problems)
        {
            if (!MessageFormatPlaceholders.TryRead(message.Value, out var indexes, out var error))
            {
                problems.Add(new RuleProblem(path, message.Line, $"message: {error}"));
                return;
            }

            var distinct = indexes.Distinct().OrderBy(index => index).ToList();
            var missing = Enumerable.Range(0, distinct.Count == 0 ? 0 : distinct[^1] + 1).Except(distinct).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new RuleProblem(path, message.Line,
                    $"message placeholders must be {{0}} to {{{distinct[^1]}}} without gaps; missing {string.Join(", ", missing.Select(index => $"{{{index}}}"))}"));
            }
        }

        private static List<RuleReferenceDefinition>? ValidateReferences(RuleDocument document, string path, List<RuleProblem> problems)
        {
            if (document.References is null)
            {
                problems.Add(new RuleProblem(path, null, "'references' is missing (write references: [] if there are none)"));
                return null;
            }

            var references = new List<RuleReferenceDefinition>();
            foreach (var reference in document.References.Value)
            {
                if (reference.Title is null || string.IsNullOrWhiteSpace(reference.Title.Value))
                {
                    problems.Add(new RuleProblem(path, reference.Title?.Line ?? reference.Line, "a reference needs a non-empty title"));
                }

                if (reference.Url is null || string.IsNullOrWhiteSpace(reference.Url.Value))
                {
                    problems.Add(new RuleProblem(path, reference.Url?.Line ?? reference.Line, "a reference needs a url"));
                }
                else if (!Uri.TryCreate(reference.Url.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    problems.Add(new RuleProblem(path, reference.Url.Line, $"reference url '{reference.Url.Value}' must be an absolute http(s) address"));
                }
                else if (reference.Title is not null)
                {
                    references.Add(new RuleReferenceDefinition(reference.Title.Value.Trim(), reference.Url.Value.Trim()));
                }
            }

            return references;
        }

        private static void ValidateDoc(string path, Dictionary<string, SourceFile> docsByPath, List<RuleProblem> problems)
        {
            var docPath = $"{RuleInputs.RulesDirectory}/{StemOf(path)}.md";
            if (!docsByPath.TryGetValue(docPath, out var doc))
            {
                problems.Add(new RuleProblem(docPath, null, $"is missing: every rule needs a doc beside its metadata ({path})"));
                return;
            }

            if (MarkedRegion.RuleDocBlock.FindProblem(docPath, doc.Text) is { } problem)
            {
                problems.Add(problem);
            }
        }

        private static string StemOf(string path)
        {
            var name = path.Substring(path.LastIndexOf('/') + 1);
            var dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(0, dot);
        }

        [GeneratedRegex("^PF[0-9]{4}$", RegexOptions.CultureInvariant)]
        private static partial Regex IdPattern();
    }
}
