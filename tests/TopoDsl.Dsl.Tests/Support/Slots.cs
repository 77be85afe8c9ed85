using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Dsl.Tests.Support;

/// <summary>Parameter slots on small tensors with chosen gradients, and the reference data the tests compare with.</summary>
public static class Slots
{
    public static float[] Random(Random random, int count, float scale = 1f) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();

    public static ParameterSlot Create(string name, float[] values, int[] shape, NeuronAxis? neurons = null) =>
        new(name, new Tensor((float[])values.Clone(), shape) { RequiresGrad = true }, neurons);

    /// <summary>Makes <paramref name="gradient"/> the slot's gradient, exactly (a backward pass from the leaf itself).</summary>
    public static void SetGradient(ParameterSlot slot, float[] gradient)
    {
        slot.Value.ZeroGrad();
        slot.Value.Backward(new Tensor((float[])gradient.Clone(), slot.Shape.ToArray()));
    }
}
