using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// Rules whose generated code once failed to compile (issue 9): a where whose condition is the same for every
/// entry, array indices, an update of p by itself. Each is compiled with warnings as failures, and run against a
/// hand-written reference bit for bit.
/// </summary>
public class GeneratedCodeRegressionTests
{
    [Fact]
    public void A_where_on_the_step_switches_per_step()
    {
        var optimizer = OptimizerCompiler.Create("FirstStep", "p -= lr * where(t == 1, g, 0.5 * g)", Contexts.Float("lr", 0.1));
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, p, g, step) =>
        {
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.1f * (step == 1 ? g[i] : 0.5f * g[i]);
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void A_where_on_a_hyperparameter_reads_it_at_each_step()
    {
        var optimizer = OptimizerCompiler.Create("Switch", "p -= where(lr > 0.5, 0.5, lr) * g", Contexts.Float("lr", 0.1));
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.1f * g[i];
        });
        Stepper.AssertExactlyEqual(expected, generated);
        optimizer.GetType().GetField("lr")!.SetValue(optimizer, 0.9f);
        var slot = GradientSlots.Create("w", [1f], [1]);
        GradientSlots.SetGradient(slot, [1f]);
        optimizer.Step([slot], 1);
        Assert.Equal(0.5f, slot.Values[0]);
    }

    [Fact]
    public void A_where_on_a_reduction_switches_per_slot()
    {
        var optimizer = OptimizerCompiler.Create("SumSwitch", "p -= lr * where(sum(g) > 0, g, 0 - g)", Contexts.Float("lr", 0.1));
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            double sum = 0;
            foreach (float x in g) sum += x;
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.1f * ((float)sum > 0 ? g[i] : 0 - g[i]);
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void An_array_index_from_the_step_is_checked_when_the_step_runs()
    {
        var optimizer = OptimizerCompiler.Create("Schedule", "p -= scales[t - 1] * g", new Hyperparameter("scales", HyperparameterType.FloatArray, null));
        var slot = GradientSlots.Create("w", [0f], [1]);
        GradientSlots.SetGradient(slot, [1f]);
        for (int step = 1; step <= 3; step++) optimizer.Step([slot], step);   // scales = {1, 2, 3}
        Assert.Equal(-6f, slot.Values[0]);
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step([slot], 4));
        Assert.Equal("the rule reads scales[3], but scales has 3 entries (indices 0 to 2)", error.Message);
    }

    [Fact]
    public void A_comparison_of_a_value_with_itself_keeps_its_ieee_meaning()
    {
        // found by the property tests: `g > g` was emitted as a C# comparison of a variable with itself (CS1718)
        var optimizer = OptimizerCompiler.Create("SelfCompare", "p -= where(g > g, 1, 0) + where(g <= g, 2, 0) + where(g != g, 4, 0)");
        var slot = GradientSlots.Create("w", [0f, 0f], [2]);
        GradientSlots.SetGradient(slot, [1f, float.NaN]);
        optimizer.Step([slot], 1);
        Assert.Equal(-2f, slot.Values[0]);   // g <= g for a number
        Assert.Equal(-4f, slot.Values[1]);   // only g != g for NaN
    }

    [Fact]
    public void Every_constant_of_the_step_is_computed_in_double_as_the_verdict_reads_it()
    {
        // In float, max(1e8, c) + 1 - 1e8 cancels to 0 and the update divides by it; the Lipschitz check, computing
        // in double, calls the divisor 1. Both now compute it in double and round once.
        var text = "p -= g / (max(1e8, c) + 1 - 1e8)";
        Assert.True(RuleCompiler.Analyze(text, Contexts.Of(Contexts.Float("c", 1))).Traits.Lipschitz);
        var optimizer = OptimizerCompiler.Create("Cancels", text, Contexts.Float("c", 1));
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - g[i] / 1f;
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Theory]
    [InlineData("p = p")]
    [InlineData("state m = 0\nm = m\np = p - 0.1 * m")]
    public void An_update_by_itself_compiles_without_warnings_and_changes_nothing(string rule)
    {
        var optimizer = OptimizerCompiler.Create("Same" + rule.Length, rule);
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, _, _, _) => { });
        Stepper.AssertExactlyEqual(expected, generated);
    }
}
