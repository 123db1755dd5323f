using System;
using System.Collections.Generic;
using System.Linq;

namespace PlatformFit.Cli.Projects
{
    /// <summary>
    /// The order to build a repository's projects in: every project after the projects it references, ties broken by path,
    /// so that each compilation can reference the compilations before it. A reference cycle (which MSBuild refuses to
    /// build) is reported and broken at one reference, so every project is still analysed.
    /// </summary>
    internal sealed class ProjectGraph
    {
        private ProjectGraph(IReadOnlyList<ProjectInfo> buildOrder, IReadOnlyList<ProjectProblem> problems)
        {
            BuildOrder = buildOrder;
            Problems = problems;
        }

        /// <summary>Dependencies first; deterministic for the same set of projects in any input order.</summary>
        public IReadOnlyList<ProjectInfo> BuildOrder { get; }

        /// <summary>One warning per broken cycle, on the project whose reference was ignored.</summary>
        public IReadOnlyList<ProjectProblem> Problems { get; }

        /// <param name="projects">Duplicates (same path) count once; references to projects not in the set are ignored.</param>
        /// <param name="repositoryRoot">Messages name projects relative to it.</param>
        public static ProjectGraph Create(IEnumerable<ProjectInfo> projects, string? repositoryRoot = null)
        {
            var byPath = new Dictionary<string, ProjectInfo>(ProjectPaths.Comparer);
            foreach (var project in projects)
            {
                byPath.TryAdd(project.ProjectFilePath, project);
            }

            // Edges point from a project to the projects it references; references outside the set are not edges.
            var remainingDependencies = new Dictionary<string, SortedSet<string>>(ProjectPaths.Comparer);
            var dependents = new Dictionary<string, List<string>>(ProjectPaths.Comparer);
            foreach (var (path, project) in byPath)
            {
                remainingDependencies[path] = new SortedSet<string>(project.ProjectReferences.Where(byPath.ContainsKey), StringComparer.Ordinal);
                dependents[path] = new List<string>();
            }

            foreach (var (path, dependencies) in remainingDependencies)
            {
                foreach (var dependency in dependencies)
                {
                    dependents[dependency].Add(path);
                }
            }

            var unfinished = new SortedSet<string>(byPath.Keys, StringComparer.Ordinal);
            var ready = new SortedSet<string>(unfinished.Where(path => remainingDependencies[path].Count == 0), StringComparer.Ordinal);
            var order = new List<ProjectInfo>(byPath.Count);
            var problems = new List<ProjectProblem>();
            while (unfinished.Count > 0)
            {
                if (ready.Count == 0)
                {
                    var (from, message) = BreakCycle(unfinished.Min!, remainingDependencies, repositoryRoot);
                    problems.Add(ProjectProblem.Warning(from, message));
                    if (remainingDependencies[from].Count == 0)
                    {
                        ready.Add(from);
                    }

                    continue;
                }

                var next = ready.Min!;
                ready.Remove(next);
                unfinished.Remove(next);
                order.Add(byPath[next]);
                foreach (var dependent in dependents[next])
                {
                    var dependencies = remainingDependencies[dependent];
                    if (dependencies.Remove(next) && dependencies.Count == 0 && unfinished.Contains(dependent))
                    {
                        ready.Add(dependent);
                    }
                }
            }

            return new ProjectGraph(order, problems);
        }

        /// <summary>
        /// Every unfinished project still waits on an unfinished one, so following the smallest remaining reference from any
        /// of them must come back round: that loop is a cycle, and its last reference is dropped.
        /// </summary>
        private static (string From, string Message) BreakCycle(string start, Dictionary<string, SortedSet<string>> remainingDependencies, string? repositoryRoot)
        {
            var path = new List<string>();
            var positions = new Dictionary<string, int>(ProjectPaths.Comparer);
            var current = start;
            while (!positions.ContainsKey(current))
            {
                positions[current] = path.Count;
                path.Add(current);
                current = remainingDependencies[current].Min!;
            }

            var cycle = path.Skip(positions[current]).Append(current).Select(project => ProjectPaths.ToDisplayPath(project, repositoryRoot)).ToArray();
            var from = path[^1];
            remainingDependencies[from].Remove(current);
            var message = $"Project references form a cycle ({string.Join(" → ", cycle)}), which MSBuild cannot build; "
                + $"the reference from {cycle[^2]} to {cycle[^1]} is ignored, so its types resolve by name only.";
            return (from, message);
        }
    }
}
