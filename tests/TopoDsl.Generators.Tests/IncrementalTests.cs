using System.Reflection;
using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Tests.Harness;
using static TopoDsl.Generators.Tests.Harness.StepOutputs;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// The pipeline caches: edits that cannot change a rule's output leave the tracked steps Cached or Unchanged,
/// a rule edit re-emits the code, and no step output holds a symbol, a syntax node or a compilation.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] Tracked = [TrackingNames.Transform, TrackingNames.Code, TrackingNames.Diagnostics];

    private const string Other = """
        namespace Demo;

        public static class Unrelated
        {
            public static int Answer => 42;
        }
        """;

    private static string Rule(string rule, string header = "") => $$""""
        using TopoDsl;
        {{header}}
        namespace Demo;

        [UpdateRule("""
            {{rule}}
            """)]
        public sealed partial class Opt
        {
            public float lr = 0.01f;
            public float eps = 1e-8f;
        }
        """";

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * g / (norm(g, neuron) + eps)"), Other);
        var edited = Replace(first.Input, 1, Other.Replace("42", "43", StringComparison.Ordinal) + "\npublic class Added { }\n");

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.Result.Results.Single(), Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(first.Sources.Single().SourceText.ToString(), second.Sources.Single().SourceText.ToString());
    }

    [Theory]
    [InlineData("// a comment and blank lines before the class\n\n\n", "")]
    [InlineData("", "\n\n   // trailing whitespace and a comment after the class\n")]
    public void Whitespace_and_comments_outside_the_class_leave_every_step_cached_or_unchanged(string before, string after)
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * g / (norm(g, neuron) + eps)"), Other);
        var edited = Replace(first.Input, 0, Rule("p -= lr * g / (norm(g, neuron) + eps)", before) + after);

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.Result.Results.Single(), Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_the_rule_text_modifies_the_code()
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * g"), Other);
        var edited = Replace(first.Input, 0, Rule("p -= lr * g / (norm(g) + eps)"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.Result.Results.Single(), [TrackingNames.Transform, TrackingNames.Code], IncrementalStepRunReason.Modified);
        Assert.Contains("norm(g)", second.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_warning_re_reports_it_at_its_new_place_without_re_emitting_the_code()
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * sign(g)"), Other);
        var edited = Replace(first.Input, 0, Rule("p -= lr * sign(g)", "// moved down by two lines\n\n"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second.Result.Results.Single(), [TrackingNames.Code], IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(second.Result.Results.Single(), [TrackingNames.Diagnostics], IncrementalStepRunReason.Modified);
        Assert.Equal(first.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line + 2,
            second.Diagnostics.Single().Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_hyperparameter_default_changed_in_another_file_is_seen()
    {
        const string Base = "namespace Demo;\n\npublic abstract class Base\n{\n    public float eps = 1e-8f;\n}\n";
        var source = """"
            using TopoDsl;

            namespace Demo;

            [UpdateRule("""
                p -= lr * g / (norm(g) + eps)
                """)]
            public sealed partial class Opt : Base
            {
                public float lr = 0.01f;
            }
            """";
        var first = GeneratorHarness.Run(source, Base);
        var edited = Replace(first.Input, 1, Base.Replace("1e-8f", "0f", StringComparison.Ordinal));

        var second = GeneratorHarness.Run(first.Driver, edited);

        Assert.Empty(first.Diagnostics);
        Assert.Equal("TDSL0304", Assert.Single(second.Diagnostics).Id);
        AssertReasons(second.Result.Results.Single(), [TrackingNames.Transform, TrackingNames.Code, TrackingNames.Diagnostics], IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Step_outputs_hold_no_symbol_syntax_node_or_compilation()
    {
        var run = GeneratorHarness.Run(
            Rule("p -= lr * sign(g) / (norm(g, neuron) + eps)"),
            Sources.Optimizer("p -= lr * roll(g, 1)", "Broken"),
            Other);

        int outputs = StepOutputs.AssertNoneHoldsCompilerObjects(run.Result.Results.Single(), Tracked);
        Assert.True(outputs >= 5, $"only {outputs} step outputs were walked");
    }

    [Fact]
    public void The_walk_finds_a_symbol_hidden_in_a_field()
    {
        var run = GeneratorHarness.Run(Other);
        var symbol = run.Input.GetTypeByMetadataName("Demo.Unrelated")!;

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            AssertNoCompilerObjects(new { Inner = new object[] { 1, (Symbol: symbol, Name: "x") } }, "test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }
}
