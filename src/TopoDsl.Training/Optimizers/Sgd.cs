using System.Numerics.Tensors;

namespace TopoDsl.Training.Optimizers;

/// <summary>Plain gradient descent, p -= lr * g: the reference optimizer (torch.optim.SGD without momentum or decay).</summary>
public sealed class Sgd(float learningRate) : IOptimizer
{
    public float LearningRate { get; set; } = learningRate;

    public void Step(IReadOnlyList<ParameterSlot> parameters, int step)
    {
        foreach (var p in parameters)
            TensorPrimitives.MultiplyAdd(p.Gradient, -LearningRate, p.Values, p.Values);
    }
}
