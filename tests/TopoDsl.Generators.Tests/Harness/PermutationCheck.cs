using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// Steps an optimizer on a random two-layer network and a second optimizer on the same network with its hidden
/// neurons permuted (and, normally, the gradients permuted too), and compares parameters and states bit for bit.
/// </summary>
public static class PermutationCheck
{
    /// <summary>Null when every step agreed bit for bit; else the first difference. Without <paramref name="bias"/> every parameter is 2-D (for matrix rules).</summary>
    public static string? Run(Func<IOptimizer> create, int states, string label, int seed, bool permuteGradients, bool bias = true)
    {
        var random = new Random(seed);
        int inputs = random.Next(1, 7), hidden = random.Next(2, 14), outputs = random.Next(1, 5), steps = random.Next(2, 6);
        var modelSeed = (ulong)random.NextInt64();
        var original = Mlp.Create([inputs, hidden, outputs], ActivationKind.Tanh, bias, modelSeed);
        var permuted = Mlp.Create([inputs, hidden, outputs], ActivationKind.Tanh, bias, modelSeed);
        var a = ParameterSlots.For(original, HiddenLayerNeurons.Of(original));
        var b = ParameterSlots.For(permuted, HiddenLayerNeurons.Of(permuted));
        if (bias)
        {
            Assert.Equal(4, a.Count);
            Assert.Equal([new NeuronAxis(0, hidden), new NeuronAxis(0, hidden), new NeuronAxis(1, hidden), null], a.Select(s => s.Neurons));
        }
        var perm = Enumerable.Range(0, hidden).OrderBy(_ => random.Next()).ToArray();
        for (int k = 0; k < a.Count; k++) Permute(a[k], a[k].Values, perm).CopyTo(b[k].Values);

        var optimizerA = create();
        var optimizerB = create();
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
                    return $"{label} (seed {seed}, [{inputs}, {hidden}, {outputs}]), step {t}: {a[k].Name}[{at}]";
                for (int j = 0; j < states; j++)
                    if (Difference(Permute(a[k], a[k].State(j), perm), b[k].State(j)) is { } state)
                        return $"{label} (seed {seed}), step {t}: state {j} of {a[k].Name}[{state}]";
            }
        }
        return null;
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
    public static float[] Permute(ParameterSlot slot, ReadOnlySpan<float> values, int[] perm)
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

    /// <summary>
    /// The first entry whose bits differ. NaNs count as equal: which NaN (sign, payload) an operation returns
    /// depends on which NaN operand it met first, and a sum over permuted entries meets them in another order.
    /// </summary>
    private static int? Difference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i])
                && !(float.IsNaN(expected[i]) && float.IsNaN(actual[i]))) return i;
        return null;
    }
}
