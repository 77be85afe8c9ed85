using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>Modules applied in order; parameters are named by position, as PyTorch's nn.Sequential ("0.weight").</summary>
public sealed class Sequential(params Module[] layers) : Module
{
    public IReadOnlyList<Module> Layers { get; } = layers;

    public override Tensor Forward(Tensor input)
    {
        var x = input;
        for (int i = 0; i < Layers.Count; i++)
        {
            // A Linear layer and the activation after it go together, so that the layer can fuse them (Linear.Forward(Tensor, ActivationKind)).
            if (Layers[i] is Linear linear && i + 1 < Layers.Count && Layers[i + 1] is Activation activation)
            {
                x = linear.Forward(x, activation.Kind);
                i++;
            }
            else x = Layers[i].Forward(x);
        }
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
