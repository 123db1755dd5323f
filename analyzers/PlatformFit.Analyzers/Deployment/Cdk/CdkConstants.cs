using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PlatformFit.Analyzers.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.Deployment.Cdk
{
    /// <summary>A value of a CDK app's C# that is the same on every run, or why it is not.</summary>
    internal readonly struct CdkConstant
    {
        private CdkConstant(object? value, string? unknownReason)
        {
            Value = value;
            UnknownReason = unknownReason;
        }

        /// <summary>A <see cref="string"/>, a <see cref="double"/>, or a <see cref="CdkQuantity"/>; null when unknown.</summary>
        public object? Value { get; }

        public string? UnknownReason { get; }

        public bool IsKnown => Value is not null;

        public static CdkConstant Known(object value) => new(value, null);

        public static CdkConstant Unknown(string reason) => new(null, reason);
    }

    /// <summary>What a <c>Duration</c> or <c>Size</c> factory stands for: seconds or mebibytes.</summary>
    internal enum CdkUnit
    {
        Seconds,
        Mebibytes,
    }

    /// <summary>A <c>Duration.Seconds(30)</c> or <c>Size.Gibibytes(1)</c>, in seconds or mebibytes.</summary>
    internal sealed record CdkQuantity(CdkUnit Unit, double Amount);

    /// <summary>
    /// Folds the expressions of a CDK app to constants from the syntax alone (nothing is compiled or run): literals,
    /// <c>const</c> fields and locals of the app (by simple or type-qualified name; a name declared twice with different
    /// values is unknown), parentheses, unary minus, arithmetic on numbers, string concatenation and interpolation of
    /// constants, the <c>Duration</c> / <c>Size</c> factories, and <c>Path.Combine</c> / <c>Path.Join</c> /
    /// <c>Directory.GetCurrentDirectory()</c> for asset paths. Anything else is unknown, with the reason.
    /// </summary>
    internal sealed class CdkConstants
    {
        private const int MaxDepth = 16;

        private static readonly Dictionary<string, double> SecondsPer = new(StringComparer.Ordinal)
        {
            ["Millis"] = 0.001,
            ["Seconds"] = 1,
            ["Minutes"] = 60,
            ["Hours"] = 3600,
            ["Days"] = 86400,
        };

        private static readonly Dictionary<string, double> MebibytesPer = new(StringComparer.Ordinal)
        {
            ["Mebibytes"] = 1,
            ["Gibibytes"] = 1024,
        };

        /// <summary>The app's <c>const</c> fields by simple name and by <c>Type.Name</c>; null marks a name declared twice.</summary>
        private readonly Dictionary<string, ExpressionSyntax?> fields = new(StringComparer.Ordinal);

        /// <summary>What <c>Directory.GetCurrentDirectory()</c> is while the CDK CLI runs the app: the folder of <c>cdk.json</c>.</summary>
        private readonly string workingDirectory;

        public CdkConstants(IEnumerable<SyntaxTree> trees, string workingDirectory)
        {
            this.workingDirectory = workingDirectory;
            foreach (var tree in trees)
            {
                foreach (var field in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<FieldDeclarationSyntax>())
                {
                    if (!field.Modifiers.Any(SyntaxKind.ConstKeyword) || field.Parent is not TypeDeclarationSyntax type)
                    {
                        continue;
                    }

                    foreach (var variable in field.Declaration.Variables)
                    {
                        if (variable.Initializer is { Value: { } value })
                        {
                            Add(variable.Identifier.ValueText, value);
                            Add(type.Identifier.ValueText + "." + variable.Identifier.ValueText, value);
                        }
                    }
                }
            }
        }

        public CdkConstant Fold(ExpressionSyntax expression) => Fold(expression, 0);

        /// <summary>A string the expression always is.</summary>
        public CdkConstant Text(ExpressionSyntax expression)
        {
            var folded = Fold(expression);
            return !folded.IsKnown || folded.Value is string ? folded : CdkConstant.Unknown($"'{Shorten(expression)}' is not a string");
        }

        /// <summary>A whole number the expression always is.</summary>
        public CdkConstant Number(ExpressionSyntax expression)
        {
            var folded = Fold(expression);
            if (!folded.IsKnown)
            {
                return folded;
            }

            return folded.Value is double number && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue
                ? CdkConstant.Known((int)number)
                : CdkConstant.Unknown($"'{Shorten(expression)}' is not a whole number");
        }

        /// <summary>A whole number of <paramref name="unit"/> a <c>Duration</c> or <c>Size</c> expression always is.</summary>
        public CdkConstant Quantity(ExpressionSyntax expression, CdkUnit unit)
        {
            var folded = Fold(expression);
            if (!folded.IsKnown)
            {
                return folded;
            }

            if (folded.Value is not CdkQuantity quantity || quantity.Unit != unit)
            {
                return CdkConstant.Unknown($"'{Shorten(expression)}' is not a {(unit == CdkUnit.Seconds ? "Duration" : "Size")}");
            }

            var whole = Math.Round(quantity.Amount);
            return Math.Abs(quantity.Amount - whole) < 1e-9 && Math.Abs(whole) <= int.MaxValue
                ? CdkConstant.Known((int)whole)
                : CdkConstant.Unknown($"'{Shorten(expression)}' is not a whole number of {(unit == CdkUnit.Seconds ? "seconds" : "mebibytes")}");
        }

        /// <summary>The expression's text for messages, on one line and at most 60 characters.</summary>
        public static string Shorten(SyntaxNode node) => OneLine.Of(node, 60);

        private void Add(string name, ExpressionSyntax value)
        {
            if (fields.TryGetValue(name, out var existing))
            {
                if (existing is null || !existing.IsEquivalentTo(value))
                {
                    fields[name] = null;
                }

                return;
            }

            fields[name] = value;
        }

        private CdkConstant Fold(ExpressionSyntax expression, int depth)
        {
            if (depth > MaxDepth)
            {
                return CdkConstant.Unknown($"'{Shorten(expression)}' refers to itself or nests too deep");
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                    return CdkConstant.Known(text);
                case LiteralExpressionSyntax literal when literal.Token.Value is { } number && IsNumber(number):
                    return CdkConstant.Known(Convert.ToDouble(number, CultureInfo.InvariantCulture));
                case ParenthesizedExpressionSyntax parenthesized:
                    return Fold(parenthesized.Expression, depth + 1);
                case CastExpressionSyntax cast:
                    return Fold(cast.Expression, depth + 1);
                case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression):
                    {
                        var operand = Fold(unary.Operand, depth + 1);
                        return operand.Value is double value
                            ? CdkConstant.Known(unary.IsKind(SyntaxKind.UnaryMinusExpression) ? -value : value)
                            : Unknown(expression, operand);
                    }

                case BinaryExpressionSyntax binary:
                    return FoldBinary(binary, depth);
                case InterpolatedStringExpressionSyntax interpolated:
                    return FoldInterpolation(interpolated, depth);
                case InvocationExpressionSyntax invocation:
                    return FoldFactory(invocation, depth);
                case IdentifierNameSyntax identifier:
                    return FoldName(identifier, identifier.Identifier.ValueText, depth);
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                    return FoldName(member, member.Name.Identifier.ValueText, depth);
                case MemberAccessExpressionSyntax { Expression: SimpleNameSyntax type } member:
                    return FoldName(member, type.Identifier.ValueText + "." + member.Name.Identifier.ValueText, depth);
                default:
                    return CdkConstant.Unknown($"'{Shorten(expression)}' is computed when the app runs");
            }
        }

        private CdkConstant FoldBinary(BinaryExpressionSyntax binary, int depth)
        {
            var left = Fold(binary.Left, depth + 1);
            if (!left.IsKnown)
            {
                return left;
            }

            var right = Fold(binary.Right, depth + 1);
            if (!right.IsKnown)
            {
                return right;
            }

            if (binary.IsKind(SyntaxKind.AddExpression) && (left.Value is string || right.Value is string) && left.Value is string or double && right.Value is string or double)
            {
                return CdkConstant.Known(Format(left.Value!) + Format(right.Value!));
            }

            if (left.Value is double a && right.Value is double b)
            {
                switch (binary.Kind())
                {
                    case SyntaxKind.AddExpression:
                        return CdkConstant.Known(a + b);
                    case SyntaxKind.SubtractExpression:
                        return CdkConstant.Known(a - b);
                    case SyntaxKind.MultiplyExpression:
                        return CdkConstant.Known(a * b);
                    // Whether '/' is integer division depends on the operands' types, which only a compilation knows:
                    // fold only the divisions that come out the same either way.
                    case SyntaxKind.DivideExpression when b != 0 && IsWhole(a / b):
                        return CdkConstant.Known(a / b);
                }
            }

            return CdkConstant.Unknown($"'{Shorten(binary)}' is not a constant PlatformFit folds");
        }

        private CdkConstant FoldInterpolation(InterpolatedStringExpressionSyntax interpolated, int depth)
        {
            var builder = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    builder.Append(text.TextToken.ValueText);
                    continue;
                }

                var hole = (InterpolationSyntax)content;
                if (hole.AlignmentClause is not null || hole.FormatClause is not null)
                {
                    return CdkConstant.Unknown($"'{Shorten(hole)}' is formatted when the app runs");
                }

                var value = Fold(hole.Expression, depth + 1);
                if (!value.IsKnown)
                {
                    return value;
                }

                if (value.Value is not (string or double))
                {
                    return CdkConstant.Unknown($"'{Shorten(hole)}' is not text");
                }

                builder.Append(Format(value.Value));
            }

            return CdkConstant.Known(builder.ToString());
        }

        /// <summary>
        /// <c>Duration.Seconds(30)</c>, <c>Size.Gibibytes(1)</c>, qualified or not; and the path calls asset paths are built
        /// with: <c>Path.Combine</c> / <c>Path.Join</c> of constants and <c>Directory.GetCurrentDirectory()</c>, which is the
        /// folder of <c>cdk.json</c> because the CDK CLI runs the app there.
        /// </summary>
        private CdkConstant FoldFactory(InvocationExpressionSyntax invocation, int depth)
        {
            if (invocation.Expression is MemberAccessExpressionSyntax pathCall && IsPathCall(pathCall))
            {
                return FoldPath(invocation, pathCall.Name.Identifier.ValueText, depth);
            }

            if (invocation.Expression is MemberAccessExpressionSyntax member && invocation.ArgumentList.Arguments.Count == 1)
            {
                var type = Simple(member.Expression);
                var method = member.Name.Identifier.ValueText;
                var per = type == "Duration" && SecondsPer.TryGetValue(method, out var seconds) ? (CdkUnit.Seconds, seconds)
                    : type == "Size" && MebibytesPer.TryGetValue(method, out var mebibytes) ? (CdkUnit.Mebibytes, mebibytes)
                    : ((CdkUnit, double)?)null;
                if (per is var (unit, factor))
                {
                    var amount = Fold(invocation.ArgumentList.Arguments[0].Expression, depth + 1);
                    return amount.Value is double value ? CdkConstant.Known(new CdkQuantity(unit, value * factor)) : Unknown(invocation, amount);
                }
            }

            return CdkConstant.Unknown($"'{Shorten(invocation)}' is computed when the app runs");
        }

        private static bool IsPathCall(MemberAccessExpressionSyntax member) =>
            (member.Name.Identifier.ValueText is "Combine" or "Join" && member.Expression.ToString() is "Path" or "System.IO.Path") ||
            (member.Name.Identifier.ValueText == "GetCurrentDirectory" && member.Expression.ToString() is "Directory" or "System.IO.Directory");

        private CdkConstant FoldPath(InvocationExpressionSyntax invocation, string method, int depth)
        {
            var arguments = invocation.ArgumentList.Arguments;
            if (method == "GetCurrentDirectory")
            {
                return arguments.Count == 0 ? CdkConstant.Known(workingDirectory) : CdkConstant.Unknown($"'{Shorten(invocation)}' is not a call PlatformFit folds");
            }

            var path = string.Empty;
            foreach (var argument in arguments)
            {
                var part = Fold(argument.Expression, depth + 1);
                if (part.Value is not string text)
                {
                    return part.IsKnown ? CdkConstant.Unknown($"'{Shorten(argument)}' is not text") : part;
                }

                var normalized = text.Replace('\\', '/');
                if (method == "Combine" && (normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length >= 2 && normalized[1] == ':')))
                {
                    path = normalized;
                }
                else if (normalized.Length > 0)
                {
                    path = path.Length == 0 || path.EndsWith("/", StringComparison.Ordinal) || normalized.StartsWith("/", StringComparison.Ordinal) ? path + normalized : path + "/" + normalized;
                }
            }

            return CdkConstant.Known(path);
        }

        private CdkConstant FoldName(ExpressionSyntax expression, string name, int depth)
        {
            // A local const in the enclosing member wins over fields, as in C#.
            if (expression is IdentifierNameSyntax && LocalConstant(expression, name) is { } local)
            {
                return Fold(local, depth + 1);
            }

            if (fields.TryGetValue(name, out var declared))
            {
                return declared is null ? CdkConstant.Unknown($"'{name}' is declared more than once with different values") : Fold(declared, depth + 1);
            }

            return CdkConstant.Unknown($"'{Shorten(expression)}' is not a constant of the app");
        }

        private static ExpressionSyntax? LocalConstant(SyntaxNode at, string name)
        {
            foreach (var ancestor in at.Ancestors())
            {
                if (ancestor is not BlockSyntax block)
                {
                    continue;
                }

                foreach (var statement in block.Statements)
                {
                    if (statement is LocalDeclarationStatementSyntax { IsConst: true } declaration)
                    {
                        foreach (var variable in declaration.Declaration.Variables)
                        {
                            if (variable.Identifier.ValueText == name && variable.Initializer is { Value: { } value })
                            {
                                return value;
                            }
                        }
                    }
                }
            }

            return null;
        }

        private static CdkConstant Unknown(ExpressionSyntax expression, CdkConstant inner) =>
            inner.IsKnown ? CdkConstant.Unknown($"'{Shorten(expression)}' is not a constant PlatformFit folds") : inner;

        private static string? Simple(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private static bool IsNumber(object value) =>
            value is int or long or uint or ulong or short or ushort or byte or sbyte or double or float or decimal;

        private static bool IsWhole(double value) => value == Math.Floor(value);

        private static string Format(object value) => value is double number ? number.ToString(CultureInfo.InvariantCulture) : (string)value;
    }
}
