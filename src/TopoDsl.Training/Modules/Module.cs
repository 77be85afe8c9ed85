using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>A layer or network: a forward function and named parameters (PyTorch's naming: "0.weight", "fc.bias").</summary>
public abstract class Module
{
    public abstract Tensor Forward(Tensor input);

    /// <summary>The parameters with their dotted names, in a fixed order (registration order).</summary>
    public abstract IEnumerable<(string Name, Tensor Value)> NamedParameters();

    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Value);

    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ZeroGrad();
    }

    public int ParameterCount => Parameters().Sum(p => p.Count);

    protected static Tensor Parameter(float[] values, params int[] shape) => new(values, shape) { RequiresGrad = true };

    /// <summary>Uniform in ±bound: PyTorch's default for Linear and Conv2d weights and biases (bound 1/sqrt(fan_in)).</summary>
    protected static float[] UniformValues(Rng rng, int count, double bound)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)rng.Uniform(-bound, bound);
        return values;
    }
}
