using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.TestSupport;

/// <summary>Optimizer slots on fresh parameter tensors, with gradients set to exactly the values a test chooses.</summary>
public static class GradientSlots
{
    public static ParameterSlot Create(string name, float[] values, int[] shape, NeuronAxis? neurons = null) =>
        new(name, new Tensor((float[])values.Clone(), shape) { RequiresGrad = true }, neurons);

    /// <summary>Makes <paramref name="gradient"/> the slot's gradient: a backward pass from the parameter itself, which copies it unchanged.</summary>
    public static void SetGradient(ParameterSlot slot, float[] gradient)
    {
        slot.Value.ZeroGrad();
        slot.Value.Backward(new Tensor((float[])gradient.Clone(), slot.Shape.ToArray()));
        Assert.True(slot.Gradient.SequenceEqual(gradient), $"{slot.Name}: the backward pass did not give the gradient exactly");
    }
}
