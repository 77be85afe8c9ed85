using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>Max or average pooling without padding.</summary>
public sealed class Pool2d(bool max, int kernel, int? stride = null) : Module
{
    public override Tensor Forward(Tensor input) => max ? input.MaxPool2d(kernel, stride) : input.AvgPool2d(kernel, stride);

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters() => [];
}
