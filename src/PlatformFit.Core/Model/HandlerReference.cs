namespace PlatformFit.Core.Model
{
    /// <summary>
    /// A .NET Lambda handler string: <c>Assembly::Namespace.Type::Method</c> (class library) or <c>Assembly</c>
    /// (an executable assembly that runs the Lambda runtime client itself).
    /// </summary>
    public sealed record HandlerReference(string Assembly, string? TypeName, string? MethodName)
    {
        private static readonly string[] Separator = { "::" };

        /// <summary>The executable form: the string names only the assembly.</summary>
        public bool IsExecutable => TypeName is null;

        /// <summary>Parses a handler string; null when it has neither of the two .NET shapes.</summary>
        public static HandlerReference? Parse(string? handler)
        {
            if (handler is null)
            {
                return null;
            }

            var text = handler.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            var parts = text.Split(Separator, System.StringSplitOptions.None);
            if (parts.Length == 1)
            {
                return IsName(parts[0]) ? new HandlerReference(parts[0], null, null) : null;
            }

            if (parts.Length == 3 && IsName(parts[0]) && IsName(parts[1]) && IsName(parts[2]))
            {
                return new HandlerReference(parts[0], parts[1], parts[2]);
            }

            return null;
        }

        private static bool IsName(string part)
        {
            if (part.Length == 0)
            {
                return false;
            }

            foreach (var c in part)
            {
                if (char.IsWhiteSpace(c) || c == ':' || c == '/' || c == '\\')
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => IsExecutable ? Assembly : $"{Assembly}::{TypeName}::{MethodName}";
    }
}
