using System.Collections.Generic;
using System.Linq;
using PlatformFit.Core.Model;

namespace PlatformFit.Core.Rules.Config
{
    /// <summary>
    /// Units that share one config value (a runtime or architecture set once under <c>provider</c> or
    /// <c>Globals</c>), so a problem with that value is reported once, naming every function it affects.
    /// </summary>
    internal static class UnitGroups
    {
        public static IEnumerable<List<DeploymentUnit>> BySpan<T>(IEnumerable<DeploymentUnit> units, System.Func<DeploymentUnit, ConfigValue<T>> value)
        {
            var groups = new List<List<DeploymentUnit>>();
            var index = new Dictionary<(string Platform, ConfigSpan? Span, string Key), List<DeploymentUnit>>();
            foreach (var unit in units)
            {
                var configValue = value(unit);
                var key = (unit.Platform, configValue.Span ?? unit.Declaration, configValue.ToString());
                if (!index.TryGetValue(key, out var group))
                {
                    group = new List<DeploymentUnit>();
                    index[key] = group;
                    groups.Add(group);
                }

                group.Add(unit);
            }

            return groups;
        }

        /// <summary><c>Function 'api'</c>, <c>Functions 'api' and 'jobs'</c>, <c>Functions 'a', 'b' and 'c'</c>.</summary>
        public static string Subject(IReadOnlyList<DeploymentUnit> units)
        {
            var names = units.Select(u => $"'{u.Name}'").Distinct().ToList();
            return names.Count == 1
                ? $"Function {names[0]}"
                : $"Functions {string.Join(", ", names.Take(names.Count - 1))} and {names[names.Count - 1]}";
        }
    }
}
