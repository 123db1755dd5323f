using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PlatformFit.Analyzers.State;

namespace PlatformFit.Analyzers.Tests
{
    /// <summary>
    /// How the CLI reads <see cref="TriggerNamesAttribute"/>. That no test finding sits in a tree without its analyzer's
    /// triggers is checked by every analyzer test (<c>ProjectAnalyzerTest</c>); these pin the matching itself.
    /// </summary>
    public class TreeTriggersTests
    {
        [Theory]
        [InlineData("var s3 = new AmazonS3Client();", true)]
        [InlineData("var http = new System.Net.Http.HttpClient();", true)]
        [InlineData("var redis = StackExchange.Redis.ConnectionMultiplexer.Connect(\"x\");", true)]
        [InlineData("var options = new JsonSerializerOptions(); // a client of ours", false)]
        [InlineData("var clients = new List<string>();", false)]
        public void Name_patterns_match_identifiers_not_text(string statement, bool expected)
        {
            Assert.Equal(expected, Matches<ClientPerInvocationAnalyzer>($"class C {{ void M() {{ {statement} }} }}"));
        }

        [Theory]
        [InlineData("object client; void M() { client = new(); }", true)]
        [InlineData("void M() { Use(new(\"x\")); } void Use(object o) { }", true)]
        [InlineData("static readonly System.Text.Json.JsonSerializerOptions Json = new(); void M() { var list = new System.Collections.Generic.List<int>(); }", false)]
        public void Target_typed_new_counts_only_where_the_declaration_does_not_name_the_type(string members, bool expected)
        {
            Assert.Equal(expected, Matches<ClientPerInvocationAnalyzer>($"class C {{ {members} }}"));
        }

        [Theory]
        [InlineData("async void M() { await System.Threading.Tasks.Task.Yield(); }", true)]
        [InlineData("void M() { System.Action a = async () => await System.Threading.Tasks.Task.Yield(); }", true)]
        [InlineData("void M() { Save(); } int Save() => 1;", true)]
        [InlineData("async System.Threading.Tasks.Task M() { var x = await Load(); if (x > 0) { return; } } System.Threading.Tasks.Task<int> Load() => null!;", false)]
        public void Background_work_shapes(string members, bool expected)
        {
            Assert.Equal(expected, Matches<FrozenBackgroundWorkAnalyzer>($"class C {{ {members} }}"));
        }

        [Theory]
        [InlineData("void M() { var b = new byte[Size]; } const int Size = 1;", true)]
        [InlineData("void M() { var b = new byte[] { 1, 2 }; }", false)]
        public void Sized_array_creation(string members, bool expected)
        {
            Assert.Equal(expected, Matches<AllocationLargerThanMemoryAnalyzer>($"class C {{ {members} }}"));
        }

        [Theory]
        [InlineData("void M(Microsoft.AspNetCore.Http.HttpResponse r) { r.Headers[\"content-type\"] = Sse; }", true)]
        [InlineData("void M(Microsoft.AspNetCore.Http.HttpResponse r) { r.Headers[HeaderNames.CONTENTTYPE] = Sse; }", true)]
        [InlineData("void M(System.Collections.Generic.Dictionary<string, string> d) { d[\"Accept\"] = Sse; }", false)]
        public void Text_is_matched_ignoring_case(string members, bool expected)
        {
            Assert.Equal(expected, Matches<StreamingResponseBehindBufferingFrontDoorAnalyzer>($"class C {{ const string Sse = \"x\"; {members} }}"));
        }

        [Fact]
        public void A_name_written_with_a_Unicode_escape_still_matches()
        {
            Assert.True(Matches<ReadOnlyFileSystemWriteAnalyzer>("class C { void M() { System.IO.Fil\\u0065.WriteAllText(\"a\", \"b\"); } }"));
        }

        [Fact]
        public void Every_file_write_api_is_a_trigger_of_PF2003()
        {
            var names = Declared<ReadOnlyFileSystemWriteAnalyzer>().Names;
            foreach (var api in FileWriteApi.ByName.Values.SelectMany(a => a))
            {
                var typeName = api.DeclaringType.Substring(api.DeclaringType.LastIndexOf('.') + 1);
                var written = api.DeclaringType.EndsWith("Extensions", System.StringComparison.Ordinal) ? api.Member : typeName;
                Assert.Contains(written, names);
            }
        }

        [Fact]
        public void State_member_names_are_none_for_a_project_no_config_deploys()
        {
            const string Code = """
                using System.Collections.Generic;
                public static class Carts { public static Dictionary<string, string> Items = new(); }
                public class Function { public string Handle(string id) { Carts.Items[id] = id; return id; } }
                """;
            const string OtherTree = "public class Report { public string Title { get; set; } = \"\"; public void Set(string t) { Title = t; } }";
            var compilation = CSharpCompilation.Create("Orders", new[] { CSharpSyntaxTree.ParseText(Code), CSharpSyntaxTree.ParseText(OtherTree) });
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new RequestDataInStaticStateAnalyzer());

            // Static state is written in the first tree, but no config deploys the project: the rule looks at nothing.
            var undeployed = TreeTriggers.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), analyzers, CancellationToken.None)!;
            Assert.All(compilation.SyntaxTrees, tree => Assert.False(undeployed.Matches(tree, CancellationToken.None)));
        }

        /// <summary>An analyzer without triggers puts every CLI scan on the whole-compilation route: a new rule must declare them.</summary>
        [Fact]
        public void Every_analyzer_declares_its_triggers()
        {
            var undeclared = typeof(TreeTriggers).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Where(t => System.Attribute.GetCustomAttribute(t, typeof(TriggerNamesAttribute)) is null)
                .Select(t => t.Name);

            Assert.Empty(undeclared);
        }

        [Fact]
        public void Config_only_rules_look_at_no_tree_and_code_rules_do()
        {
            Assert.True(TreeTriggers.LooksAtNoTree(new ValueOutsidePlatformRangeAnalyzer()));
            Assert.False(TreeTriggers.LooksAtNoTree(new RequestDataInStaticStateAnalyzer()));
            Assert.False(TreeTriggers.LooksAtNoTree(new WebSocketServerOnLambdaAnalyzer()));
        }

        private static bool Matches<TAnalyzer>(string code)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var tree = CSharpSyntaxTree.ParseText(code);
            var compilation = CSharpCompilation.Create("Test", new[] { tree });
            var triggers = TreeTriggers.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new DiagnosticAnalyzer[] { new TAnalyzer() }, CancellationToken.None);
            Assert.NotNull(triggers);
            return triggers!.Matches(tree, CancellationToken.None);
        }

        private static TriggerNamesAttribute Declared<TAnalyzer>() =>
            (TriggerNamesAttribute)System.Attribute.GetCustomAttribute(typeof(TAnalyzer), typeof(TriggerNamesAttribute))!;
    }
}
