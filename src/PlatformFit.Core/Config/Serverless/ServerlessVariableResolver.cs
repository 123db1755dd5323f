using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PlatformFit.Core.Config.Yaml;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Config.Serverless
{
    /// <summary>
    /// Evaluates Serverless Framework variables (<c>${self:…}</c>, <c>${opt:stage, 'dev'}</c>, <c>${sls:stage}</c>,
    /// <c>${env:X, default}</c>, <c>${file(./x.yml):key}</c>, <c>${param:…}</c>) as far as they can be known
    /// before deployment. Sources that only exist at deploy time (<c>ssm</c>, <c>cf</c>, <c>s3</c>, <c>aws</c>, …)
    /// make the value unknown; a fallback is only taken where the framework itself would take it.
    /// </summary>
    internal sealed class ServerlessVariableResolver
    {
        private const int MaxDepth = 32;
        private const int MaxResolutions = 20_000;

        private static readonly HashSet<string> DeployTimeSources = new(StringComparer.Ordinal)
        {
            "ssm", "cf", "s3", "aws", "secretsmanager", "terraform", "vault", "doppler", "git", "strToBool", "stringToBool",
        };

        private readonly YamlNode root;
        private readonly string configPath;
        private readonly ConfigReadContext context;
        private readonly List<ConfigProblem> problems;
        private readonly Stack<string> resolving = new();
        private readonly Dictionary<string, YamlNode?> loadedFiles = new(StringComparer.Ordinal);
        private readonly HashSet<string> reportedCycles = new(StringComparer.Ordinal);
        private int resolutions;
        private string? stage;
        private bool resolvingStage;

        public ServerlessVariableResolver(YamlNode root, string configPath, ConfigReadContext context, List<ConfigProblem> problems)
        {
            this.root = root;
            this.configPath = configPath;
            this.context = context;
            this.problems = problems;
        }

        /// <summary>The stage the file deploys to: <c>--stage</c>, else <c>provider.stage</c>, else <c>dev</c>.</summary>
        public string Stage
        {
            get
            {
                if (stage is not null)
                {
                    return stage;
                }

                if (resolvingStage)
                {
                    // provider.stage: ${sls:stage} refers to itself; the framework then falls back to dev.
                    return "dev";
                }

                resolvingStage = true;
                try
                {
                    return stage = ResolveStage();
                }
                finally
                {
                    resolvingStage = false;
                }
            }
        }

        /// <summary>Evaluates a node: scalars with variables become text or, for a lone reference, the node it names.</summary>
        public Resolved Resolve(YamlNode? node)
        {
            if (node is null)
            {
                return Resolved.Missing;
            }

            if (!node.IsScalar || node.Value is null || node.Value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                return Resolved.OfNode(node);
            }

            return ResolveText(node.Value, node, 0);
        }

        private Resolved ResolveText(string text, YamlNode origin, int depth)
        {
            if (depth > MaxDepth || ++resolutions > MaxResolutions)
            {
                return Resolved.Unknown("variables nest too deeply to evaluate");
            }

            var start = text.IndexOf("${", StringComparison.Ordinal);
            if (start < 0)
            {
                return Resolved.OfText(text);
            }

            var end = FindClosingBrace(text, start + 2);
            if (end < 0)
            {
                problems.Add(ProblemAt(origin, ProblemLevel.Warning, $"unterminated variable in '{Shorten(text)}'"));
                return Resolved.Unknown($"unterminated variable in '{Shorten(text)}'");
            }

            // Inner references first: ${self:custom.${opt:stage}.memory}.
            var inner = text.Substring(start + 2, end - start - 2);
            if (inner.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                var innerResolved = ResolveText(inner, origin, depth + 1);
                if (!innerResolved.IsText)
                {
                    return innerResolved.IsUnknown ? innerResolved : Resolved.Unknown($"'${{{inner}}}' does not evaluate to text");
                }

                inner = innerResolved.Text!;
            }

            var value = ResolveExpression(inner, origin, depth);
            var isWhole = start == 0 && end == text.Length - 1;
            if (isWhole)
            {
                return value.IsText && value.Text!.IndexOf("${", StringComparison.Ordinal) >= 0 ? ResolveText(value.Text, origin, depth + 1) : value;
            }

            if (value.IsUnknown || value.IsMissing)
            {
                return value.IsMissing ? Resolved.Unknown($"'${{{inner}}}' has no value") : value;
            }

            if (!value.IsText)
            {
                return Resolved.Unknown($"'${{{inner}}}' is not text and cannot be part of a string");
            }

            var rest = ResolveText(text.Substring(end + 1), origin, depth + 1);
            if (!rest.IsText)
            {
                return rest.IsUnknown ? rest : Resolved.Unknown($"'{Shorten(text)}' cannot be evaluated");
            }

            return Resolved.OfText(text.Substring(0, start) + value.Text + rest.Text);
        }

        /// <summary>Evaluates <c>source:address, fallback, …</c>; the first part that has a value wins.</summary>
        private Resolved ResolveExpression(string expression, YamlNode origin, int depth)
        {
            foreach (var part in SplitTopLevel(expression))
            {
                var value = ResolvePart(part.Trim(), origin, depth);
                if (value.IsUnknown)
                {
                    // A deploy-time source decides the value: a later literal is not what gets deployed.
                    return value;
                }

                if (!value.IsMissing)
                {
                    return value;
                }
            }

            return Resolved.Missing;
        }

        private Resolved ResolvePart(string part, YamlNode origin, int depth)
        {
            if (part.Length == 0)
            {
                return Resolved.Missing;
            }

            if ((part[0] == '\'' || part[0] == '"') && part.Length >= 2 && part[part.Length - 1] == part[0])
            {
                return Resolved.OfText(part.Substring(1, part.Length - 2));
            }

            if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || part is "true" or "false")
            {
                return Resolved.OfText(part);
            }

            if (part == "null")
            {
                return Resolved.Missing;
            }

            var colon = part.IndexOf(':');
            var source = colon < 0 ? part : part.Substring(0, colon);
            var address = colon < 0 ? string.Empty : part.Substring(colon + 1).Trim();

            if (source.StartsWith("file(", StringComparison.Ordinal))
            {
                return ResolveFile(source, address, origin, depth);
            }

            switch (source)
            {
                case "self":
                    return ResolveSelf(address, origin, depth);
                case "opt":
                    return ResolveOption(address);
                case "sls":
                    return address == "stage" ? Resolved.OfText(Stage) : Resolved.Unknown($"'sls:{address}' is known only at deploy time");
                case "env":
                    return context.Environment.TryGetValue(address, out var env) ? Resolved.OfText(env) : Resolved.Missing;
                case "param":
                    return ResolveParam(address, origin, depth);
            }

            if (DeployTimeSources.Contains(source) || source.StartsWith("strToBool(", StringComparison.Ordinal))
            {
                return Resolved.Unknown($"'${{{part}}}' is resolved at deploy time");
            }

            return Resolved.Unknown($"'{source}' is not a variable source PlatformFit evaluates");
        }

        private Resolved ResolveOption(string name)
        {
            if (name == "stage")
            {
                return context.Stage is null ? Resolved.Missing : Resolved.OfText(context.Stage);
            }

            return context.Options.TryGetValue(name, out var value) ? Resolved.OfText(value) : Resolved.Missing;
        }

        private Resolved ResolveSelf(string address, YamlNode origin, int depth)
        {
            if (address.Length == 0)
            {
                return Resolved.OfNode(root);
            }

            var key = "self:" + address;
            if (resolving.Contains(key))
            {
                ReportCycle(key, origin);
                return Resolved.Unknown($"'${{{key}}}' refers to itself");
            }

            var node = Lookup(root, address);
            if (node is null)
            {
                return Resolved.Missing;
            }

            resolving.Push(key);
            try
            {
                var value = node.IsScalar && node.Value is not null && node.Value.IndexOf("${", StringComparison.Ordinal) >= 0
                    ? ResolveText(node.Value, node, depth + 1)
                    : Resolved.OfNode(node);
                return value;
            }
            finally
            {
                resolving.Pop();
            }
        }

        private Resolved ResolveParam(string name, YamlNode origin, int depth)
        {
            if (context.Parameters.TryGetValue(name, out var given))
            {
                return Resolved.OfText(given);
            }

            // params: { <stage>: { name: value }, default: { name: value } } — the stage's own value wins.
            foreach (var scope in new[] { Stage, "default" })
            {
                var node = root["params"]?[scope]?[name];
                if (node is not null)
                {
                    return ResolveSelf($"params.{scope}.{name}", origin, depth);
                }
            }

            return Resolved.Missing;
        }

        private Resolved ResolveFile(string source, string address, YamlNode origin, int depth)
        {
            var close = source.LastIndexOf(')');
            var relative = close > 5 ? source.Substring(5, close - 5).Trim().Trim('\'', '"') : string.Empty;
            if (relative.Length == 0 || relative.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                return Resolved.Unknown($"the file name in '{source}' cannot be evaluated");
            }

            if (!(relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ||
                  relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                return Resolved.Unknown($"'{relative}' is code, evaluated only by the framework");
            }

            var path = ConfigPaths.Resolve(configPath, relative);
            if (!loadedFiles.TryGetValue(path, out var document))
            {
                var text = context.ReadFile(path);
                document = null;
                if (text is not null)
                {
                    var loaded = YamlDocumentLoader.Load(path, text);
                    problems.AddRange(loaded.Problems);
                    document = loaded.Documents.Count > 0 ? loaded.Documents[0] : null;
                }

                loadedFiles[path] = document;
            }

            if (document is null)
            {
                return Resolved.Unknown($"'{relative}' could not be read");
            }

            var node = address.Length == 0 ? document : Lookup(document, address);
            if (node is null)
            {
                return Resolved.Missing;
            }

            if (node.IsScalar && node.Value is not null && node.Value.IndexOf("${", StringComparison.Ordinal) >= 0)
            {
                // A referenced file's own variables resolve against that file for self: — rarely used; keep it unknown.
                return Resolved.Unknown($"'{relative}:{address}' uses variables of its own");
            }

            return Resolved.OfNode(node);
        }

        private string ResolveStage()
        {
            if (context.Stage is not null)
            {
                return context.Stage;
            }

            var declared = root["provider"]?["stage"];
            if (declared is null)
            {
                return "dev";
            }

            // provider.stage itself is often ${opt:stage, 'dev'}: evaluate it without recursing into Stage.
            var value = Resolve(declared);
            return value.IsText && value.Text!.Length > 0 ? value.Text : "dev";
        }

        private static YamlNode? Lookup(YamlNode node, string address)
        {
            YamlNode? current = node;
            foreach (var segment in address.Split('.'))
            {
                if (current is null)
                {
                    return null;
                }

                if (current.IsSequence && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    current = index < current.Items.Count ? current.Items[index] : null;
                }
                else
                {
                    current = current[segment];
                }
            }

            return current;
        }

        private void ReportCycle(string key, YamlNode origin)
        {
            if (reportedCycles.Add(key))
            {
                var chain = new List<string>(resolving);
                chain.Reverse();
                chain.Add(key);
                problems.Add(ProblemAt(origin, ProblemLevel.Warning, $"variable cycle: {string.Join(" → ", chain)}; the value is unknown"));
            }
        }

        private ConfigProblem ProblemAt(YamlNode node, ProblemLevel level, string message) =>
            new(configPath, node.Span.StartLine, node.Span.StartColumn, level, message);

        private static int FindClosingBrace(string text, int from)
        {
            var depth = 1;
            for (var i = from; i < text.Length; i++)
            {
                if (text[i] == '{')
                {
                    depth++;
                }
                else if (text[i] == '}' && --depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Splits on commas outside quotes and parentheses: <c>file(a,b):x, 'a,b'</c> is two parts.</summary>
        private static List<string> SplitTopLevel(string expression)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            var parens = 0;
            var quote = '\0';
            foreach (var c in expression)
            {
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '(')
                {
                    parens++;
                }
                else if (c == ')')
                {
                    parens--;
                }
                else if (c == ',' && parens == 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    continue;
                }

                current.Append(c);
            }

            parts.Add(current.ToString());
            return parts;
        }

        private static string Shorten(string text) => Excerpt.Of(text, 80);
    }

    /// <summary>The value of a config node after variables: text, a node (mapping, sequence, plain scalar), missing or unknown.</summary>
    internal sealed class Resolved
    {
        private Resolved(string? text, YamlNode? node, string? unknownReason, bool isMissing)
        {
            Text = text;
            Node = node;
            UnknownReason = unknownReason;
            IsMissing = isMissing;
        }

        public static Resolved Missing { get; } = new(null, null, null, true);

        public string? Text { get; }

        public YamlNode? Node { get; }

        public string? UnknownReason { get; }

        public bool IsMissing { get; }

        public bool IsUnknown => UnknownReason is not null;

        /// <summary>A scalar value (text from interpolation or a scalar node that holds no variables).</summary>
        public bool IsText => Text is not null;

        public static Resolved OfText(string text) => new(text, null, null, false);

        public static Resolved OfNode(YamlNode node) =>
            node.IsScalar ? (node.IsNull ? Missing : new Resolved(node.Value ?? string.Empty, node, null, false)) : new Resolved(null, node, null, false);

        public static Resolved Unknown(string reason) => new(null, null, reason, false);
    }
}
