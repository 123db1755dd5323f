using Microsoft.CodeAnalysis;

namespace PlatformFit.Analyzers.Values
{
    /// <summary>
    /// How many bytes one array element takes on a 64-bit runtime (Lambda runs x86_64 and arm64): primitives and
    /// enums by their size, references by the pointer size, and a few well-known structs. Other structs are not
    /// guessed: an allocation of them is not measured.
    /// </summary>
    internal static class ElementSizes
    {
        private const int PointerSize = 8;

        public static int? Of(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                return Of(underlying);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Boolean:
                    return 1;
                case SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16:
                    return 2;
                case SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single:
                    return 4;
                case SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double or SpecialType.System_DateTime
                    or SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                    return 8;
                case SpecialType.System_Decimal:
                    return 16;
            }

            if (type.TypeKind == TypeKind.Error || type is ITypeParameterSymbol)
            {
                return null;
            }

            if (type.IsReferenceType || type.TypeKind == TypeKind.Pointer)
            {
                return PointerSize;
            }

            return type.ToDisplayString() switch
            {
                "System.TimeSpan" => 8,
                "System.Guid" or "System.DateTimeOffset" or "System.Int128" or "System.UInt128" => 16,
                "System.Half" => 2,
                _ => null,
            };
        }
    }
}
