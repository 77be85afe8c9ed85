using FsCheck.Xunit;
using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// Every standard rule (as shipped in TopoDsl.dll) commutes with relabelling the neurons of a hidden layer, bit for
/// bit: stepping the permuted network with the permuted gradients gives the permuted parameters and states.
/// </summary>
public class EquivarianceProperties
{
    public static IReadOnlyList<Type> StandardRules { get; } = typeof(TopoDsl.Rules.Sgd).Assembly.GetTypes()
        .Where(t => t.Namespace == "TopoDsl.Rules" && typeof(IOptimizer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_standard_rule_is_equivariant_without_noise()
    {
        Assert.Equal(Sources.StandardRuleNames, StandardRules.Select(t => t.Name));
        Assert.All(StandardRules, rule =>
        {
            Assert.Equal(true, GeneratedAssembly.Trait(rule, "Equivariant"));
            Assert.Equal(false, GeneratedAssembly.Trait(rule, "EquivariantOnlyInDistribution"));
        });
    }

    [Property(MaxTest = 40)]
    public void Stepping_permuted_neurons_with_permuted_gradients_permutes_the_result(int seed)
    {
        foreach (var rule in StandardRules)
            Assert.Null(Run(rule, seed, permuteGradients: true));
    }

    [Fact]
    public void The_check_fails_when_the_gradients_are_not_permuted()
    {
        foreach (var rule in StandardRules)
            Assert.NotNull(Run(rule, seed: 1, permuteGradients: false));
    }

    private static string? Run(Type rule, int seed, bool permuteGradients)
    {
        int states = ((string)GeneratedAssembly.Trait(rule, "Rule")!).Split('\n').Count(line => line.TrimStart().StartsWith("state ", StringComparison.Ordinal));
        return PermutationCheck.Run(() => NewOptimizer(rule), states, rule.Name, seed, permuteGradients);
    }

    private static IOptimizer NewOptimizer(Type rule)
    {
        var optimizer = (IOptimizer)Activator.CreateInstance(rule)!;
        // Exercise the p-dependent terms too (their defaults are 0).
        if (rule.GetField("weight_decay") is { } decay) decay.SetValue(optimizer, 0.05f);
        if (rule.GetField("lr_decay") is { } lrDecay) lrDecay.SetValue(optimizer, 0.1f);
        return optimizer;
    }

    [Fact]
    public void Permute_moves_rows_of_axis_0_and_columns_of_axis_1()
    {
        int[] perm = [2, 0, 1];
        var rows = GradientSlots.Create("w1", [0, 1, 10, 11, 20, 21], [3, 2], new NeuronAxis(0, 3));
        var columns = GradientSlots.Create("w2", [0, 1, 2, 10, 11, 12], [2, 3], new NeuronAxis(1, 3));
        var plain = GradientSlots.Create("b2", [5, 6], [2]);

        Assert.Equal([20, 21, 0, 1, 10, 11], PermutationCheck.Permute(rows, rows.Values, perm));
        Assert.Equal([2, 0, 1, 12, 10, 11], PermutationCheck.Permute(columns, columns.Values, perm));
        Assert.Equal([5, 6], PermutationCheck.Permute(plain, plain.Values, perm));
    }
}
