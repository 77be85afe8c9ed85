using System.Reflection;
using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Tests.Harness;

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

        AssertReasons(second, Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
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

        AssertReasons(second, Tracked, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_the_rule_text_modifies_the_code()
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * g"), Other);
        var edited = Replace(first.Input, 0, Rule("p -= lr * g / (norm(g) + eps)"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second, [TrackingNames.Transform, TrackingNames.Code], IncrementalStepRunReason.Modified);
        Assert.Contains("norm(g)", second.Sources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Moving_a_warning_re_reports_it_at_its_new_place_without_re_emitting_the_code()
    {
        var first = GeneratorHarness.Run(Rule("p -= lr * sign(g)"), Other);
        var edited = Replace(first.Input, 0, Rule("p -= lr * sign(g)", "// moved down by two lines\n\n"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertReasons(second, [TrackingNames.Code], IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, [TrackingNames.Diagnostics], IncrementalStepRunReason.Modified);
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
        AssertReasons(second, [TrackingNames.Transform, TrackingNames.Code, TrackingNames.Diagnostics], IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Step_outputs_hold_no_symbol_syntax_node_or_compilation()
    {
        var run = GeneratorHarness.Run(
            Rule("p -= lr * sign(g) / (norm(g, neuron) + eps)"),
            Sources.Optimizer("p -= lr * roll(g, 1)", "Broken"),
            Other);

        var steps = run.Result.Results.Single().TrackedSteps;
        int outputs = 0;
        foreach (var name in Tracked)
            foreach (var step in steps[name])
                foreach (var (value, _) in step.Outputs)
                {
                    outputs++;
                    AssertNoCompilerObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
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

    private static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type || type.IsPointer) return;
        // DiagnosticInfo keeps the syntax tree on purpose (#pragma needs a location in a tree); a tree does not root the compilation.
        if (value is SyntaxTree) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or AttributeData or IOperation,
            $"{path} holds a {type.FullName}, which keeps the compilation alive and defeats caching");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is Array array)
        {
            int i = 0;
            foreach (var item in array) AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            return;
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                AssertNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
    }

    private static Compilation Replace(Compilation compilation, int file, string source)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == $"File{file}.cs");
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(source, old.FilePath));
    }

    private static void AssertReasons(GeneratorRun run, string[] names, params IncrementalStepRunReason[] allowed)
    {
        var steps = run.Result.Results.Single().TrackedSteps;
        foreach (var name in names)
        {
            Assert.True(steps.TryGetValue(name, out var runs) && !runs.IsEmpty, $"no tracked step {name}");
            var reasons = runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.True(reasons.All(allowed.Contains), $"{name}: [{string.Join(", ", reasons)}], expected only [{string.Join(", ", allowed)}]");
        }
    }
}
