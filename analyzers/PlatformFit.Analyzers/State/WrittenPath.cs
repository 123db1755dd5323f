using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Analyzers.State
{
    /// <summary>Where a path a file API is given points, as far as the code says.</summary>
    internal enum PathOrigin
    {
        /// <summary>A parameter, a configuration value, anything PlatformFit cannot work out: never reported.</summary>
        Unknown,

        /// <summary><c>Path.GetTempPath()</c>, <c>Path.GetTempFileName()</c>: the platform's temporary directory.</summary>
        TempDirectory,

        /// <summary>The application's own directory or the working directory: <c>AppContext.BaseDirectory</c> and the like.</summary>
        AppDirectory,

        /// <summary>A path written in the code (<c>"data/orders.json"</c>, <c>"/var/log/app.log"</c>, <c>"/tmp/x"</c>).</summary>
        Literal,
    }

    /// <summary>
    /// The root of a path a write goes to, worked out from constants, <c>Path.Combine</c>/<c>Path.Join</c>,
    /// concatenation and interpolation (the leading part decides), locals where they are declared and readonly
    /// fields with an initializer. Only the root matters: <c>Path.Combine(Path.GetTempPath(), name)</c> is in the
    /// temporary directory whatever <c>name</c> is.
    /// </summary>
    /// <param name="Origin">What kind of root it is.</param>
    /// <param name="Text">The literal path, or the expression that names the directory (<c>AppContext.BaseDirectory</c>).</param>
    internal sealed record WrittenPath(PathOrigin Origin, string Text)
    {
        private const int MaxDepth = 8;

        private static readonly WrittenPath Unknown = new(PathOrigin.Unknown, string.Empty);

        /// <summary>Properties that name the app's directory, by declaring type.</summary>
        private static readonly ImmutableDictionary<string, string> AppDirectoryProperties = new Dictionary<string, string>
        {
            ["BaseDirectory"] = "System.AppContext|System.AppDomain",
            ["CurrentDirectory"] = "System.Environment",
            ["Location"] = "System.Reflection.Assembly",
        }.ToImmutableDictionary();

        /// <summary>
        /// The message's words for a path the platform does not let code write to; null when it is writable or
        /// unknown.
        /// </summary>
        public string? OutsideOf(IReadOnlyList<WritablePath> writable)
        {
            switch (Origin)
            {
                case PathOrigin.TempDirectory:
                    return writable.Any(w => w.IsTempDirectory) ? null : $"the temporary directory ({Text})";
                case PathOrigin.AppDirectory:
                    return $"the application directory ({Text})";
                case PathOrigin.Literal when IsRooted(Text):
                    var normalized = Text.Replace('\\', '/');
                    return writable.Any(w => normalized == w.Path || normalized.StartsWith(w.Path.TrimEnd('/') + "/", StringComparison.Ordinal))
                        ? null
                        : $"the absolute path '{Text}'";
                case PathOrigin.Literal:
                    return $"the relative path '{Text}' (the working directory is the deployment package)";
                default:
                    return null;
            }
        }

        public static WrittenPath Of(IOperation? operation, SemanticModel model, CancellationToken cancellationToken) =>
            Of(operation, model, 0, cancellationToken);

        /// <summary>A literal path: an empty or blank string says nothing about where the write goes.</summary>
        public static WrittenPath FromLiteral(string? text) =>
            string.IsNullOrWhiteSpace(text) ? Unknown : new WrittenPath(PathOrigin.Literal, text!.Trim());

        private static WrittenPath Of(IOperation? operation, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            if (operation is null || depth > MaxDepth)
            {
                return Unknown;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                return FromLiteral(constant);
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Of(conversion.Operand, model, depth + 1, cancellationToken);
                case IParenthesizedOperation parenthesized:
                    return Of(parenthesized.Operand, model, depth + 1, cancellationToken);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    return Of(concatenation.LeftOperand, model, depth + 1, cancellationToken);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.FirstOrDefault() switch
                    {
                        IInterpolatedStringTextOperation text => Of(text.Text, model, depth + 1, cancellationToken),
                        IInterpolationOperation hole => Of(hole.Expression, model, depth + 1, cancellationToken),
                        _ => Unknown,
                    };
                case IInvocationOperation invocation:
                    return OfCall(invocation, model, depth, cancellationToken);
                case IPropertyReferenceOperation property:
                    return OfProperty(property);
                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                    return OfInitializer(field, model, depth, cancellationToken);
                case ILocalReferenceOperation local:
                    return Of(LocalOrigin.Of(local.Local, model, cancellationToken), model, depth + 1, cancellationToken);
                default:
                    return Unknown;
            }
        }

        private static WrittenPath OfCall(IInvocationOperation invocation, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.ToDisplayString();
            switch (type, method.Name)
            {
                case ("System.IO.Path", "GetTempPath" or "GetTempFileName"):
                    return new WrittenPath(PathOrigin.TempDirectory, $"Path.{method.Name}()");
                case ("System.IO.Directory", "GetCurrentDirectory"):
                    return new WrittenPath(PathOrigin.AppDirectory, "Directory.GetCurrentDirectory()");
                case ("System.IO.Path", "GetDirectoryName" or "GetFullPath"):
                    return Of(invocation.Arguments.FirstOrDefault()?.Value, model, depth + 1, cancellationToken);
                case ("System.IO.Path", "Join"):
                    return Of(PathParts(invocation).FirstOrDefault(), model, depth + 1, cancellationToken);
                case ("System.IO.Path", "Combine"):
                    // Combine starts over at every rooted part: the last rooted part is the root.
                    var parts = PathParts(invocation).Select(p => Of(p, model, depth + 1, cancellationToken)).ToList();
                    var rooted = parts.LastOrDefault(p => p.Origin is PathOrigin.TempDirectory or PathOrigin.AppDirectory || (p.Origin == PathOrigin.Literal && IsRooted(p.Text)));
                    return rooted ?? parts.FirstOrDefault() ?? Unknown;
                default:
                    return Unknown;
            }
        }

        private static IEnumerable<IOperation> PathParts(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        yield return element;
                    }
                }
                else
                {
                    yield return argument.Value;
                }
            }
        }

        private static WrittenPath OfProperty(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            if (property.Name is "ContentRootPath" or "WebRootPath")
            {
                // IWebHostEnvironment / IHostEnvironment: the content root is the app's directory on Lambda.
                return new WrittenPath(PathOrigin.AppDirectory, property.Name);
            }

            if (AppDirectoryProperties.TryGetValue(property.Name, out var types)
                && types.Split('|').Contains(property.ContainingType?.ToDisplayString()))
            {
                return new WrittenPath(PathOrigin.AppDirectory, property.Name == "Location" ? "Assembly.Location" : $"{property.ContainingType!.Name}.{property.Name}");
            }

            return Unknown;
        }

        /// <summary>A readonly field's initializer: through the semantic model where it is in the same file, else a literal.</summary>
        private static WrittenPath OfInitializer(IFieldSymbol field, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value })
                {
                    continue;
                }

                if (reference.SyntaxTree == model.SyntaxTree)
                {
                    return Of(model.GetOperation(value, cancellationToken), model, depth + 1, cancellationToken);
                }

                return value is LiteralExpressionSyntax literal ? FromLiteral(literal.Token.ValueText) : Unknown;
            }

            return Unknown;
        }

        private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal);
    }
}
