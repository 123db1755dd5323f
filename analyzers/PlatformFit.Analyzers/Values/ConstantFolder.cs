using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Reachability;

namespace PlatformFit.Analyzers.Values
{
    /// <summary>What a folded expression is: a plain number, or a <see cref="System.TimeSpan"/>.</summary>
    internal enum FoldedKind
    {
        Number,
        Duration,
    }

    /// <summary>
    /// A value known at compile time. Durations are in milliseconds. <see cref="Unbounded"/> marks
    /// <c>Timeout.InfiniteTimeSpan</c> and <c>TimeSpan.MaxValue</c>: waits without an end, which are another problem
    /// than a wait that is too long. <see cref="Origin"/> is the declaration of the named value it came through, if any.
    /// </summary>
    internal readonly record struct FoldedValue(FoldedKind Kind, double Value, bool Unbounded, Location? Origin)
    {
        public static FoldedValue Number(double value) => new(FoldedKind.Number, value, false, null);

        public static FoldedValue Duration(double milliseconds) => new(FoldedKind.Duration, milliseconds, false, null);

        public static FoldedValue UnboundedDuration => new(FoldedKind.Duration, double.PositiveInfinity, true, null);

        public FoldedValue From(Location origin) => Origin is null ? this with { Origin = origin } : this;
    }

    /// <summary>
    /// Folds an expression to the number or duration it always has: what Roslyn folds itself (literals, <c>const</c>
    /// fields and locals, arithmetic on them), and on top of that <c>TimeSpan.FromMinutes(5)</c>,
    /// <c>new TimeSpan(0, 5, 30)</c>, <c>TimeSpan</c> sums and products, <c>.TotalMilliseconds</c>,
    /// <c>static readonly</c> fields and get-only properties initialised with such values, and locals that are
    /// assigned once where they are declared. Anything computed at run time (configuration,
    /// <c>ILambdaContext.RemainingTime</c>, parameters) does not fold: rules stay silent on it.
    /// </summary>
    internal sealed class ConstantFolder
    {
        private const int MaxDepth = 8;
        private const double MillisecondsPerTick = 0.0001;

        private readonly SemanticModels models;
        private readonly CancellationToken cancellationToken;

        public ConstantFolder(Compilation compilation, CancellationToken cancellationToken)
        {
            models = ProjectReachability.Get(compilation).Models;
            this.cancellationToken = cancellationToken;
        }

        public bool TryFold(IOperation? operation, out FoldedValue value) => TryFold(operation, 0, out value);

        private bool TryFold(IOperation? operation, int depth, out FoldedValue value)
        {
            value = default;
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            switch (operation)
            {
                case IFieldReferenceOperation field:
                    return TryFoldField(field, depth, out value);
                case IPropertyReferenceOperation property:
                    return TryFoldProperty(property, depth, out value);
                case ILocalReferenceOperation local:
                    return TryFoldLocal(local, depth, out value);
            }

            if (operation.ConstantValue is { HasValue: true, Value: { } constant })
            {
                return TryNumber(constant, out value);
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    if (!TryFold(conversion.Operand, depth + 1, out value))
                    {
                        return false;
                    }

                    if (value.Kind == FoldedKind.Number && IsIntegral(conversion.Type))
                    {
                        value = value with { Value = System.Math.Truncate(value.Value) };
                    }

                    return true;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus } unary:
                    if (!TryFold(unary.Operand, depth + 1, out value) || value.Unbounded)
                    {
                        return false;
                    }

                    value = unary.OperatorKind == UnaryOperatorKind.Minus ? value with { Value = -value.Value } : value;
                    return true;
                case IBinaryOperation binary:
                    return TryFoldBinary(binary, depth, out value);
                case IInvocationOperation invocation when IsTimeSpan(invocation.TargetMethod.ContainingType) && invocation.TargetMethod.IsStatic:
                    return TryFoldTimeSpanFactory(invocation.TargetMethod.Name, invocation.Arguments, depth, out value);
                case IObjectCreationOperation { Constructor: { } constructor } creation when IsTimeSpan(constructor.ContainingType):
                    return TryFoldTimeSpanFactory(null, creation.Arguments, depth, out value);
                default:
                    return false;
            }
        }

