using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>Modules applied in order; parameters are named by position, as PyTorch's nn.Sequential ("0.weight").</summary>
public sealed class Sequential(params Module[] layers) : Module
{
    public IReadOnlyList<Module> Layers { get; } = layers;

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in Layers) x = layer.Forward(x);
        return x;
    }

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters()
    {
        for (int i = 0; i < Layers.Count; i++)
            foreach (var (name, value) in Layers[i].NamedParameters())
                yield return ($"{i}.{name}", value);
    }

    public override string ToString() => $"Sequential({string.Join(", ", Layers)})";
}
