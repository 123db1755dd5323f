using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PlatformFit.Analyzers.Deployment;
using PlatformFit.Analyzers.Syntax;
using PlatformFit.Analyzers.Values;
using PlatformFit.Core.Rules;

namespace PlatformFit.Analyzers
{
    /// <summary>
    /// PF3002: one allocation of a constant size larger than the whole memory of a deployment unit that runs it —
    /// <c>new T[N]</c> (for element types whose size is known), <c>new MemoryStream(capacity)</c>,
    /// <c>ArrayPool&lt;T&gt;.Shared.Rent(N)</c>, <c>MemoryPool&lt;T&gt;.Shared.Rent(N)</c> and
    /// <c>GC.AllocateUninitializedArray&lt;T&gt;(N)</c> / <c>GC.AllocateArray&lt;T&gt;(N)</c>. Silent for sizes computed
    /// at run time, allocations within the memory, <c>stackalloc</c>, and code no unit runs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [TriggerNames(
        "MemoryStream", "Rent", "AllocateUninitializedArray", "AllocateArray",
        Shapes = TriggerShapes.SizedArrayCreation | TriggerShapes.UnwrittenTargetTypedNew)]
    public sealed class AllocationLargerThanMemoryAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The largest element size <see cref="ElementSizes"/> knows: a literal size below memory / this cannot exceed it.</summary>
        private const int LargestElementSize = 16;

        private static readonly ImmutableHashSet<string> AllocatingMethods = ImmutableHashSet.Create("Rent", "AllocateUninitializedArray", "AllocateArray");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.PF3002);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var deployment = ProjectDeployment.Get(context.Compilation, context.Options, context.CancellationToken);
            var units = LimitedUnits.For(deployment, RuleCatalog.PF3002.Platforms, (unit, profile) =>
                UnitLimit.Of(unit, unit.MemoryMb, profile, UnitLimit.MemoryLimit, "memory size", MegabyteText.Megabytes, deployment));
            if (units.IsEmpty)
            {
                return;
            }

            context.RegisterSyntaxNodeAction(c => AnalyzeArray(c, units), SyntaxKind.ArrayCreationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeMemoryStream(c, units), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
            context.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, units), SyntaxKind.InvocationExpression);
        }

        private static void AnalyzeArray(SyntaxNodeAnalysisContext context, LimitedUnits units)
        {
            var creation = (ArrayCreationExpressionSyntax)context.Node;
            var sizes = creation.Type.RankSpecifiers.FirstOrDefault()?.Sizes;
            if (sizes is not { Count: > 0 } || sizes.Value.Any(s => s is OmittedArraySizeExpressionSyntax) || AllSmallLiterals(sizes.Value, units))
            {
                return;
            }

            if (context.SemanticModel.GetOperation(creation, context.CancellationToken) is not IArrayCreationOperation { Type: IArrayTypeSymbol arrayType } operation ||
                ElementSizes.Of(arrayType.ElementType) is not int elementSize)
            {
                return;
            }

            var folder = new ConstantFolder(context.SemanticModel.Compilation, context.CancellationToken);
            var elements = 1.0;
            Location? origin = null;
            foreach (var dimension in operation.DimensionSizes)
            {
                if (!folder.TryFold(dimension, out var size) || size.Kind != FoldedKind.Number || size.Value <= 0)
                {
                    return;
                }

                elements *= size.Value;
                origin ??= size.Origin;
            }

            var text = $"'new {arrayType.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}[{string.Join(", ", sizes.Value.Select(s => s.ToString()))}]'";
            Check(context, units, creation, elements * elementSize, origin ?? sizes.Value[0].GetLocation(), text);
        }

        private static void AnalyzeMemoryStream(SyntaxNodeAnalysisContext context, LimitedUnits units)
        {
            var creation = (BaseObjectCreationExpressionSyntax)context.Node;
            if (creation.ArgumentList is not { Arguments.Count: 1 } || WrittenTypeName.Of(creation) is { } written && written != "MemoryStream")
            {
                return;
            }

            if (context.SemanticModel.GetOperation(creation, context.CancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation ||
                constructor.ContainingType.ToDisplayString() != "System.IO.MemoryStream" ||
                operation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "capacity") is not { } capacity)
            {
                return;
            }

            CheckCount(context, units, creation, capacity.Value, 1, "'new MemoryStream'");
        }

        private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, LimitedUnits units)
        {
            var invocation = (InvocationExpressionSyntax)context.Node;
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };
            if (name is null || !AllocatingMethods.Contains(name) || invocation.ArgumentList.Arguments.Count == 0)
            {
                return;
            }

            if (context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation { TargetMethod: var method } operation)
            {
                return;
            }

            var (element, what) = (method.ContainingType.OriginalDefinition.ToDisplayString(), method.Name) switch
            {
                ("System.Buffers.ArrayPool<T>" or "System.Buffers.MemoryPool<T>", "Rent") =>
                    (method.ContainingType.TypeArguments[0], $"'{method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}.Rent'"),
                ("System.GC", "AllocateUninitializedArray" or "AllocateArray") when method.TypeArguments.Length == 1 =>
                    (method.TypeArguments[0], $"'GC.{method.Name}<{method.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}>'"),
                _ => (null, string.Empty),
            };
            if (element is null || ElementSizes.Of(element) is not int elementSize ||
                operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { } length)
            {
                return;
            }

            CheckCount(context, units, invocation, length.Value, elementSize, what);
        }

        private static void CheckCount(SyntaxNodeAnalysisContext context, LimitedUnits units, SyntaxNode site, IOperation count, int elementSize, string what)
        {
            var folder = new ConstantFolder(context.SemanticModel.Compilation, context.CancellationToken);
            if (folder.TryFold(count, out var value) && value.Kind == FoldedKind.Number && value.Value > 0)
            {
                Check(context, units, site, value.Value * elementSize, value.Origin ?? count.Syntax.GetLocation(), what);
            }
        }

        private const string CannotSucceed = "the allocation cannot succeed there, so stream the data or raise the memory size";

        private static void Check(SyntaxNodeAnalysisContext context, LimitedUnits units, SyntaxNode site, double bytes, Location sizeOrigin, string what)
        {
            if (bytes <= units.Smallest * MegabyteText.BytesPerMegabyte)
            {
                return;
            }

            var size = MegabyteText.Bytes(bytes);
            UnitFinding.ReportFirst(
                context,
                RuleDescriptors.PF3002,
                site.GetLocation(),
                units.ExceededAt(context.SemanticModel, site, megabytes => bytes > megabytes * MegabyteText.BytesPerMegabyte, context.CancellationToken),
                e => e.Reaching,
                e => e.Limit.Related,
                $"{what} allocates {size}",
                first => new object[] { $"{what} allocates", size, CodePlace.Of(sizeOrigin), first.Reaching.Unit.Unit.Name, first.Limit.Text, CannotSucceed });
        }

        /// <summary>Sizes written as literals too small to exceed any unit's memory, whatever the element: no binding needed.</summary>
        private static bool AllSmallLiterals(SeparatedSyntaxList<ExpressionSyntax> sizes, LimitedUnits units)
        {
            var elements = 1.0;
            foreach (var size in sizes)
            {
                if (size is not LiteralExpressionSyntax { Token.Value: int literal })
                {
                    return false;
                }

                elements *= literal;
            }

            return elements * LargestElementSize <= units.Smallest * MegabyteText.BytesPerMegabyte;
        }
    }
}
