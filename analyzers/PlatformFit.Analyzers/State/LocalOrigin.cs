using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// Where a local variable gets its value where it is declared: its initializer, the collection a
    /// <c>foreach</c> walks, the call that fills an <c>out var</c>, the value a pattern tests, the right side of a
    /// deconstruction. Later assignments are not followed: the rules that use this stay on the side of silence.
    /// </summary>
    internal static class LocalOrigin
    {
        public static IOperation? Of(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                var origin = reference.GetSyntax(cancellationToken) switch
                {
                    VariableDeclaratorSyntax { Initializer: { } initializer } => initializer.Value,
                    ForEachStatementSyntax forEach => forEach.Expression,
                    SingleVariableDesignationSyntax designation => DesignationOrigin(designation),
                    _ => null,
                };
                // 'x!' and '(x)' have no operation of their own.
                while (origin is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } or ParenthesizedExpressionSyntax)
                {
                    origin = origin is PostfixUnaryExpressionSyntax suppressed ? suppressed.Operand : ((ParenthesizedExpressionSyntax)origin).Expression;
                }

                if (origin is not null)
                {
                    return model.GetOperation(origin, cancellationToken);
                }
            }

            return null;
        }

        private static SyntaxNode? DesignationOrigin(SyntaxNode designation)
        {
            for (var current = designation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case ArgumentSyntax { Parent: { Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax } arguments }:
                        return arguments.Parent;
                    case IsPatternExpressionSyntax isPattern:
                        return isPattern.Expression;
                    case SwitchExpressionSyntax switchExpression:
                        return switchExpression.GoverningExpression;
                    case SwitchStatementSyntax switchStatement:
                        return switchStatement.Expression;
                    case AssignmentExpressionSyntax assignment:
                        return assignment.Right;
                    case ForEachVariableStatementSyntax forEach:
                        return forEach.Expression;
                    case StatementSyntax or LambdaExpressionSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
