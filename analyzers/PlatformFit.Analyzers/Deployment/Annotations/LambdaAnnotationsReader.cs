using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Core.Binding;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.Deployment.Annotations
{
    /// <summary>
    /// The functions a project declares with Lambda Annotations (<c>[LambdaFunction]</c> methods, their event
    /// attributes and the assembly's <c>[LambdaGlobalProperties]</c>), as the source generator would write them into
    /// <c>serverless.template</c>: its resource name, handler, runtime and defaults (PLATFORMS.md §6.7, D1
    /// <c>LambdaFunctionModel</c>, <c>GeneratedMethodModelBuilder</c>, <c>CloudFormationWriter</c>). Only syntax is
    /// walked to find candidates — type and member declarations, never method bodies — and only their attributes are
    /// bound.
    /// </summary>
    internal static class LambdaAnnotationsReader
    {
        /// <summary>The key of the generator's defaults in <c>rules/platforms/aws-lambda.yaml</c> <c>tool-defaults</c>.</summary>
        public const string ToolDefaultsKey = "lambda-annotations";

        private static readonly HashSet<string> FunctionNames = new(StringComparer.Ordinal) { "LambdaFunction" };

        private static readonly HashSet<string> GlobalNames = new(StringComparer.Ordinal) { "LambdaGlobalProperties" };

        /// <summary>The event attributes and the front door each stands for.</summary>
        private static readonly Dictionary<string, FrontDoorKind> EventKinds = new(StringComparer.Ordinal)
        {
            ["RestApi"] = FrontDoorKind.RestApi,
            ["HttpApi"] = FrontDoorKind.HttpApi,
            ["FunctionUrl"] = FrontDoorKind.FunctionUrl,
            ["ALBApi"] = FrontDoorKind.LoadBalancer,
            ["SQSEvent"] = FrontDoorKind.Queue,
            ["ScheduleEvent"] = FrontDoorKind.Schedule,
            ["S3Event"] = FrontDoorKind.Storage,
            ["SNSEvent"] = FrontDoorKind.Topic,
            ["DynamoDBEvent"] = FrontDoorKind.Stream,
        };

        public static IReadOnlyList<CodeDeclaredFunction> Read(Compilation compilation, string? targetFramework, CancellationToken cancellationToken)
        {
            var methods = new List<(MethodDeclarationSyntax Method, AttributeSyntax Attribute)>();
            var globals = new List<AttributeSyntax>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
                {
                    Collect(root, methods, globals);
                }
            }

            if (methods.Count == 0)
            {
                return Array.Empty<CodeDeclaredFunction>();
            }

            var global = GlobalProperties.Read(compilation, globals, cancellationToken);
            var functions = new List<CodeDeclaredFunction>();
            foreach (var (method, attribute) in methods)
            {
                var model = compilation.GetSemanticModel(method.SyntaxTree);
                if (AnnotationAttribute.Recognize(attribute, model, FunctionNames, cancellationToken) is { } lambdaFunction
                    && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol
                    && Function(compilation, method, symbol, lambdaFunction, model, global, targetFramework, cancellationToken) is { } function)
                {
                    functions.Add(function);
                }
            }

            return functions;
        }

        private static void Collect(SyntaxNode node, List<(MethodDeclarationSyntax, AttributeSyntax)> methods, List<AttributeSyntax> globals)
        {
            if (node is CompilationUnitSyntax unit)
            {
                foreach (var list in unit.AttributeLists)
                {
                    if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true)
                    {
                        globals.AddRange(list.Attributes.Where(a => AnnotationAttribute.NameOf(a) is { } name && GlobalNames.Contains(name)));
                    }
                }
            }

            foreach (var child in node.ChildNodes())
            {
                switch (child)
                {
                    case BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax:
                        Collect(child, methods, globals);
                        break;
                    case MethodDeclarationSyntax method:
                        foreach (var list in method.AttributeLists)
                        {
                            foreach (var attribute in list.Attributes)
                            {
                                if (AnnotationAttribute.NameOf(attribute) is { } name && FunctionNames.Contains(name))
                                {
                                    methods.Add((method, attribute));
                                }
                            }
                        }

                        break;
                }
            }
        }

        private static CodeDeclaredFunction? Function(
            Compilation compilation,
            MethodDeclarationSyntax method,
            IMethodSymbol symbol,
            AnnotationAttribute attribute,
            SemanticModel model,
            GlobalProperties global,
            string? targetFramework,
            CancellationToken cancellationToken)
        {
            var assembly = compilation.AssemblyName ?? string.Empty;
            var ns = symbol.ContainingNamespace?.ToString() ?? string.Empty;
            var type = symbol.ContainingType;
            var generatedTypeName = $"{ns}.{type.Name}_{symbol.Name}_Generated";

            // A resource name that is not a constant leaves the function unmatched to any template: it is left out.
            var resourceName = attribute.Text(attribute.Property("ResourceName"), cancellationToken);
            if (resourceName.State == ValueState.Unknown)
            {
                return null;
            }

            var name = resourceName.TryGetValue(out var written) && written.Length > 0
                ? written
                : new string(generatedTypeName.Where(char.IsLetterOrDigit).ToArray());

            var defaults = PlatformProfiles.AwsLambda.ToolDefaultsFor(ToolDefaultsKey);
            var packageType = attribute.EnumMember(attribute.Property("PackageType"), "LambdaPackageType", cancellationToken);
            if (packageType.State == ValueState.Absent)
            {
                packageType = ConfigValue<string>.Known("Zip", null, ValueOrigin.ToolDefault);
            }

            var isImage = packageType.TryGetValue(out var package) && string.Equals(package, "Image", StringComparison.Ordinal);
            var handler = global.GenerateMain switch
            {
                { State: ValueState.Unknown } unknown => ConfigValue<string>.Unknown(unknown.UnknownReason ?? "GenerateMain is not a constant", unknown.Span),
                { IsKnown: true, Value: true } => ConfigValue<string>.Known(assembly, null, ValueOrigin.ToolDefault),
                _ => ConfigValue<string>.Known($"{assembly}::{generatedTypeName}::{symbol.Name}", null, ValueOrigin.ToolDefault),
            };

            var declaration = attribute.Span;
            var unit = new DeploymentUnit(name, PlatformProfiles.AwsLambdaId, declaration.Path, declaration)
            {
                Handler = handler,
                Runtime = isImage ? ConfigValue<string>.Absent : global.RuntimeFor(targetFramework, declaration),
                MemoryMb = Defaulted(attribute.Number("MemorySize", cancellationToken), defaults.MemoryMb),
                TimeoutSeconds = Defaulted(attribute.Number("Timeout", cancellationToken), defaults.TimeoutSeconds),
                PackageType = packageType,
                FrontDoors = FrontDoors(method, model, cancellationToken),
                Tool = ConfigValue<string>.Known(CodeDeclaredUnits.LambdaAnnotationsTool, null),
            };

            return new CodeDeclaredFunction(unit, new HandlerReference(assembly, MetadataName(type), symbol.Name), generatedTypeName);
        }

        /// <summary>The generator writes a property only when the attribute sets it above zero; otherwise its default.</summary>
        private static ConfigValue<int> Defaulted(ConfigValue<int> value, int? toolDefault)
        {
            if (value.State == ValueState.Unknown || (value.TryGetValue(out var number) && number > 0))
            {
                return value;
            }

            return toolDefault is int fallback ? ConfigValue<int>.Known(fallback, null, ValueOrigin.ToolDefault) : ConfigValue<int>.Absent;
        }

        private static List<FrontDoor> FrontDoors(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
        {
            var doors = new List<FrontDoor>();
            foreach (var list in method.AttributeLists)
            {
                foreach (var syntax in list.Attributes)
                {
                    if (AnnotationAttribute.Recognize(syntax, model, EventKinds.Keys, cancellationToken) is not { } attribute)
                    {
                        continue;
                    }

                    var kind = EventKinds[attribute.Name];
                    doors.Add(new FrontDoor(kind, attribute.Name, attribute.Span) { Route = Route(attribute, kind, cancellationToken) });
                }
            }

            return doors;
        }

        /// <summary><c>GET /orders/{id}</c> for the API attributes, the queue for <c>[SQSEvent]</c>; null when not constant.</summary>
        private static string? Route(AnnotationAttribute attribute, FrontDoorKind kind, CancellationToken cancellationToken)
        {
            switch (kind)
            {
                case FrontDoorKind.RestApi or FrontDoorKind.HttpApi:
                    var method = attribute.EnumMember(attribute.Positional(0), "LambdaHttpMethod", cancellationToken);
                    var template = attribute.Text(attribute.Positional(1), cancellationToken);
                    return method.TryGetValue(out var verb) && template.TryGetValue(out var path) ? $"{verb.ToUpperInvariant()} {path}" : null;
                case FrontDoorKind.Queue:
                    return attribute.Text(attribute.Positional(0), cancellationToken).TryGetValue(out var queue) ? queue : null;
                default:
                    return null;
            }
        }

        /// <summary>The name <c>GetTypeByMetadataName</c> finds: nested types joined with <c>+</c>.</summary>
        private static string MetadataName(INamedTypeSymbol type)
        {
            var builder = new StringBuilder(type.MetadataName);
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                builder.Insert(0, outer.MetadataName + "+");
            }

            if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                builder.Insert(0, ns.ToDisplayString() + ".");
            }

            return builder.ToString();
        }

        /// <summary>The assembly's <c>[LambdaGlobalProperties]</c>: whether it generates <c>Main</c>, and the runtime it names.</summary>
        private sealed class GlobalProperties
        {
            private GlobalProperties(ConfigValue<bool> generateMain, ConfigValue<string> runtime)
            {
                GenerateMain = generateMain;
                Runtime = runtime;
            }

            public ConfigValue<bool> GenerateMain { get; }

            public ConfigValue<string> Runtime { get; }

            public static GlobalProperties Read(Compilation compilation, List<AttributeSyntax> candidates, CancellationToken cancellationToken)
            {
                foreach (var syntax in candidates)
                {
                    var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                    if (AnnotationAttribute.Recognize(syntax, model, GlobalNames, cancellationToken) is { } attribute)
                    {
                        return new GlobalProperties(attribute.Flag("GenerateMain", cancellationToken), attribute.Text(attribute.Property("Runtime"), cancellationToken));
                    }
                }

                return new GlobalProperties(ConfigValue<bool>.Absent, ConfigValue<string>.Absent);
            }

            /// <summary>
            /// The runtime the generator writes: the one <c>[LambdaGlobalProperties(Runtime = …)]</c> names, else the
            /// managed runtime of the project's target framework (<c>net8.0</c> → <c>dotnet8</c>), shown at the function's
            /// attribute. Unknown when the framework has no managed runtime or is not known (a multi-targeted project).
            /// </summary>
            public ConfigValue<string> RuntimeFor(string? targetFramework, ConfigSpan declaration)
            {
                if (Runtime.State != ValueState.Absent)
                {
                    return Runtime;
                }

                var framework = targetFramework?.Trim();
                if (framework is not { Length: > 0 })
                {
                    return ConfigValue<string>.Unknown("the project's target framework is not known", null);
                }

                var runtime = PlatformProfiles.AwsLambda.Runtimes.FirstOrDefault(r => !r.ImageOnly && !r.OsOnly && string.Equals(r.Framework, framework, StringComparison.OrdinalIgnoreCase));
                return runtime is not null
                    ? ConfigValue<string>.Known(runtime.Id, declaration, ValueOrigin.ToolDefault)
                    : ConfigValue<string>.Unknown($"no managed runtime runs {framework}", null);
            }
        }
    }
}