        private bool TryFoldBinary(IBinaryOperation binary, int depth, out FoldedValue value)
        {
            value = default;
            if (!TryFold(binary.LeftOperand, depth + 1, out var left) || !TryFold(binary.RightOperand, depth + 1, out var right) ||
                left.Unbounded || right.Unbounded)
            {
                return false;
            }

            var kind = left.Kind == FoldedKind.Duration || right.Kind == FoldedKind.Duration ? FoldedKind.Duration : FoldedKind.Number;
            double? result = (binary.OperatorKind, left.Kind, right.Kind) switch
            {
                (BinaryOperatorKind.Add, var l, var r) when l == r => left.Value + right.Value,
                (BinaryOperatorKind.Subtract, var l, var r) when l == r => left.Value - right.Value,
                (BinaryOperatorKind.Multiply, var l, var r) when l == FoldedKind.Number || r == FoldedKind.Number => left.Value * right.Value,
                (BinaryOperatorKind.Divide, _, FoldedKind.Number) when right.Value != 0 => IsIntegral(binary.Type) ? System.Math.Truncate(left.Value / right.Value) : left.Value / right.Value,
                _ => null,
            };
            if (result is not double folded)
            {
                return false;
            }

            value = new FoldedValue(kind, folded, false, left.Origin ?? right.Origin);
            return true;
        }

        /// <summary>
        /// <c>TimeSpan.FromX(…)</c> (a null <paramref name="factory"/>: a <c>TimeSpan</c> constructor). Each argument's
        /// unit is its parameter's name (<c>days</c> … <c>ticks</c>), as in every overload since .NET 9; the older
        /// single-argument overloads name it <c>value</c>, and the method says the unit.
        /// </summary>
        private bool TryFoldTimeSpanFactory(string? factory, IEnumerable<IArgumentOperation> arguments, int depth, out FoldedValue value)
        {
            value = default;
            var total = 0.0;
            var any = false;
            foreach (var argument in arguments)
            {
                var unit = argument.Parameter?.Name switch
                {
                    "value" => MillisecondsPer(factory),
                    var name => MillisecondsPer(name),
                };
                if (unit is not double perUnit || !TryFold(argument.Value, depth + 1, out var part) || part.Kind != FoldedKind.Number)
                {
                    return false;
                }

                total += part.Value * perUnit;
                any = true;
            }

            if (!any)
            {
                return false;
            }

            value = FoldedValue.Duration(total);
            return true;
        }

        private static double? MillisecondsPer(string? unit) => unit switch
        {
            "days" or "FromDays" => 86_400_000,
            "hours" or "FromHours" => 3_600_000,
            "minutes" or "FromMinutes" => 60_000,
            "seconds" or "FromSeconds" => 1_000,
            "milliseconds" or "FromMilliseconds" => 1,
            "microseconds" or "FromMicroseconds" => 0.001,
            "ticks" or "FromTicks" => MillisecondsPerTick,
            _ => null,
        };

        private bool TryFoldField(IFieldReferenceOperation reference, int depth, out FoldedValue value)
        {
            value = default;
            var field = reference.Field;
            if (IsTimeSpan(field.ContainingType))
            {
                switch (field.Name)
                {
                    case "Zero":
                        value = FoldedValue.Duration(0);
                        return true;
                    case "MaxValue":
                        value = FoldedValue.UnboundedDuration;
                        return true;
                    default:
                        return false;
                }
            }

            if (field.Name == "InfiniteTimeSpan" && field.ContainingType?.ToDisplayString() == "System.Threading.Timeout")
            {
                value = FoldedValue.UnboundedDuration;
                return true;
            }

            var declaration = field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            if (field.HasConstantValue)
            {
                return TryNumber(field.ConstantValue, out value) && Named(ref value, declaration);
            }

            // A static readonly field is assigned by its initializer (a static constructor could overwrite it: rare enough).
            if (!field.IsStatic || !field.IsReadOnly || declaration?.Initializer?.Value is not { } initializer)
            {
                return false;
            }

            return TryFold(models.For(initializer.SyntaxTree).GetOperation(initializer, cancellationToken), depth + 1, out value) && Named(ref value, declaration);
        }

