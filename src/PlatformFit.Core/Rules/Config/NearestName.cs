using System;
using System.Collections.Generic;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>"Did you mean": the candidate closest to a name that was not found, when one is close enough to be a typo.</summary>
    public static class NearestName
    {
        /// <summary>
        /// The candidate equal to <paramref name="wanted"/> ignoring case, else the one with the smallest edit
        /// distance (ignoring case, ties broken by ordinal order) within a third of the name's length (at least 2).
        /// </summary>
        public static string? Find(string wanted, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, wanted, StringComparison.Ordinal))
                {
                    continue;
                }

                if (string.Equals(candidate, wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return candidate;
                }

                var distance = EditDistance(wanted, candidate);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? best : null;
        }

        /// <summary>Levenshtein distance, case-insensitive.</summary>
        public static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var left = char.ToUpperInvariant(a[i - 1]);
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (left == char.ToUpperInvariant(b[j - 1]) ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
