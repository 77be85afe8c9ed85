using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>[N, ...] to [N, features].</summary>
public sealed class Flatten : Module
{
    public override Tensor Forward(Tensor input) => input.Flatten();

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters() => [];
}
