using System;
using System.Globalization;
using PlatformFit.Core.Model;
using PlatformFit.Core.Platforms;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF3002, config half: the GC heap hard limit a unit's environment sets (<c>DOTNET_GCHeapHardLimit</c>, read by the
    /// runtime as hexadecimal bytes) is larger than the unit's memory, so the heap may grow past what the function has
    /// and the environment runs out of memory before the GC collects (PLATFORMS.md PF-MEM-04, N1). Reported on the
    /// variable's value; silent when either number is unknown, the value is not a hexadecimal number, or the unit is
    /// (or may be) on managed instances, where the standard memory quota does not hold.
    /// </summary>
    public static class GcHeapLimitBeyondMemory
    {
        private const long BytesPerMegabyte = 1024 * 1024;

        public static ConfigFinding? Check(DeploymentUnit unit, PlatformProfile profile, ConfigSpanDisplay display)
        {
            if (!unit.GcHeapHardLimit.TryGetValue(out var variable) || unit.GcHeapHardLimit.Span is not { } span
                || !TryParseBytes(variable.Value, out var bytes) || !unit.MemoryMb.TryGetValue(out var memoryMb)
                || !profile.LimitBinds(unit, "memory-mb")
                || bytes <= memoryMb * BytesPerMegabyte)
            {
                return null;
            }

            var memory = unit.MemoryMb.Span is null
                ? $"{MessageText.Origin(unit.MemoryMb, display, unit)} of {MessageText.Number(memoryMb)} MB (no memory size is set at {display(unit.Declaration)})"
                : $"{MessageText.Number(memoryMb)} MB ({MessageText.Origin(unit.MemoryMb, display, unit)})";
            var related = unit.MemoryMb.Span ?? unit.Declaration;
            return new ConfigFinding(RuleCatalog.PF3002, unit, span, new[] { related }, new[]
            {
                $"{variable.Name} lets the GC heap grow to",
                Megabytes(bytes),
                MessageText.Origin(unit.GcHeapHardLimit, display, unit),
                unit.Name,
                memory,
                "the environment runs out of memory before the GC collects, so set the limit below the memory size or remove it",
            });
        }

        /// <summary>The runtime reads GC settings from the environment as hexadecimal, with or without <c>0x</c>.</summary>
        public static bool TryParseBytes(string text, out long bytes)
        {
            var digits = text.Trim();
            if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                digits = digits.Substring(2);
            }

            return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes) && bytes > 0;
        }

        private static string Megabytes(long bytes)
        {
            var megabytes = (double)bytes / BytesPerMegabyte;
            return $"{megabytes.ToString("#,0.#", CultureInfo.InvariantCulture)} MB";
        }
    }
}
