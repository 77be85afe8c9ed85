using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Experiments.Topology;

/// <summary>The topology of one neuron cloud at one step.</summary>
/// <param name="Step">The optimizer steps taken before the measurement (0 = initialisation).</param>
/// <param name="Diameter">The cloud's diameter, in the measurement coordinates.</param>
/// <param name="Scale">The Rips scale at which <paramref name="Betti"/> is read.</param>
/// <param name="Truncation">The filtration's end; bars alive there are cut at it in <paramref name="Diagrams"/>.</param>
/// <param name="Points">Points measured: the cloud, or its farthest-point sample.</param>
/// <param name="Neurons">Neurons in the cloud.</param>
/// <param name="CoveringRadius">With a sample, every neuron lies within this distance of a sampled one (0 without).</param>
/// <param name="Diagrams">Persistence diagrams per dimension, deaths cut at <paramref name="Truncation"/>.</param>
/// <param name="Betti">Betti numbers of the Rips complex at <paramref name="Scale"/>.</param>
/// <param name="PersistentBetti">Bars at least the persistent fraction of the diameter long, per dimension.</param>
public sealed record TopologySnapshot(
    int Step, double Diameter, double Scale, double Truncation, int Points, int Neurons, double CoveringRadius,
    IReadOnlyList<IReadOnlyList<PersistenceInterval>> Diagrams, int[] Betti, int[] PersistentBetti)
{
    /// <summary>Whether the cloud was subsampled for the measurement.</summary>
    public bool Sampled => Points < Neurons;
}
