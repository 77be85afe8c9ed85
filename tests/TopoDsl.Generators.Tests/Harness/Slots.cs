using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>Parameter slots on TopoDsl.Training tensors, filled from seeded random numbers.</summary>
public static class Slots
{
    public static float[] Normal(Random random, int count, double scale = 1.0)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }

    public static ParameterSlot Slot(string name, float[] values, int[] shape, NeuronAxis? neurons = null) =>
        new(name, new Tensor((float[])values.Clone(), shape) { RequiresGrad = true }, neurons);

    /// <summary>Sets the slot's gradient to exactly <paramref name="gradient"/>: Backward of sum(p * g).</summary>
    public static void SetGradient(ParameterSlot slot, float[] gradient)
    {
        slot.Value.ZeroGrad();
        (slot.Value * new Tensor((float[])gradient.Clone(), slot.Shape.ToArray())).Sum().Backward();
        Assert.True(slot.Gradient.SequenceEqual(gradient), $"{slot.Name}: Backward of sum(p * g) did not give g exactly");
    }
}
