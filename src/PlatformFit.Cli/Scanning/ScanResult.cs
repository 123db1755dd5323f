using System.Collections.Generic;
using PlatformFit.Core.Rules;

namespace PlatformFit.Cli.Scanning
{
    /// <summary>The level a finding is reported at, after the user's configuration.</summary>
    internal enum FindingLevel
    {
        Note,
        Warning,
        Error,
    }

    /// <summary>A place in a file of the scanned repository: a repo-relative path with '/' separators, 1-based positions.</summary>
    internal sealed record SourceLocation(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public override string ToString() => $"{Path}({StartLine},{StartColumn})";
    }

    /// <summary>A config line that makes a finding a problem; <see cref="Id"/> is what the message links to.</summary>
    internal sealed record RelatedLocation(int Id, SourceLocation Location, string Label);

    /// <summary>One step of the call path from the entry point to the code that matters.</summary>
    internal sealed record FlowStep(SourceLocation Location, string Message);

    /// <summary>How a finding was suppressed in source (<c>#pragma</c>, <c>[SuppressMessage]</c>) or by configuration.</summary>
    internal sealed record FindingSuppression(string Kind, string? Justification);

    /// <summary>One result of a scan, ready for any reporter.</summary>
    internal sealed record Finding(string RuleId, FindingLevel Level, string Message, SourceLocation Primary)
    {
        /// <summary>The config lines behind the finding; the message names each by its display text.</summary>
        public IReadOnlyList<RelatedLocation> Related { get; init; } = System.Array.Empty<RelatedLocation>();

        /// <summary>Entry point → … → trait; empty when there is no call path to show.</summary>
        public IReadOnlyList<FlowStep> Flow { get; init; } = System.Array.Empty<FlowStep>();

        /// <summary>The deployment unit the finding is about, e.g. <c>chat</c>.</summary>
        public string? Unit { get; init; }

        /// <summary>The platform profile id, e.g. <c>aws-lambda</c>.</summary>
        public string? Platform { get; init; }

        /// <summary>Set when the finding is suppressed; reporters omit it unless asked to include suppressed findings.</summary>
        public FindingSuppression? Suppression { get; init; }
    }

    /// <summary>A file that could not be read or parsed, or an analysis that failed: the scan went on without it.</summary>
    internal sealed record ToolNotification(string Message, FindingLevel Level)
    {
        /// <summary>The file it is about, repo-relative; null for scan-wide notes.</summary>
        public SourceLocation? Location { get; init; }

        /// <summary>A stable id for the kind of notification, e.g. <c>PF9001</c> for an unreadable config.</summary>
        public string? Id { get; init; }
    }

    /// <summary>Everything a scan produced, deterministic and free of absolute paths.</summary>
    internal sealed class ScanResult
    {
        public ScanResult(IReadOnlyList<RuleMetadata> rules, IReadOnlyList<Finding> findings, IReadOnlyList<ToolNotification> notifications)
        {
            Rules = rules;
            Findings = findings;
            Notifications = notifications;
        }

        /// <summary>Every rule the scan ran, sorted by id.</summary>
        public IReadOnlyList<RuleMetadata> Rules { get; }

        /// <summary>Sorted by path, line, column, rule id.</summary>
        public IReadOnlyList<Finding> Findings { get; }

        public IReadOnlyList<ToolNotification> Notifications { get; }

        /// <summary>False when something the scan needed could not be read: the result may be incomplete.</summary>
        public bool ExecutionSuccessful { get; init; } = true;
    }
}
