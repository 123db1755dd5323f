namespace PlatformFit.RuleGen
{
    /// <summary>A value read from a rule file with the line it was read from, so that a problem can point at it.</summary>
    internal sealed record Located<T>(T Value, int Line);
}
