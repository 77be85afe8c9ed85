using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Dsl.Tests.Support;

/// <summary>One parameter tensor for a run: its shape, neuron axis and start values.</summary>
public sealed record ParameterSpec(string Name, int[] Shape, NeuronAxis? Neurons = null)
{
    public int Count => Shape.Aggregate(1, (a, b) => a * b);
}

/// <summary>
/// Steps a generated optimizer and a hand-written reference side by side on the same random parameters and
/// gradients, and returns both parameter histories.
/// </summary>
public static class Stepper
{
    /// <summary>The reference: updates values in place from gradients; arguments are (parameter index, spec, values, gradient, step).</summary>
    public delegate void Reference(int index, ParameterSpec spec, float[] values, float[] gradient, int step);

    public static readonly ParameterSpec[] MixedShapes =
    [
        new("0.weight", [3, 5]),
        new("0.bias", [37]),
        new("conv.weight", [2, 3, 2, 2]),
        new("one", [1]),
    ];

    public static (float[][] Generated, float[][] Expected) Run(IOptimizer optimizer, ParameterSpec[] specs, Reference reference, int steps = 5, int seed = 1)
    {
        var random = new Random(seed);
        var start = specs.Select(s => Slots.Random(random, s.Count)).ToArray();
        var slots = specs.Select((s, i) => GradientSlots.Create(s.Name, start[i], s.Shape, s.Neurons)).ToList();
        var expected = start.Select(v => (float[])v.Clone()).ToArray();
        for (int step = 1; step <= steps; step++)
        {
            var gradients = specs.Select(s => Slots.Random(random, s.Count, 0.5f)).ToArray();
            for (int i = 0; i < slots.Count; i++) GradientSlots.SetGradient(slots[i], gradients[i]);
            optimizer.Step(slots, step);
            for (int i = 0; i < specs.Length; i++) reference(i, specs[i], expected[i], gradients[i], step);
        }
        return (slots.Select(s => s.Values.ToArray()).ToArray(), expected);
    }

    public static void AssertExactlyEqual(float[][] expected, float[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            for (int j = 0; j < expected[i].Length; j++)
                Assert.True(BitConverter.SingleToInt32Bits(expected[i][j]) == BitConverter.SingleToInt32Bits(actual[i][j]),
                    $"parameter {i}, entry {j}: expected {expected[i][j]:R}, got {actual[i][j]:R}");
    }
}
