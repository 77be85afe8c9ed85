using FsCheck.Xunit;
using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

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

    /// <summary>Null when every step agreed bit for bit; else the first difference.</summary>
    private static string? Run(Type rule, int seed, bool permuteGradients)
    {
        var random = new Random(seed);
        int inputs = random.Next(1, 7), hidden = random.Next(2, 14), outputs = random.Next(1, 5), steps = random.Next(2, 6);
        var modelSeed = (ulong)random.NextInt64();
        var original = Mlp.Create([inputs, hidden, outputs], ActivationKind.Tanh, bias: true, modelSeed);
        var permuted = Mlp.Create([inputs, hidden, outputs], ActivationKind.Tanh, bias: true, modelSeed);
        var a = ParameterSlots.For(original, HiddenLayerNeurons.Of(original));
        var b = ParameterSlots.For(permuted, HiddenLayerNeurons.Of(permuted));
        Assert.Equal(4, a.Count);
        Assert.Equal([new NeuronAxis(0, hidden), new NeuronAxis(0, hidden), new NeuronAxis(1, hidden), null], a.Select(s => s.Neurons));
        var perm = Enumerable.Range(0, hidden).OrderBy(_ => random.Next()).ToArray();
        for (int k = 0; k < a.Count; k++) Permute(a[k], a[k].Values, perm).CopyTo(b[k].Values);

        var optimizerA = NewOptimizer(rule);
        var optimizerB = NewOptimizer(rule);
        int states = ((string)GeneratedAssembly.Trait(rule, "Rule")!).Split('\n').Count(line => line.TrimStart().StartsWith("state ", StringComparison.Ordinal));
        for (int t = 1; t <= steps; t++)
        {
            var gradients = a.Select(s => Gradient(random, s.Count)).ToArray();
            SetGradients(original, a, gradients);
            SetGradients(permuted, b, a.Select((s, k) => permuteGradients ? Permute(s, gradients[k], perm) : gradients[k]).ToArray());
            optimizerA.Step(a, t);
            optimizerB.Step(b, t);
            for (int k = 0; k < a.Count; k++)
            {
                if (Difference(Permute(a[k], a[k].Values, perm), b[k].Values) is { } at)
                    return $"{rule.Name} (seed {seed}, [{inputs}, {hidden}, {outputs}]), step {t}: {a[k].Name}[{at}]";
                for (int j = 0; j < states; j++)
                    if (Difference(Permute(a[k], a[k].State(j), perm), b[k].State(j)) is { } state)
                        return $"{rule.Name} (seed {seed}), step {t}: state {j} of {a[k].Name}[{state}]";
            }
        }
        return null;
    }

    private static IOptimizer NewOptimizer(Type rule)
    {
        var optimizer = (IOptimizer)Activator.CreateInstance(rule)!;
        // Exercise the p-dependent terms too (their defaults are 0).
        if (rule.GetField("weight_decay") is { } decay) decay.SetValue(optimizer, 0.05f);
        if (rule.GetField("lr_decay") is { } lrDecay) lrDecay.SetValue(optimizer, 0.1f);
        return optimizer;
    }

    /// <summary>Standard normal values, one in eight exactly zero (sign(0), sqrt(0) and x / eps paths).</summary>
    private static float[] Gradient(Random random, int count)
    {
        var g = Slots.Normal(random, count);
        for (int i = 0; i < count; i++) if (random.Next(8) == 0) g[i] = 0f;
        return g;
    }

    /// <summary>Gradients by Backward of sum_k sum(p_k * g_k), which must give exactly g_k; ZeroGrad first.</summary>
    private static void SetGradients(Module model, IReadOnlyList<ParameterSlot> slots, float[][] gradients)
    {
        model.ZeroGrad();
        Tensor? loss = null;
        for (int k = 0; k < slots.Count; k++)
        {
            var term = (slots[k].Value * new Tensor((float[])gradients[k].Clone(), slots[k].Shape.ToArray())).Sum();
            loss = loss is null ? term : loss + term;
        }
        loss!.Backward();
        for (int k = 0; k < slots.Count; k++)
            Same.Bits(gradients[k], slots[k].Gradient, $"gradient of {slots[k].Name} from Backward of sum(p * g)");
    }

    /// <summary>The values with their neuron axis permuted: result[.., i, ..] = values[.., perm[i], ..]; a copy when the slot has no neurons.</summary>
    private static float[] Permute(ParameterSlot slot, ReadOnlySpan<float> values, int[] perm)
    {
        var result = values.ToArray();
        if (slot.Neurons is not { } axis) return result;
        int inner = 1;
        for (int d = axis.Axis + 1; d < slot.Shape.Length; d++) inner *= slot.Shape[d];
        int outer = values.Length / (inner * axis.NeuronCount);
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < axis.NeuronCount; i++)
                values.Slice((o * axis.NeuronCount + perm[i]) * inner, inner).CopyTo(result.AsSpan((o * axis.NeuronCount + i) * inner, inner));
        return result;
    }

    private static int? Difference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i])) return i;
        return null;
    }

    [Fact]
    public void Permute_moves_rows_of_axis_0_and_columns_of_axis_1()
    {
        int[] perm = [2, 0, 1];
        var rows = GradientSlots.Create("w1", [0, 1, 10, 11, 20, 21], [3, 2], new NeuronAxis(0, 3));
        var columns = GradientSlots.Create("w2", [0, 1, 2, 10, 11, 12], [2, 3], new NeuronAxis(1, 3));
        var plain = GradientSlots.Create("b2", [5, 6], [2]);

        Assert.Equal([20, 21, 0, 1, 10, 11], Permute(rows, rows.Values, perm));
        Assert.Equal([2, 0, 1, 12, 10, 11], Permute(columns, columns.Values, perm));
        Assert.Equal([5, 6], Permute(plain, plain.Values, perm));
    }
}
