using System;
using System.Globalization;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// The date runtime lifecycles are judged at. It is an input of every scan (the CLI's <c>--as-of</c>, the build's
    /// <c>PlatformFitAsOf</c>), never the clock, so that a scan of the same input gives the same findings on any day.
    /// </summary>
    public static class ScanDate
    {
        public const string Format = "yyyy-MM-dd";

        /// <summary>Reads a <c>yyyy-MM-dd</c> date; false for anything else, so a malformed value turns the date rules off.</summary>
        public static bool TryParse(string? text, out DateTime date)
        {
            date = default;
            return text is not null
                && DateTime.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
        }

        public static string ToText(DateTime date) => date.ToString(Format, CultureInfo.InvariantCulture);
    }
}
