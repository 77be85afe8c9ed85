namespace TopoDsl.Experiments.Certificate;

/// <summary>Which pairs the bi-Lipschitz certificate compares, and when two neurons count as merged.</summary>
public sealed record CertificateOptions
{
    /// <summary>Clouds of at most this many neurons are checked over all pairs at every step (default 1024).</summary>
    public int AllPairsUpTo { get; init; } = 1024;

    /// <summary>Larger clouds are checked on this many fixed random pairs at ordinary steps, and over all pairs at persistence checkpoints.</summary>
    public int SampledPairs { get; init; } = 131_072;

    /// <summary>Two neurons closer than this fraction of the initial cloud's diameter count as merged (default 1e-5).</summary>
    public double MergeTolerance { get; init; } = 1e-5;
}
