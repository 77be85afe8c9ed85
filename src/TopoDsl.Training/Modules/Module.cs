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
}
