using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Core.Model;

namespace PlatformFit.Analyzers.Deployment.Annotations
{
    /// <summary>
    /// One attribute of the Amazon.Lambda.Annotations package as written in code, and its arguments as constants. The
    /// attribute is recognised by its name and, where the package's types resolve, by its namespace; in a repository
    /// that was not restored the name alone decides (an attribute of the same name from another namespace that does
    /// resolve is not the package's). A value that is not a compile-time constant is unknown, never guessed.
    /// </summary>
    internal sealed class AnnotationAttribute
    {
        public const string PackageNamespace = "Amazon.Lambda.Annotations";

        private readonly SemanticModel model;

        private AnnotationAttribute(AttributeSyntax syntax, string name, SemanticModel model)
        {
            Syntax = syntax;
            Name = name;
            this.model = model;
        }

        public AttributeSyntax Syntax { get; }

        /// <summary>The attribute's name without <c>Attribute</c> and without its namespace: <c>LambdaFunction</c>, <c>HttpApi</c>.</summary>
        public string Name { get; }

        public ConfigSpan Span => SpanOf(Syntax);

        /// <summary>The attribute's simple name as written, without <c>Attribute</c>; null for a name that is not a plain or qualified identifier.</summary>
        public static string? NameOf(AttributeSyntax attribute)
        {
            var name = WrittenTypeName.Of(attribute.Name);
            return name is not null && name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>The attribute when it is one of <paramref name="names"/> of the package (or, unresolved, carries such a name).</summary>
        public static AnnotationAttribute? Recognize(AttributeSyntax attribute, SemanticModel model, ICollection<string> names, System.Threading.CancellationToken cancellationToken)
        {
            if (NameOf(attribute) is not { } name || !names.Contains(name))
            {
                return null;
            }

            var type = model.GetTypeInfo(attribute, cancellationToken).Type;
            if (type is not null && type.TypeKind != TypeKind.Error)
            {
                var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                if (!(ns == PackageNamespace || ns.StartsWith(PackageNamespace + ".", StringComparison.Ordinal)))
                {
                    return null;
                }
            }

            return new AnnotationAttribute(attribute, name, model);
        }

        /// <summary>A named property argument (<c>MemorySize = 1024</c>), or null when the attribute does not set it.</summary>
        public AttributeArgumentSyntax? Property(string name)
        {
            if (Syntax.ArgumentList is null)
            {
                return null;
            }

            foreach (var argument in Syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The <paramref name="index"/>th positional (constructor) argument, or null.</summary>
        public AttributeArgumentSyntax? Positional(int index)
        {
            if (Syntax.ArgumentList is null)
            {
                return null;
            }

            var position = 0;
            foreach (var argument in Syntax.ArgumentList.Arguments)
            {
                if (argument.NameEquals is null && argument.NameColon is null)
                {
                    if (position++ == index)
                    {
                        return argument;
                    }
                }
            }

            return null;
        }

        /// <summary>A property given as a whole number, or unknown when it is not a constant; absent when not set.</summary>
        public ConfigValue<int> Number(string property, System.Threading.CancellationToken cancellationToken)
        {
            if (Property(property) is not { } argument)
            {
                return ConfigValue<int>.Absent;
            }

            var span = SpanOf(argument.Expression);
            var constant = Constant(argument.Expression, cancellationToken);
            return constant is int or uint or long or ulong or short or ushort or byte or sbyte && TryInt(constant, out var number)
                ? ConfigValue<int>.Known(number, span)
                : ConfigValue<int>.Unknown($"'{argument.Expression}' is not a constant", span);
        }

        /// <summary>A string argument, or unknown when it is not a constant; absent when not set.</summary>
        public ConfigValue<string> Text(AttributeArgumentSyntax? argument, System.Threading.CancellationToken cancellationToken)
        {
            if (argument is null)
            {
                return ConfigValue<string>.Absent;
            }

            var span = SpanOf(argument.Expression);
            return Constant(argument.Expression, cancellationToken) is string text
                ? ConfigValue<string>.Known(text, span)
                : ConfigValue<string>.Unknown($"'{argument.Expression}' is not a constant", span);
        }

        /// <summary>A boolean argument, or unknown when it is not a constant; absent when not set.</summary>
        public ConfigValue<bool> Flag(string property, System.Threading.CancellationToken cancellationToken)
        {
            if (Property(property) is not { } argument)
            {
                return ConfigValue<bool>.Absent;
            }

            var span = SpanOf(argument.Expression);
            return Constant(argument.Expression, cancellationToken) is bool flag
                ? ConfigValue<bool>.Known(flag, span)
                : ConfigValue<bool>.Unknown($"'{argument.Expression}' is not a constant", span);
        }

        /// <summary>
        /// An enum member argument (<c>LambdaPackageType.Image</c>, <c>LambdaHttpMethod.Get</c>) of the enum
        /// <paramref name="enumName"/>: by the field it binds to, or by the written member name when the package's
        /// types do not resolve. Unknown for anything else.
        /// </summary>
        public ConfigValue<string> EnumMember(AttributeArgumentSyntax? argument, string enumName, System.Threading.CancellationToken cancellationToken)
        {
            if (argument is null)
            {
                return ConfigValue<string>.Absent;
            }

            var expression = argument.Expression;
            var span = SpanOf(expression);
            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is IFieldSymbol { ContainingType: { TypeKind: TypeKind.Enum } type } field && type.Name == enumName)
            {
                return ConfigValue<string>.Known(field.Name, span);
            }

            if (symbol is null && expression is MemberAccessExpressionSyntax access && RightmostName(access.Expression) == enumName)
            {
                return ConfigValue<string>.Known(access.Name.Identifier.ValueText, span);
            }

            return ConfigValue<string>.Unknown($"'{expression}' is not a member of {enumName}", span);
        }

        /// <summary>A place in a source file, in the config-span form the deployment model uses.</summary>
        public static ConfigSpan SpanOf(SyntaxNode node)
        {
            var lines = node.GetLocation().GetLineSpan();
            return new ConfigSpan(
                node.SyntaxTree.FilePath,
                node.Span.Start,
                node.Span.Length,
                lines.StartLinePosition.Line + 1,
                lines.StartLinePosition.Character + 1,
                lines.EndLinePosition.Line + 1,
                lines.EndLinePosition.Character + 1);
        }

        private object? Constant(ExpressionSyntax expression, System.Threading.CancellationToken cancellationToken)
        {
            var constant = model.GetConstantValue(expression, cancellationToken);
            if (constant.HasValue)
            {
                return constant.Value;
            }

            // An attribute whose type does not resolve may leave its arguments unbound: a literal is still a literal.
            return expression is LiteralExpressionSyntax literal && literal.Token.Value is { } value && !literal.IsKind(SyntaxKind.NullLiteralExpression)
                ? value
                : null;
        }

        private static bool TryInt(object? value, out int number)
        {
            try
            {
                var wide = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                number = (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, wide));
                return true;
            }
            catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
            {
                number = 0;
                return false;
            }
        }

        private static string? RightmostName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
