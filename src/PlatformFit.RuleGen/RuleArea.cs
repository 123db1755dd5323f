using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.RuleGen
{
    /// <summary>
    /// The id ranges of rules/README.md: the first digit of an id is its area, and the area is the rule's category.
    /// A test keeps this table and that README in step.
    /// </summary>
    internal sealed record RuleArea(char Digit, string Category)
    {
        public static IReadOnlyList<RuleArea> All { get; } = new[]
        {
            new RuleArea('1', "Connections"),
            new RuleArea('2', "State"),
            new RuleArea('3', "Limits"),
            new RuleArea('4', "Wiring"),
            new RuleArea('5', "Efficiency"),
            new RuleArea('9', "Tool"),
        };

        public static RuleArea? ForId(string id) =>
            id.Length > 2 ? All.FirstOrDefault(area => area.Digit == id[2]) : null;
    }
}
