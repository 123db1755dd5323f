using System;
using System.Linq;
using PlatformFit.Cli.Projects;
using PlatformFit.Core.Model;

namespace PlatformFit.Cli.Tests.Projects
{
    public sealed class ProjectGraphTests
    {
        [Fact]
        public void Projects_come_after_the_projects_they_reference()
        {
            var api = Project("/repo/src/Api/Api.csproj", "/repo/src/Domain/Domain.csproj", "/repo/src/Data/Data.csproj");
            var data = Project("/repo/src/Data/Data.csproj", "/repo/src/Domain/Domain.csproj");
            var domain = Project("/repo/src/Domain/Domain.csproj");
            var tests = Project("/repo/tests/Api.Tests/Api.Tests.csproj", "/repo/src/Api/Api.csproj", "/repo/external/NotInTheSet.csproj");

            var forwards = ProjectGraph.Create(new[] { tests, api, data, domain }, "/repo");
            var backwards = ProjectGraph.Create(new[] { domain, data, api, tests }, "/repo");

            Assert.Equal(new[] { domain, data, api, tests }, forwards.BuildOrder);
            Assert.Equal(forwards.BuildOrder, backwards.BuildOrder);
            Assert.Empty(forwards.Problems);
        }

        [Fact]
        public void Independent_projects_are_ordered_by_path()
        {
            var b = Project("/repo/b/B.csproj");
            var a = Project("/repo/a/A.csproj");
            var c = Project("/repo/c/C.csproj");

            var graph = ProjectGraph.Create(new[] { c, a, b, a });

            Assert.Equal(new[] { a, b, c }, graph.BuildOrder);
        }

        [Fact]
        public void A_reference_cycle_is_reported_and_broken_so_every_project_is_still_built()
        {
            var a = Project("/repo/A/A.csproj", "/repo/B/B.csproj");
            var b = Project("/repo/B/B.csproj", "/repo/A/A.csproj");
            var c = Project("/repo/C/C.csproj", "/repo/A/A.csproj");

            var graph = ProjectGraph.Create(new[] { c, b, a }, "/repo");

            Assert.Equal(new[] { b, a, c }, graph.BuildOrder);
            var problem = Assert.Single(graph.Problems);
            Assert.Equal(ProblemLevel.Warning, problem.Level);
            Assert.Equal("/repo/B/B.csproj", problem.Path);
            Assert.Contains("A/A.csproj → B/B.csproj → A/A.csproj", problem.Message, StringComparison.Ordinal);
            Assert.Contains("reference from B/B.csproj to A/A.csproj is ignored", problem.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_project_referencing_itself_is_a_cycle()
        {
            var self = Project("/repo/Self/Self.csproj", "/repo/Self/Self.csproj");

            var graph = ProjectGraph.Create(new[] { self }, "/repo");

            Assert.Equal(new[] { self }, graph.BuildOrder);
            Assert.Single(graph.Problems);
        }

        [Fact]
        public void Two_cycles_are_two_problems()
        {
            var projects = new[]
            {
                Project("/repo/A.csproj", "/repo/B.csproj"),
                Project("/repo/B.csproj", "/repo/C.csproj"),
                Project("/repo/C.csproj", "/repo/A.csproj"),
                Project("/repo/X.csproj", "/repo/Y.csproj", "/repo/A.csproj"),
                Project("/repo/Y.csproj", "/repo/X.csproj"),
            };

            var graph = ProjectGraph.Create(projects, "/repo");

            Assert.Equal(5, graph.BuildOrder.Count);
            Assert.Equal(2, graph.Problems.Count);
            Assert.True(
                graph.BuildOrder.ToList().FindIndex(project => project.ProjectName == "X")
                > graph.BuildOrder.ToList().FindIndex(project => project.ProjectName == "A"));
        }

        private static ProjectInfo Project(string path, params string[] references) => new()
        {
            ProjectFilePath = path,
            ProjectDirectory = System.IO.Path.GetDirectoryName(path)!,
            ProjectName = System.IO.Path.GetFileNameWithoutExtension(path),
            AssemblyName = System.IO.Path.GetFileNameWithoutExtension(path),
            RootNamespace = System.IO.Path.GetFileNameWithoutExtension(path),
            OutputType = "Library",
            ProjectReferences = references,
        };
    }
}
