using System.Collections.Generic;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// PF3103 (cfn-lint E3505): a queue that feeds the unit hides a received message for less time than the unit may
    /// run, so SQS delivers it again while it is still being processed. Needs the queue's declared visibility
    /// timeout; a queue named only by its ARN (Serverless <c>sqs</c> events) leaves it unknown, and the rule silent.
    /// </summary>
    public static class QueueVisibilityShorterThanTimeout
    {
        public static IEnumerable<ConfigFinding> Check(DeploymentUnit unit, ConfigSpanDisplay display)
        {
            if (!unit.TimeoutSeconds.TryGetValue(out var timeoutSeconds))
            {
                yield break;
            }

            foreach (var door in unit.FrontDoors)
            {
                if (door.Kind != FrontDoorKind.Queue || !door.QueueVisibilityTimeoutSeconds.TryGetValue(out var visibilitySeconds) || visibilitySeconds >= timeoutSeconds)
                {
                    continue;
                }

                var visibility = door.QueueVisibilityTimeoutSeconds;
                var primary = visibility.Span ?? door.Span;
                var related = new List<ConfigSpan>();
                if (unit.TimeoutSeconds.Span is { } timeoutSpan)
                {
                    related.Add(timeoutSpan);
                }

                if (!ReferenceEquals(primary, door.Span))
                {
                    related.Add(door.Span);
                }

                yield return new ConfigFinding(
                    RuleCatalog.PF3103,
                    unit,
                    primary,
                    related,
                    new[]
                    {
                        door.Route is { Length: > 0 } route ? $"queue '{route}'" : $"the queue of the '{door.Source}' event at {display(door.Span)}",
                        MessageText.Number(visibilitySeconds),
                        visibility.Span is null ? "the queue's default" : MessageText.Origin(visibility, display),
                        MessageText.Number(timeoutSeconds),
                        unit.Name,
                        MessageText.Origin(unit.TimeoutSeconds, display, unit),
                    });
            }
        }
    }
}
