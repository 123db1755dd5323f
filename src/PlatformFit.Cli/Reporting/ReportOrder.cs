using System;
using System.Collections.Generic;
using PlatformFit.Cli.Scanning;

namespace PlatformFit.Cli.Reporting
{
    /// <summary>The one order every report lists findings and notifications in, so that output does not depend on the order work finished in.</summary>
    internal static class ReportOrder
    {
        /// <summary>Path, line, column, rule id, message, then the end of the span (ordinal, culture-free).</summary>
        public static IComparer<Finding> Findings { get; } = Comparer<Finding>.Create(CompareFindings);

        /// <summary>Notifications without a file first, then by path, line, column, id and message.</summary>
        public static IComparer<ToolNotification> Notifications { get; } = Comparer<ToolNotification>.Create(CompareNotifications);

        private static int CompareFindings(Finding? left, Finding? right)
        {
            if (ReferenceEquals(left, right))
            {
                return 0;
            }

            if (left is null)
            {
                return -1;
            }

            if (right is null)
            {
                return 1;
            }

            var order = CompareLocations(left.Primary, right.Primary);
            if (order == 0)
            {
                order = string.CompareOrdinal(left.RuleId, right.RuleId);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(left.Message, right.Message);
            }

            if (order == 0)
            {
                order = left.Primary.EndLine.CompareTo(right.Primary.EndLine);
            }

            if (order == 0)
            {
                order = left.Primary.EndColumn.CompareTo(right.Primary.EndColumn);
            }

            return order;
        }

        private static int CompareNotifications(ToolNotification? left, ToolNotification? right)
        {
            if (ReferenceEquals(left, right))
            {
                return 0;
            }

            if (left is null)
            {
                return -1;
            }

            if (right is null)
            {
                return 1;
            }

            var order = (left.Location, right.Location) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                var (l, r) => CompareLocations(l, r),
            };

            if (order == 0)
            {
                order = string.CompareOrdinal(left.Id, right.Id);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(left.Message, right.Message);
            }

            return order;
        }

        private static int CompareLocations(SourceLocation left, SourceLocation right)
        {
            var order = string.CompareOrdinal(left.Path, right.Path);
            if (order == 0)
            {
                order = left.StartLine.CompareTo(right.StartLine);
            }

            if (order == 0)
            {
                order = left.StartColumn.CompareTo(right.StartColumn);
            }

            return order;
        }
    }
}
