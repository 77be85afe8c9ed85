namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// Which pairs the bi-Lipschitz certificate compares, and when two neurons count as merged. Small clouds are compared
/// over all pairs at every step. Larger ones over all pairs at every persistence checkpoint, and between checkpoints
/// over each neuron's nearest neighbours (where merging shows first; refreshed at every checkpoint) and a fixed random
/// sample of pairs (where tearing shows).
/// </summary>
public sealed record CertificateOptions
{
    /// <summary>Clouds of at most this many neurons are checked over all pairs at every step (default 256).</summary>
    public int AllPairsUpTo { get; init; } = 256;

    /// <summary>Between checkpoints, larger clouds are checked on this many fixed random pairs (default 4096)...</summary>
    public int SampledPairs { get; init; } = 4096;

    /// <summary>...and on each neuron's this many nearest neighbours at the last checkpoint (default 4).</summary>
    public int NearestNeighbours { get; init; } = 4;

    /// <summary>Two neurons closer than this fraction of the initial cloud's diameter count as merged (default 1e-5).</summary>
    public double MergeTolerance { get; init; } = 1e-5;
}
