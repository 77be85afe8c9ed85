namespace TopoDsl.Experiments.Topology;

/// <summary>How the topology of a neuron cloud is measured at a checkpoint.</summary>
public sealed record TopologyOptions
{
    /// <summary>The highest homology dimension (default 2: H0, H1, H2).</summary>
    public int MaxDimension { get; init; } = 2;

    /// <summary>Raw or per-axis standardised coordinates (default raw, as the paper's code).</summary>
    public CloudCoordinates Coordinates { get; init; } = CloudCoordinates.Raw;

    /// <summary>The Betti numbers are read at this fraction of the cloud's diameter (default 0.25, the paper's), unless <see cref="FixedScale"/> is set.</summary>
    public double ScaleFraction { get; init; } = 0.25;

    /// <summary>A fixed Rips scale for the Betti numbers instead of a fraction of the diameter.</summary>
    public double? FixedScale { get; init; }

    /// <summary>
    /// Persistent Betti numbers count bars at least this fraction of the diameter long (default 0.05). It must exceed
    /// the sampling noise (bars about as long as the spacing of the points) and stay below the features' persistence:
    /// the figure-eight's loops and the gap between the two circles (about 0.08) pass at 0.05.
    /// </summary>
    public double PersistentFraction { get; init; } = 0.05;

    /// <summary>
    /// The filtration stops at this fraction of the diameter, or at the Betti scale if that is larger (default 0.25);
    /// bars alive there are cut at it. H2 costs grow quickly with it.
    /// </summary>
    public double TruncationFraction { get; init; } = 0.25;

    /// <summary>Clouds with more neurons are subsampled to this many by farthest-point sampling (default 256).</summary>
    public int MaxPoints { get; init; } = 256;

    /// <summary>Coefficients in Z/p (default 11, GUDHI's default field, as the paper's code).</summary>
    public int Modulus { get; init; } = 11;
}
