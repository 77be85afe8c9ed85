using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Definitions;

/// <summary>How the tracked layer's neurons start: a named shape, or the network's own random initialisation.</summary>
/// <param name="Name">What the shape is, e.g. "figure-eight".</param>
/// <param name="Create">(neurons H, coordinates D, seed) → the H x D cloud; null keeps the network's initialisation.</param>
/// <param name="Layer">The hidden layer it initialises.</param>
/// <param name="ExpectedBetti">The Betti numbers the shape has, when known (e.g. (1, 2) for the figure-eight).</param>
public sealed record NeuronInitialisation(string Name, Func<int, int, ulong, Tensor>? Create, int Layer = 0, int[]? ExpectedBetti = null)
{
    /// <summary>The network's own random initialisation.</summary>
    public static NeuronInitialisation Default { get; } = new("default", null);

    /// <summary>Which of Yang et al.'s shapes this is, when it is one.</summary>
    public NeuronShape? Shape { get; init; }
}
