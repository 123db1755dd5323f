using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Core.Config;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.Deployment.Cdk
{
    /// <summary>
    /// Reads the Lambda functions an AWS CDK app's C# declares — <c>new Function(this, "Id", new FunctionProps { … })</c>,
    /// <c>new DockerImageFunction(…)</c>, written with or without <c>Amazon.CDK.AWS.Lambda.</c> — into deployment units,
    /// from the syntax alone: the app is neither compiled nor run. Only constants become values (see
    /// <see cref="CdkConstants"/>); anything else is unknown with the reason. An absent <c>MemorySize</c> or
    /// <c>Timeout</c> is the CDK default (CloudFormation's: 128 MB, 3 s). The front doors read are those created with a
    /// function variable of the same class: the API Gateway integrations <c>HttpLambdaIntegration</c> (HTTP API),
    /// <c>WebSocketLambdaIntegration</c> (WebSocket API), <c>LambdaIntegration</c> and <c>LambdaRestApi</c> (REST API),
    /// <c>fn.AddFunctionUrl(…)</c> (function URL, with its invoke mode) and <c>fn.AddEventSource(new SqsEventSource(q))</c>
    /// (a queue, with the visibility timeout of a <c>new Queue(…)</c> the class stores in <c>q</c>).
    /// </summary>
    /// <remarks>
    /// A unit's <see cref="DeploymentUnit.Artifact"/> is the asset path resolved against the app's working folder
    /// (the folder of <c>cdk.json</c>, where the CDK CLI runs the app), so it is absolute: the binder resolves other
    /// formats' relative paths against the config file, and a C# file is not where a CDK asset path starts.
    /// </remarks>
    internal static class CdkFunctionReader
    {
        private const string DefaultsKey = "aws-cdk";
        private const string QueueVisibilityLimit = "sqs-visibility-timeout-seconds";
        private const string LambdaNamespace = "Amazon.CDK.AWS.Lambda";

        private static readonly Dictionary<string, string> Runtimes = new(StringComparer.Ordinal)
        {
            ["DOTNET_CORE_1"] = "dotnetcore1.0",
            ["DOTNET_CORE_2"] = "dotnetcore2.0",
            ["DOTNET_CORE_2_1"] = "dotnetcore2.1",
            ["DOTNET_CORE_3_1"] = "dotnetcore3.1",
            ["DOTNET_6"] = "dotnet6",
            ["DOTNET_8"] = "dotnet8",
            ["DOTNET_9"] = "dotnet9",
            ["DOTNET_10"] = "dotnet10",
            ["PROVIDED"] = "provided",
            ["PROVIDED_AL2"] = "provided.al2",
            ["PROVIDED_AL2023"] = "provided.al2023",
        };

        private static readonly Dictionary<string, string> Architectures = new(StringComparer.Ordinal)
        {
            ["ARM_64"] = "arm64",
            ["X86_64"] = "x86_64",
        };

        public static IReadOnlyList<ConfigReadResult> Read(CdkAppLayout app, IReadOnlyList<ConfigText> sources, CancellationToken cancellationToken)
        {
            var parsed = new List<(ConfigText Source, SyntaxTree Tree)>(sources.Count);
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                parsed.Add((source, CSharpSyntaxTree.ParseText(source.Text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), source.Path, cancellationToken: cancellationToken)));
            }

            var constants = new CdkConstants(parsed.Select(p => p.Tree), app.WorkingDirectory);
            var importsLambda = parsed.Any(p => HasGlobalLambdaUsing(p.Tree));
            var results = new List<ConfigReadResult>();
            foreach (var (source, tree) in parsed)
            {
                var problems = new List<ConfigProblem>();
                var error = tree.GetDiagnostics(cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
                if (error is not null)
                {
                    var position = error.Location.GetLineSpan().StartLinePosition;
                    problems.Add(new ConfigProblem(source.Path, position.Line + 1, position.Character + 1, ProblemLevel.Warning,
                        $"the CDK app's C# does not parse ({error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); functions declared in this file may be missing or unknown"));
                }

                var units = new FileReader(app, tree, constants, importsLambda || ImportsLambda(tree)).Read();
                if (units.Count > 0 || problems.Count > 0)
                {
                    results.Add(new ConfigReadResult(source.Path, ConfigFormat.AwsCdk, units, problems));
                }
            }

            return results;
        }

        /// <summary>
        /// Another language's runtime by its CDK field (<c>NODEJS_20_X</c> → <c>nodejs20.x</c>, <c>PYTHON_3_12</c> →
        /// <c>python3.12</c>, <c>JAVA_21</c> → <c>java21</c>, <c>RUBY_3_3</c> → <c>ruby3.3</c>), so that rules know the function
        /// is not .NET. <c>NODEJS_LATEST</c> and the like follow the CDK version and stay unknown.
        /// </summary>
        private static string? OtherLanguageRuntime(string field)
        {
            var match = OtherLanguage.Match(field);
            if (!match.Success)
            {
                return null;
            }

            var language = match.Groups["language"].Value.ToLowerInvariant();
            var major = match.Groups["major"].Value;
            return language switch
            {
                "nodejs" => $"nodejs{major}.x",
                "java" => $"java{major}",
                _ => $"{language}{major}.{match.Groups["minor"].Value}",
            };
        }

        private static readonly Regex OtherLanguage = new(
            "^(?:(?<language>NODEJS)_(?<major>[0-9]+)_X|(?<language>PYTHON|RUBY)_(?<major>[0-9]+)_(?<minor>[0-9]+)|(?<language>JAVA)_(?<major>[0-9]+))$",
            RegexOptions.CultureInvariant);

        private static bool HasGlobalLambdaUsing(SyntaxTree tree) =>
            tree.GetCompilationUnitRoot().Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Alias is null && u.Name?.ToString() == LambdaNamespace);

        private static bool ImportsLambda(SyntaxTree tree) =>
            tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
                .Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == LambdaNamespace);

        /// <summary>The units of one file, and the front doors its integrations give them.</summary>
        private sealed class FileReader
        {
            private readonly CdkAppLayout app;
            private readonly SyntaxTree tree;
            private readonly CdkConstants constants;
            private readonly bool importsLambda;
            private readonly HashSet<string> lambdaAliases = new(StringComparer.Ordinal);

            public FileReader(CdkAppLayout app, SyntaxTree tree, CdkConstants constants, bool importsLambda)
            {
                this.app = app;
                this.tree = tree;
                this.constants = constants;
                this.importsLambda = importsLambda;
                foreach (var alias in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
                {
                    if (alias.Alias is { } name && alias.Name?.ToString() == LambdaNamespace)
                    {
                        lambdaAliases.Add(name.Name.Identifier.ValueText);
                    }
                }
            }

            public List<DeploymentUnit> Read()
            {
                var functions = new List<(ObjectCreationExpressionSyntax Creation, bool IsImage, string? Variable, SyntaxNode Scope, List<FrontDoor> Doors)>();
                var creations = tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>().ToList();
                foreach (var creation in creations)
                {
                    var kind = FunctionKind(creation.Type);
                    if (kind is not null && creation.ArgumentList is { Arguments.Count: >= 2 })
                    {
                        functions.Add((creation, kind == "DockerImageFunction", VariableOf(creation), ScopeOf(creation), new List<FrontDoor>()));
                    }
                }

                if (functions.Count == 0)
                {
                    return new List<DeploymentUnit>();
                }

                // A front door belongs to the function a variable of the same class names, when only one function is so named.
                void Attach(ExpressionSyntax function, SyntaxNode at, Func<FrontDoor> door)
                {
                    var name = NameOf(function);
                    var scope = ScopeOf(at);
                    var matches = functions.Where(f => name is not null && f.Variable == name && f.Scope == scope).ToList();
                    if (matches.Count == 1)
                    {
                        matches[0].Doors.Add(door());
                    }
                }

                foreach (var creation in creations)
                {
                    if (FrontDoorOf(creation) is var (door, function))
                    {
                        Attach(function, creation, () => door);
                    }
                }

                // fn.AddFunctionUrl(new FunctionUrlOptions { InvokeMode = InvokeMode.RESPONSE_STREAM }),
                // fn.AddEventSource(new SqsEventSource(queue))
                foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var arguments = invocation.ArgumentList.Arguments;
                    if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddFunctionUrl" } url)
                    {
                        Attach(url.Expression, invocation, () => new FrontDoor(FrontDoorKind.FunctionUrl, "AddFunctionUrl", SpanOf(invocation))
                        {
                            ResponseMode = arguments.Count == 0 ? ConfigValue<string>.Absent : InvokeMode(arguments[0].Expression),
                        });
                    }
                    else if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddEventSource" } source && arguments.Count == 1 &&
                        arguments[0].Expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: >= 1 } sqs && TypeName(sqs.Type) == "SqsEventSource")
                    {
                        var queue = QueueOf(sqs.ArgumentList!.Arguments[0].Expression, creations);
                        Attach(source.Expression, invocation, () => new FrontDoor(FrontDoorKind.Queue, "SqsEventSource", SpanOf(sqs))
                        {
                            Route = queue.Name,
                            QueueVisibilityTimeoutSeconds = queue.Visibility,
                        });
                    }
                }

                return functions.Select(f => ReadFunction(f.Creation, f.Creation.ArgumentList!.Arguments, f.IsImage, f.Doors)).ToList();
            }

            /// <summary><c>Function</c> or <c>DockerImageFunction</c> when the written type is CDK's; null otherwise.</summary>
            private string? FunctionKind(TypeSyntax type)
            {
                var (qualifier, name) = type switch
                {
                    QualifiedNameSyntax qualified => (qualified.Left.ToString(), qualified.Right.Identifier.ValueText),
                    SimpleNameSyntax simple => (null, simple.Identifier.ValueText),
                    _ => ((string?)null, (string?)null),
                };
                if (name is not ("Function" or "DockerImageFunction"))
                {
                    return null;
                }

                var isCdk = qualifier is null ? importsLambda : qualifier == LambdaNamespace || qualifier == "global::" + LambdaNamespace || lambdaAliases.Contains(qualifier);
                return isCdk ? name : null;
            }

            private DeploymentUnit ReadFunction(ObjectCreationExpressionSyntax creation, SeparatedSyntaxList<ArgumentSyntax> arguments, bool isImageFunction, IReadOnlyList<FrontDoor> doors)
            {
                var id = constants.Text(arguments[1].Expression);
                var name = id.Value as string ?? VariableOf(creation) ?? "Function";
                var declaration = Span(creation.NewKeyword.SpanStart, creation.Type.Span.End);
                var props = arguments.Count >= 3 ? PropsOf(arguments[2].Expression) : null;
                var unknownProps = arguments.Count >= 3 && props is null
                    ? $"the function's props '{CdkConstants.Shorten(arguments[2].Expression)}' are built when the app runs"
                    : arguments.Count < 3 ? "the function has no props" : null;
                var propsSpan = arguments.Count >= 3 ? SpanOf(arguments[2].Expression) : declaration;

                ExpressionSyntax? Member(string key) => props?.TryGetValue(key, out var value) == true ? value : null;
                ConfigValue<T> Value<T>(string key, Func<ExpressionSyntax, ConfigValue<T>> read) =>
                    unknownProps is not null ? ConfigValue<T>.Unknown(unknownProps, propsSpan) : Member(key) is { } value ? read(value) : ConfigValue<T>.Absent;

                var defaults = PlatformProfiles.AwsLambda.ToolDefaultsFor(DefaultsKey);
                var code = unknownProps is not null ? new CodeRead(ConfigValue<string>.Unknown(unknownProps, propsSpan), false, propsSpan)
                    : Member("Code") is { } codeExpression ? ReadCode(codeExpression)
                    : new CodeRead(ConfigValue<string>.Absent, false, declaration);
                var handler = Value("Handler", ReadHandler);
                var runtime = Value("Runtime", ReadRuntime);
                var isImage = isImageFunction || code.IsImage || IsFromImage(runtime);
                return new DeploymentUnit(name, "aws-lambda", tree.FilePath, declaration)
                {
                    Handler = IsFromImage(handler) ? ConfigValue<string>.Absent : handler,
                    Runtime = IsFromImage(runtime) ? ConfigValue<string>.Absent : runtime,
                    Architecture = Value("Architecture", ReadArchitecture),
                    MemoryMb = Defaulted(Value("MemorySize", e => Whole(constants.Number(e), e)), defaults.MemoryMb),
                    TimeoutSeconds = Defaulted(Value("Timeout", e => Whole(constants.Quantity(e, CdkUnit.Seconds), e)), defaults.TimeoutSeconds),
                    EphemeralStorageMb = Value("EphemeralStorageSize", e => Whole(constants.Quantity(e, CdkUnit.Mebibytes), e)),
                    Artifact = code.Artifact,
                    PackageType = isImage ? ConfigValue<string>.Known("Image", isImageFunction ? declaration : code.Span) : ConfigValue<string>.Absent,
                    FrontDoors = doors,
                };
            }

            /// <summary>The props' initializer members by name: <c>new FunctionProps { … }</c>, <c>new() { … }</c>, or a local so initialised and not changed.</summary>
            private static Dictionary<string, ExpressionSyntax>? PropsOf(ExpressionSyntax expression)
            {
                if (expression is IdentifierNameSyntax identifier && LocalInitializer(identifier) is { } initialised)
                {
                    expression = initialised;
                }

                if (expression is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
                {
                    return expression is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } ? new Dictionary<string, ExpressionSyntax>() : null;
                }

                var members = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
                foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.Left is IdentifierNameSyntax key)
                    {
                        members[key.Identifier.ValueText] = assignment.Right;
                    }
                }

                return members;
            }

            /// <summary>
            /// The initializer of a local the props argument names (<c>var props = new FunctionProps { … };</c>), when
            /// the method neither assigns it again nor sets its members.
            /// </summary>
            private static ExpressionSyntax? LocalInitializer(IdentifierNameSyntax identifier)
            {
                var body = identifier.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax);
                if (body is null)
                {
                    return null;
                }

                var name = identifier.Identifier.ValueText;
                var declarators = body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == name).ToList();
                var changed = body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                    (a.Left is IdentifierNameSyntax left && left.Identifier.ValueText == name) ||
                    (a.Left is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } && target.Identifier.ValueText == name));
                return declarators.Count == 1 && !changed ? declarators[0].Initializer?.Value : null;
            }

            private ConfigValue<string> ReadHandler(ExpressionSyntax expression)
            {
                if (IsMember(expression, "Handler", "FROM_IMAGE"))
                {
                    return ConfigValue<string>.Known(FromImage, SpanOf(expression));
                }

                return Text(constants.Text(expression), expression);
            }

            private ConfigValue<string> ReadRuntime(ExpressionSyntax expression)
            {
                if (expression is MemberAccessExpressionSyntax member && IsTypeName(member.Expression, "Runtime"))
                {
                    var field = member.Name.Identifier.ValueText;
                    if (field == "FROM_IMAGE")
                    {
                        return ConfigValue<string>.Known(FromImage, SpanOf(expression));
                    }

                    var runtime = Runtimes.TryGetValue(field, out var dotnet) ? dotnet : OtherLanguageRuntime(field);
                    return runtime is not null
                        ? ConfigValue<string>.Known(runtime, SpanOf(expression))
                        : ConfigValue<string>.Unknown($"Runtime.{field} is not a runtime PlatformFit knows", SpanOf(expression));
                }

                // new Runtime("dotnet10", RuntimeFamily.DOTNET_CORE): the name is the first argument.
                if (expression is ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: >= 1 } arguments } creation && IsTypeName(creation.Type, "Runtime"))
                {
                    return Text(constants.Text(arguments[0].Expression), expression);
                }

                return ConfigValue<string>.Unknown($"'{CdkConstants.Shorten(expression)}' is chosen when the app runs", SpanOf(expression));
            }

            private ConfigValue<string> ReadArchitecture(ExpressionSyntax expression) =>
                expression is MemberAccessExpressionSyntax member && IsTypeName(member.Expression, "Architecture") && Architectures.TryGetValue(member.Name.Identifier.ValueText, out var architecture)
                    ? ConfigValue<string>.Known(architecture, SpanOf(expression))
                    : ConfigValue<string>.Unknown($"'{CdkConstants.Shorten(expression)}' is not an architecture PlatformFit knows", SpanOf(expression));

            /// <summary>
            /// <c>Code.FromAsset("…")</c>, <c>Code.FromAssetImage("…")</c>, <c>DockerImageCode.FromImageAsset("…")</c>: the
            /// asset folder; an image from a registry (<c>FromEcrImage</c>, <c>FromEcr</c>) is an image without a local folder.
            /// </summary>
            private CodeRead ReadCode(ExpressionSyntax expression)
            {
                if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation &&
                    (IsTypeName(member.Expression, "Code") || IsTypeName(member.Expression, "DockerImageCode")))
                {
                    var method = member.Name.Identifier.ValueText;
                    var isImage = method is "FromAssetImage" or "FromImageAsset" or "FromEcrImage" or "FromEcr";
                    var arguments = invocation.ArgumentList.Arguments;
                    if (method is "FromAsset" or "FromAssetImage" or "FromImageAsset" && arguments.Count >= 1)
                    {
                        var path = arguments[0].Expression;
                        var folded = constants.Text(path);
                        var artifact = folded.Value is string written
                            ? ConfigValue<string>.Known(ConfigPaths.Resolve(app.ConfigPath, written), SpanOf(path))
                            : ConfigValue<string>.Unknown(folded.UnknownReason!, SpanOf(path));
                        return new CodeRead(artifact, isImage, SpanOf(expression));
                    }

                    return new CodeRead(ConfigValue<string>.Unknown($"'{CdkConstants.Shorten(expression)}' is not a local asset PlatformFit reads", SpanOf(expression)), isImage, SpanOf(expression));
                }

                return new CodeRead(ConfigValue<string>.Unknown($"'{CdkConstants.Shorten(expression)}' is not a local asset PlatformFit reads", SpanOf(expression)), false, SpanOf(expression));
            }

            private static ConfigValue<int> Defaulted(ConfigValue<int> value, int? fallback) =>
                value.State == ValueState.Absent && fallback is int known ? ConfigValue<int>.Known(known, null, ValueOrigin.ToolDefault) : value;

            private ConfigValue<int> Whole(CdkConstant folded, ExpressionSyntax expression) =>
                folded.Value is int number ? ConfigValue<int>.Known(number, SpanOf(expression)) : ConfigValue<int>.Unknown(folded.UnknownReason!, SpanOf(expression));

            private ConfigValue<string> Text(CdkConstant folded, ExpressionSyntax expression) =>
                folded.Value is string text ? ConfigValue<string>.Known(text, SpanOf(expression)) : ConfigValue<string>.Unknown(folded.UnknownReason!, SpanOf(expression));

            /// <summary>
            /// A creation that puts a function behind API Gateway, and the argument that names the function:
            /// <c>new HttpLambdaIntegration("Id", fn[, props])</c>, <c>new WebSocketLambdaIntegration("Id", fn[, props])</c>,
            /// <c>new LambdaIntegration(fn[, options])</c>, <c>new LambdaRestApi(this, "Id", new LambdaRestApiProps { Handler = fn })</c>.
            /// </summary>
            private (FrontDoor Door, ExpressionSyntax Function)? FrontDoorOf(ObjectCreationExpressionSyntax creation)
            {
                var type = TypeName(creation.Type);
                var arguments = creation.ArgumentList?.Arguments ?? default;
                var span = SpanOf(creation);
                switch (type)
                {
                    case "HttpLambdaIntegration" when arguments.Count >= 2:
                        return (new FrontDoor(FrontDoorKind.HttpApi, type, span) { IntegrationTimeoutMs = IntegrationTimeout(arguments, 2) }, arguments[1].Expression);
                    case "WebSocketLambdaIntegration" when arguments.Count >= 2:
                        return (new FrontDoor(FrontDoorKind.WebSocketApi, type, span) { IntegrationTimeoutMs = IntegrationTimeout(arguments, 2) }, arguments[1].Expression);
                    case "LambdaIntegration" when arguments.Count >= 1:
                        return (new FrontDoor(FrontDoorKind.RestApi, type, span) { IntegrationTimeoutMs = IntegrationTimeout(arguments, 1) }, arguments[0].Expression);
                    case "LambdaRestApi" when arguments.Count >= 3 && PropsOf(arguments[2].Expression) is { } props && props.TryGetValue("Handler", out var handler):
                        // The REST API's own integration options (IntegrationOptions.Timeout) may raise its timeout.
                        var options = props.TryGetValue("IntegrationOptions", out var integration) ? IntegrationTimeoutOf(integration) : ConfigValue<int>.Absent;
                        return (new FrontDoor(FrontDoorKind.RestApi, type, span) { IntegrationTimeoutMs = options }, handler);
                    default:
                        return null;
                }
            }

            /// <summary>
            /// The queue a <c>SqsEventSource</c> reads, when a <c>new Queue(…)</c> of the same class is stored under the name
            /// it is given: its construct id and visibility timeout (the SQS default of 30 s when the props do not set it).
            /// Any other queue (<c>Queue.FromQueueArn</c>, a parameter) leaves the visibility timeout unknown.
            /// </summary>
            private (string? Name, ConfigValue<int> Visibility) QueueOf(ExpressionSyntax queue, List<ObjectCreationExpressionSyntax> creations)
            {
                var name = NameOf(queue);
                var scope = ScopeOf(queue);
                var declared = creations.Where(c => name is not null && TypeName(c.Type) == "Queue" && VariableOf(c) == name && ScopeOf(c) == scope).ToList();
                if (declared.Count != 1 || declared[0].ArgumentList is not { Arguments.Count: >= 2 } arguments)
                {
                    return (null, ConfigValue<int>.Unknown($"the queue '{CdkConstants.Shorten(queue)}' is not created in this class", SpanOf(queue)));
                }

                var id = constants.Text(arguments.Arguments[1].Expression).Value as string;
                var props = arguments.Arguments.Count >= 3 ? PropsOf(arguments.Arguments[2].Expression) : new Dictionary<string, ExpressionSyntax>();
                if (props is null)
                {
                    return (id, ConfigValue<int>.Unknown($"the queue's props '{CdkConstants.Shorten(arguments.Arguments[2].Expression)}' are built when the app runs", SpanOf(arguments.Arguments[2].Expression)));
                }

                if (props.TryGetValue("VisibilityTimeout", out var visibility))
                {
                    return (id, Whole(constants.Quantity(visibility, CdkUnit.Seconds), visibility));
                }

                return (id, PlatformProfiles.AwsLambda.Limits.TryGetValue(QueueVisibilityLimit, out var limit) && limit.Default is long fallback
                    ? ConfigValue<int>.Known((int)fallback, null, ValueOrigin.ToolDefault)
                    : ConfigValue<int>.Absent);
            }

            /// <summary>A function URL's <c>InvokeMode</c> (<c>BUFFERED</c>, <c>RESPONSE_STREAM</c>): absent when not set, unknown when not constant.</summary>
            private ConfigValue<string> InvokeMode(ExpressionSyntax options)
            {
                var members = PropsOf(options);
                if (members is null)
                {
                    return ConfigValue<string>.Unknown($"the function URL options '{CdkConstants.Shorten(options)}' are built when the app runs", SpanOf(options));
                }

                if (!members.TryGetValue("InvokeMode", out var mode))
                {
                    return ConfigValue<string>.Absent;
                }

                return mode is MemberAccessExpressionSyntax field && IsTypeName(field.Expression, "InvokeMode") && field.Name.Identifier.ValueText is "BUFFERED" or "RESPONSE_STREAM"
                    ? ConfigValue<string>.Known(field.Name.Identifier.ValueText, SpanOf(mode))
                    : ConfigValue<string>.Unknown($"'{CdkConstants.Shorten(mode)}' is chosen when the app runs", SpanOf(mode));
            }

            /// <summary>The integration's <c>Timeout</c> in milliseconds: absent without options, unknown when not constant.</summary>
            private ConfigValue<int> IntegrationTimeout(SeparatedSyntaxList<ArgumentSyntax> arguments, int index) =>
                arguments.Count > index ? IntegrationTimeoutOf(arguments[index].Expression) : ConfigValue<int>.Absent;

            private ConfigValue<int> IntegrationTimeoutOf(ExpressionSyntax options)
            {
                var members = PropsOf(options);
                if (members is null)
                {
                    return ConfigValue<int>.Unknown($"the integration options '{CdkConstants.Shorten(options)}' are built when the app runs", SpanOf(options));
                }

                if (!members.TryGetValue("Timeout", out var timeout))
                {
                    return ConfigValue<int>.Absent;
                }

                var folded = constants.Fold(timeout);
                return folded.Value is CdkQuantity { Unit: CdkUnit.Seconds } duration && Math.Abs(duration.Amount * 1000 - Math.Round(duration.Amount * 1000)) < 1e-6
                    ? ConfigValue<int>.Known((int)Math.Round(duration.Amount * 1000), SpanOf(timeout))
                    : ConfigValue<int>.Unknown(folded.UnknownReason ?? $"'{CdkConstants.Shorten(timeout)}' is not a Duration", SpanOf(timeout));
            }

            private ConfigSpan SpanOf(SyntaxNode node) => Span(node.SpanStart, node.Span.End);

            private ConfigSpan Span(int start, int end)
            {
                var lines = tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(start, end - start));
                return new ConfigSpan(tree.FilePath, start, end - start, lines.StartLinePosition.Line + 1, lines.StartLinePosition.Character + 1, lines.EndLinePosition.Line + 1, lines.EndLinePosition.Character + 1);
            }

            private static bool IsMember(ExpressionSyntax expression, string type, string name) =>
                expression is MemberAccessExpressionSyntax member && member.Name.Identifier.ValueText == name && IsTypeName(member.Expression, type);

            /// <summary>Whether <paramref name="expression"/> names the CDK Lambda type <paramref name="name"/>, qualified or not.</summary>
            private static bool IsTypeName(ExpressionSyntax expression, string name) => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText == name,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
                _ => false,
            };

            private static string? TypeName(TypeSyntax type) => type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };

            /// <summary>The name a function creation is stored under: a local, a field or a property (<c>this.</c> or not).</summary>
            private static string? VariableOf(ExpressionSyntax creation) => creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable } => variable.Identifier.ValueText,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
                AssignmentExpressionSyntax assignment when assignment.Right == creation => NameOf(assignment.Left),
                _ => null,
            };

            private static string? NameOf(ExpressionSyntax expression) => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member => member.Name.Identifier.ValueText,
                _ => null,
            };

            /// <summary>Names are matched within one class: a stack's constructor and the members it calls.</summary>
            private static SyntaxNode ScopeOf(SyntaxNode node) => node.Ancestors().FirstOrDefault(a => a is TypeDeclarationSyntax) ?? node.SyntaxTree.GetRoot();
        }

        /// <summary>What <c>Runtime.FROM_IMAGE</c> and <c>Handler.FROM_IMAGE</c> read as: the image decides; never left on a unit.</summary>
        private const string FromImage = "\u0000FROM_IMAGE";

        private static bool IsFromImage(ConfigValue<string> value) => value.TryGetValue(out var text) && text == FromImage;

        private sealed record CodeRead(ConfigValue<string> Artifact, bool IsImage, ConfigSpan Span);
    }
}
