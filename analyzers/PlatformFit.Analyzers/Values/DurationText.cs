using System;
using System.Collections.Generic;
using System.Globalization;

namespace PlatformFit.Analyzers.Values
{
    /// <summary>A duration the way a person reads it in a message: <c>250 ms</c>, <c>45 s</c>, <c>5 min 30 s</c>, <c>2 h</c>.</summary>
    internal static class DurationText
    {
        public static string Format(double milliseconds)
        {
            if (milliseconds < 1_000)
            {
                return Number(milliseconds) + " ms";
            }

            var parts = new List<string>();
            var rest = milliseconds;
            var days = Math.Floor(rest / 86_400_000);
            rest -= days * 86_400_000;
            var hours = Math.Floor(rest / 3_600_000);
            rest -= hours * 3_600_000;
            var minutes = Math.Floor(rest / 60_000);
            rest -= minutes * 60_000;
            var seconds = rest / 1_000;
            Add(parts, days, "d");
            Add(parts, hours, "h");
            Add(parts, minutes, "min");
            if (seconds >= 0.001)
            {
                parts.Add(Number(seconds) + " s");
            }

            return string.Join(" ", parts);
        }

        /// <summary>Whole seconds, as configs state timeouts: <c>30 s</c>.</summary>
        public static string Seconds(long seconds) => seconds.ToString("N0", CultureInfo.InvariantCulture) + " s";

        private static void Add(List<string> parts, double amount, string unit)
        {
            if (amount > 0)
            {
                parts.Add(amount.ToString("N0", CultureInfo.InvariantCulture) + " " + unit);
            }
        }

        private static string Number(double value) => Math.Round(value, 3).ToString("#,0.###", CultureInfo.InvariantCulture);
    }
}