        private bool TryFoldProperty(IPropertyReferenceOperation reference, int depth, out FoldedValue value)
        {
            value = default;
            var property = reference.Property;
            if (IsTimeSpan(property.ContainingType) && reference.Instance is { } instance)
            {
                var unit = property.Name switch
                {
                    "TotalDays" => 86_400_000,
                    "TotalHours" => 3_600_000,
                    "TotalMinutes" => 60_000,
                    "TotalSeconds" => 1_000,
                    "TotalMilliseconds" => 1,
                    "Ticks" => MillisecondsPerTick,
                    _ => 0.0,
                };
                if (unit == 0 || !TryFold(instance, depth + 1, out var duration) || duration.Unbounded)
                {
                    return false;
                }

                value = new FoldedValue(FoldedKind.Number, duration.Value / unit, false, duration.Origin);
                return true;
            }

            // A static get-only property: initialised once, or computed by an expression body from constants.
            if (!property.IsStatic || property.SetMethod is not null ||
                property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                return false;
            }

            var code = declaration.Initializer?.Value ?? declaration.ExpressionBody?.Expression;
            if (code is null)
            {
                return false;
            }

            return TryFold(models.For(code.SyntaxTree).GetOperation(code, cancellationToken), depth + 1, out value) && Named(ref value, declaration.Identifier.GetLocation());
        }

        /// <summary>A local assigned only where it is declared: <c>var delay = TimeSpan.FromMinutes(5);</c>.</summary>
        private bool TryFoldLocal(ILocalReferenceOperation reference, int depth, out FoldedValue value)
        {
            value = default;
            var local = reference.Local;
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            if (local.HasConstantValue)
            {
                return TryNumber(local.ConstantValue, out value) && Named(ref value, declaration);
            }

            if (declaration?.Initializer?.Value is not { } initializer || local.IsRef || IsWrittenAfterDeclaration(declaration))
            {
                return false;
            }

            return TryFold(models.For(initializer.SyntaxTree).GetOperation(initializer, cancellationToken), depth + 1, out value) && Named(ref value, declaration);
        }

        /// <summary>Any assignment, increment, or <c>ref</c>/<c>out</c> use of the local's name in the code that declares it.</summary>
        private static bool IsWrittenAfterDeclaration(VariableDeclaratorSyntax declaration)
        {
            var name = declaration.Identifier.ValueText;
            SyntaxNode? scope = declaration;
            while (scope is not null && scope is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax))
            {
                scope = scope.Parent;
            }

            foreach (var node in (scope ?? declaration).DescendantNodes())
            {
                var written = node switch
                {
                    AssignmentExpressionSyntax assignment => assignment.Left,
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                    PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                    ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument => argument.Expression,
                    _ => null,
                };
                if (written is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Named(ref FoldedValue value, SyntaxNode? declaration) => Named(ref value, declaration?.GetLocation());

        private static bool Named(ref FoldedValue value, Location? declaration)
        {
            if (declaration is not null)
            {
                value = value.From(declaration);
            }

            return true;
        }

        private static bool TryNumber(object? constant, out FoldedValue value)
        {
            switch (constant)
            {
                case int or long or short or sbyte or byte or ushort or uint or ulong or float or double or decimal:
                    value = FoldedValue.Number(System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture));
                    return true;
                default:
                    value = default;
                    return false;
            }
        }

        private static bool IsTimeSpan(ITypeSymbol? type) => type?.SpecialType == SpecialType.None && type.ToDisplayString() == "System.TimeSpan";

        private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is
            SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte or
            SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
    }
}
