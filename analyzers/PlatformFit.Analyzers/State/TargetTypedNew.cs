using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// The type a target-typed <c>new(…)</c> creates, as the declaration around it names it
    /// (<c>FileStream stream = new(…)</c>, <c>static readonly Timer Flush = new(…)</c>, a property initializer):
    /// a syntactic filter, so that rules bind only the creations whose type could matter to them.
    /// </summary>
    internal static class TargetTypedNew
    {
        /// <summary>The declared type's simple name, or null where the syntax does not name it.</summary>
        public static string? DeclaredTypeName(ImplicitObjectCreationExpressionSyntax creation)
        {
            var type = creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
                EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
                _ => null,
            };
            if (type is NullableTypeSyntax nullable)
            {
                type = nullable.ElementType;
            }

            return type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
