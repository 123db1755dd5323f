using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PlatformFit.Analyzers.Syntax
{
    /// <summary>
    /// The simple name the code writes for a type (<c>Amazon.S3.AmazonS3Client</c> → <c>AmazonS3Client</c>), so that
    /// analyzers can skip a creation by its name before binding anything.
    /// </summary>
    internal static class WrittenTypeName
    {
        public static string? Of(TypeSyntax? type) => type switch
        {
            QualifiedNameSyntax qualified => Of(qualified.Right),
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            NullableTypeSyntax nullable => Of(nullable.ElementType),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// The name of the type an object creation makes, as far as the syntax says: <c>new HttpClient()</c>, or for
        /// <c>new()</c> the declared type of the field or variable it initialises. Null when only binding can tell
        /// (<c>client = new();</c>, a target-typed argument, <c>var</c>).
        /// </summary>
        public static string? Of(BaseObjectCreationExpressionSyntax creation) => creation switch
        {
            ObjectCreationExpressionSyntax explicitType => Of(explicitType.Type),
            { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: false } declared } } } } => Of(declared),
            { Parent: EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } } => Of(property.Type),
            _ => null,
        };
    }
}
