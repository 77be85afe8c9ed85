using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Optimizers;

/// <summary>Builds the optimizer's view of a model: one slot per named parameter, with the neuron axis of hidden-layer parameters.</summary>
public static class ParameterSlots
{
    /// <summary>Slots for <paramref name="model"/>; parameters of the given hidden layers carry their neuron axis.</summary>
    public static IReadOnlyList<ParameterSlot> For(Module model, IEnumerable<HiddenLayerNeurons>? hiddenLayers = null)
    {
        var axes = new Dictionary<Tensor, NeuronAxis>(ReferenceEqualityComparer.Instance);
        foreach (var layer in hiddenLayers ?? [])
            foreach (var (parameter, axis) in layer.Layout)
                if (!axes.TryAdd(parameter, axis))
                    throw new ArgumentException("a parameter belongs to two hidden layers' neurons (e.g. the middle Linear of a 3-layer MLP); give one layer per parameter");
        return model.NamedParameters()
            .Select(p => new ParameterSlot(p.Name, p.Value, axes.TryGetValue(p.Value, out var a) ? a : null))
            .ToList();
    }
}
