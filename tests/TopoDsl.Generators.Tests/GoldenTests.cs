using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Tests.Harness;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// The generated code of the standard rules and a few more, against Golden/&lt;Name&gt;.g.cs.txt; every one also
/// compiles with no error and no warning in the generated file.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> StandardRules => new(Sources.StandardRuleNames);

    [Fact]
    public void The_standard_library_has_its_ten_rules()
    {
        Assert.Equal(
            ["Adagrad", "Adam", "AdamW", "Lion", "Nesterov", "NeuronNormalizedSgd", "RmsProp", "Sgd", "SgdMomentum", "SignSgd"],
            Sources.StandardRuleNames);
    }

    [Theory]
    [MemberData(nameof(StandardRules))]
    public void Standard_rule(string name)
    {
        var run = GeneratorHarness.Run(Sources.StandardRule(name));

        // The library builds with warnings as errors under CI: no visible diagnostic (Lion and SignSgd disable TDSL0301).
        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var generated = Assert.Single(run.Sources);
        Assert.Equal($"TopoDsl.Rules.{name}.UpdateRule.g.cs", generated.HintName);
        AssertCleanCompilation(run);
        Golden.Verify(name, generated.SourceText.ToString());
    }

    public static TheoryData<string, string> MoreRules => new()
    {
        { "Muon", """"
            using TopoDsl;

            namespace Demo;

            /// <summary>Muon-like: the gradient times its own Gram matrix (equivariant: it contracts an axis with itself).</summary>
            [UpdateRule("""
                p -= lr * g @ transpose(g) @ g
                """)]
            public sealed partial class Muon
            {
                public float lr = 0.02f;
            }
            """" },
        { "NoisySgd", """"
            using TopoDsl;

            namespace Demo;

            #pragma warning disable TDSL0250
            [UpdateRule("""
                p -= lr * g + sigma * randn()
                """)]
            #pragma warning restore TDSL0250
            public sealed partial class NoisySgd
            {
                public float lr = 0.01f;
                public float sigma = 1e-3f;
            }
            """" },
        { "PerNeuron", """"
            using TopoDsl;

            namespace Demo;

            /// <summary>Each neuron's gradient centred on its mean and scaled by its largest entry.</summary>
            [UpdateRule("""
                centered = g - mean(g, neuron)
                p -= lr * centered / (max(abs(centered), neuron) + eps)
                """)]
            public sealed partial class PerNeuron
            {
                public float lr = 0.01f;
                public float eps = 1e-8f;
            }
            """" },
        { "Nested", """"
            using TopoDsl;

            namespace Demo.Deep
            {
                public static partial class Outer<T>
                {
                    internal partial record Middle
                    {
                        [UpdateRule("""
                            state v = 0
                            v = max(v, abs(g))
                            p -= lr * g / (abs(v) + eps) * warmup_scale
                            """)]
                        internal sealed partial class Opt
                        {
                            public double lr { get; set; } = 0.05;
                            public float eps = 1e-6f;
                            public float warmup_scale => 0.5f;
                        }
                    }
                }
            }
            """" },
    };

    [Theory]
    [MemberData(nameof(MoreRules))]
    public void More_rules(string name, string source)
    {
        var run = GeneratorHarness.Run(source);

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var generated = Assert.Single(run.Sources);
        AssertCleanCompilation(run);
        Golden.Verify(name, generated.SourceText.ToString());
    }

    [Fact]
    public void Golden_files_exist_only_for_the_tested_rules()
    {
        var tested = Sources.StandardRuleNames.Concat(MoreRules.Select(row => (string)row[0])).Select(n => n + ".g.cs.txt").OrderBy(n => n, StringComparer.Ordinal);
        var files = Directory.GetFiles(Golden.Directory(), "*.g.cs.txt").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(tested, files!);
    }

    [Fact]
    public void A_mismatch_names_the_first_differing_line_and_how_to_accept()
    {
        var message = Golden.Compare("X", "a\nb\nc\n", "a\nB\nc\n", "/x/X.g.cs.txt");

        Assert.NotNull(message);
        Assert.Contains("at line 2", message, StringComparison.Ordinal);
        Assert.Contains("golden:    `b`", message, StringComparison.Ordinal);
        Assert.Contains("generated: `B`", message, StringComparison.Ordinal);
        Assert.Contains("TOPODSL_ACCEPT=1", message, StringComparison.Ordinal);
        Assert.Contains("<end of file>", Golden.Compare("X", "a", "a\nb", "/x/X.g.cs.txt"), StringComparison.Ordinal);
        Assert.Null(Golden.Compare("X", "a\n", "a\n", "/x/X.g.cs.txt"));
    }

    /// <summary>No error anywhere, and no warning in the generated files (users build with warnings as errors).</summary>
    internal static void AssertCleanCompilation(GeneratorRun run)
    {
        run.AssertCompilesWithoutErrors();
        var generatedTrees = run.Output.SyntaxTrees.Except(run.Input.SyntaxTrees).ToHashSet();
        var warnings = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning && generatedTrees.Contains(d.Location.SourceTree!)).ToList();
        Assert.True(warnings.Count == 0, "warnings in the generated code:\n" + string.Join("\n", warnings));
    }
}
