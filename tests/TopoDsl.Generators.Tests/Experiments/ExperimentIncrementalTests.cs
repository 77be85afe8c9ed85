using System.Reflection;
using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Model;
using TopoDsl.Generators.Tests.Harness;
using static TopoDsl.Generators.Tests.Harness.StepOutputs;
using static TopoDsl.Generators.Tests.Experiments.ExperimentSources;

namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>
/// The experiments pipeline caches: edits that cannot change an experiment's output leave the tracked steps Cached
/// or Unchanged, an edit of the experiment re-emits its code, a duplicate name is found and cleared across files,
/// and no step output holds a symbol, a syntax node, a compilation, or a syntax tree outside a diagnostic.
/// </summary>
public class ExperimentIncrementalTests
{
    private static readonly string[] Tracked =
        [TrackingNames.ExperimentTransform, TrackingNames.ExperimentCode, TrackingNames.ExperimentDiagnostics, TrackingNames.ExperimentNames];

    private const string Other = """
        namespace Demo;

        public static class Unrelated
        {
            public static int Answer => 42;
        }
        """;

    private static GeneratorRun First(params string[] sources) => GeneratorHarness.RunExperiments(sources);

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var first = First(Experiment(), Other);
        var edited = Replace(first.Input, 1, Other.Replace("42", "43", StringComparison.Ordinal) + "\npublic class Added { }\n");

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.ResultOf<ExperimentGenerator>(), Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(Experimental(first), Experimental(second));
    }

    [Theory]
    [InlineData("\n// a comment and blank lines before the class\n\n\n", "")]
    [InlineData("", "\n\n   // trailing whitespace and a comment after the class\n")]
    [InlineData("", "\npublic static class AlsoHere { }\n")]
    public void Edits_outside_the_class_leave_every_step_cached_or_unchanged(string before, string after)
    {
        var first = First(Experiment(), Other);
        var source = Experiment();
        int at = source.IndexOf("namespace Demo;", StringComparison.Ordinal) + "namespace Demo;".Length;
        var edited = Replace(first.Input, 0, source[..at] + before + source[at..] + after);

        var second = GeneratorHarness.Run(first.Driver, edited);

        if (before.Length == 0) AssertReasons(second.ResultOf<ExperimentGenerator>(), Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        else
        {
            // Lines above the class move its name: the code stays, the name's place (for a duplicate) is updated.
            AssertReasons(second.ResultOf<ExperimentGenerator>(), [TrackingNames.ExperimentCode, TrackingNames.ExperimentDiagnostics], IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            AssertReasons(second.ResultOf<ExperimentGenerator>(), [TrackingNames.ExperimentNames], IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }
        Assert.Equal(Experimental(first), Experimental(second));
    }

    [Fact]
    public void Editing_the_experiment_modifies_the_code()
    {
        var first = First(Experiment(), Other);
        var edited = Replace(first.Input, 0, Experiment(members: "[Sweep(0.01, 0.05)] public double lr;"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.ResultOf<ExperimentGenerator>(), [TrackingNames.ExperimentTransform, TrackingNames.ExperimentCode], IncrementalStepRunReason.Modified);
        Assert.Contains("new double[] { 0.01d, 0.05d }", Experimental(second).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_default_changed_in_another_file_is_seen()
    {
        var attributes = AttributesWith("[Optimizer", "[Optimizer(typeof(Clipped))]");
        var first = First(Experiment(attributes, "[Sweep(0.01)] public double lr;"), ClippedRule);
        var edited = Replace(first.Input, 1, ClippedRule.Replace("public float eps = 1e-8f;", "public float eps = 0f;", StringComparison.Ordinal));

        var second = GeneratorHarness.Run(first.Driver, edited);

        Assert.DoesNotContain(first.Diagnostics, d => d.Id == "TDSL0414");
        Assert.Contains(second.Diagnostics, d => d.Id == "TDSL0414");
        AssertReasons(second.ResultOf<ExperimentGenerator>(), [TrackingNames.ExperimentTransform, TrackingNames.ExperimentCode, TrackingNames.ExperimentDiagnostics], IncrementalStepRunReason.Modified);
        Assert.Contains("[\"eps\"] = 0d", Experimental(second).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fixing_an_error_emits_the_code_and_clears_the_diagnostic()
    {
        var first = First(Experiment(AttributesWith("[Train", "[Train(BatchSize = 32)]")), Other);
        var edited = Replace(first.Input, 0, Experiment());

        var second = GeneratorHarness.Run(first.Driver, edited);

        Assert.Equal("TDSL0412", Assert.Single(first.Diagnostics).Id);
        Assert.Empty(Experimental(first));
        Assert.Empty(second.Diagnostics);
        Assert.Single(Experimental(second));
    }

    [Fact]
    public void A_duplicate_name_appears_and_disappears_with_the_file_that_repeats_it()
    {
        var first = First(Experiment(Named("\"Twin\""), declaration: "public partial class A"), Other);
        var withTwin = Replace(first.Input, 1, Experiment(Named("\"TWIN\""), declaration: "public partial class B"));

        var second = GeneratorHarness.Run(first.Driver, withTwin);
        var third = GeneratorHarness.Run(second.Driver, Replace(second.Input, 1, Other));

        Assert.Empty(first.Diagnostics);
        var duplicate = Assert.Single(second.Diagnostics);
        Assert.Equal(("TDSL0408", "File1.cs"), (duplicate.Id, duplicate.Location.SourceTree!.FilePath));
        Assert.Equal("\"TWIN\"", duplicate.Location.SourceTree.GetText().ToString(duplicate.Location.SourceSpan));
        Assert.Same(second.Output.SyntaxTrees.Single(t => t.FilePath == "File1.cs"), duplicate.Location.SourceTree);
        Assert.Empty(third.Diagnostics);
    }

    [Fact]
    public void A_duplicate_name_follows_its_declaration_when_lines_are_added_above_it()
    {
        var second = Experiment(Named("\"twin\""), declaration: "public partial class B");
        var first = First(Experiment(Named("\"Twin\""), declaration: "public partial class A"), second);
        var moved = Replace(first.Input, 1, "// two lines\n// above\n" + second);

        var after = GeneratorHarness.Run(first.Driver, moved);

        Assert.Equal(Assert.Single(first.Diagnostics).Location.GetLineSpan().StartLinePosition.Line + 2,
            Assert.Single(after.Diagnostics).Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("\"twin\"", after.Diagnostics[0].Location.SourceTree!.GetText().ToString(after.Diagnostics[0].Location.SourceSpan));
    }

    [Fact]
    public void Step_outputs_hold_no_symbol_syntax_node_compilation_or_tree_outside_a_diagnostic()
    {
        var run = First(
            Experiment(Named("\"Same\"").Replace("typeof(Sgd)", "typeof(SignSgd)", StringComparison.Ordinal), declaration: "public partial class Warned"),
            Experiment(Named("\"same\""), declaration: "public partial class Duplicate"),
            Experiment(AttributesWith("[Train", "[Train(BatchSize = 32)]"), declaration: "public partial class Broken"),
            Other);

        Assert.Contains(run.Diagnostics, d => d.Id == "TDSL0414");
        Assert.Contains(run.Diagnostics, d => d.Id == "TDSL0408");
        Assert.Contains(run.Diagnostics, d => d.Id == "TDSL0412");
        int outputs = StepOutputs.AssertNoneHoldsCompilerObjects(run.ResultOf<ExperimentGenerator>(), Tracked);
        Assert.True(outputs >= 9, $"only {outputs} step outputs were walked");
    }

    [Fact]
    public void The_walk_finds_a_tree_outside_a_diagnostic_and_allows_one_inside()
    {
        var tree = GeneratorHarness.Parse(Other, "File0.cs");
        var inside = new DiagnosticInfo("TDSL0412", "t", "m", DiagnosticSeverity.Error, "", "c", tree, default);

        AssertNoCompilerObjects(new object[] { inside }, "test", new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertNoCompilerObjects(new { Site = (Tree: tree, Name: "x") }, "test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    /// <summary>The experiments generator's sources, as text.</summary>
    private static List<string> Experimental(GeneratorRun run) => run.SourcesOf<ExperimentGenerator>().Select(s => s.SourceText.ToString()).ToList();
}
