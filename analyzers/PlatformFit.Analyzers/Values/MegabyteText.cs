using System;
using System.Globalization;

namespace PlatformFit.Analyzers.Values
{
    /// <summary>
    /// Sizes in the unit Lambda states memory in: MB of 1,048,576 bytes (<c>memorySize: 1024</c> is 1 GiB), so
    /// an allocation and the memory it is compared with read in the same unit.
    /// </summary>
    internal static class MegabyteText
    {
        public const double BytesPerMegabyte = 1024 * 1024;

        public static string Bytes(double bytes) =>
            Math.Round(bytes / BytesPerMegabyte, 1).ToString("#,0.#", CultureInfo.InvariantCulture) + " MB";

        public static string Megabytes(long megabytes) => megabytes.ToString("N0", CultureInfo.InvariantCulture) + " MB";
    }
}
