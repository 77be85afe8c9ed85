namespace TopoDsl.Experiments;

/// <summary>
/// What the generated loop measures and how often. Without it: hidden layer 0, ten persistence checkpoints, K at the
/// start and the end, H0..H2 in raw coordinates at 0.25 x the diameter.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TrackAttribute : Attribute
{
    // The runtime records hold the defaults; the attribute starts from them.
    private static readonly Definitions.Tracking Defaults = new();

    /// <summary>The hidden layers to track (default { 0 }).</summary>
    public int[] Layers { get; set; } = [0];

    /// <summary>Persistence checkpoints over a run, evenly spaced (default 10), unless <see cref="PersistenceEvery"/> is set.</summary>
    public int Checkpoints { get; set; } = Defaults.Checkpoints;

    /// <summary>A persistence checkpoint every this many steps (0 = use <see cref="Checkpoints"/>).</summary>
    public int PersistenceEvery { get; set; }

    /// <summary>Measure the sharpness K every this many steps (0 = at the start and the end only).</summary>
    public int SharpnessEvery { get; set; }

    /// <summary>
    /// K is measured on the first this many training samples (default 256; 0 = all of them). Yang et al. measure it
    /// on one batch; the estimate moves little with more samples, while its cost grows with them.
    /// </summary>
    public int SharpnessSamples { get; set; } = Defaults.SharpnessSamples;

    /// <summary>
    /// Measure the whole-set train loss and accuracy at every persistence checkpoint, not only at the start and the end
    /// (between them, the batch loss of every step in <c>loss.csv</c> is the train curve). The test loss is measured
    /// at every checkpoint either way.
    /// </summary>
    public bool TrainLossAtCheckpoints { get; set; } = Defaults.TrainLossAtCheckpoints;

    /// <summary>The highest homology dimension (default 2).</summary>
    public int MaxDimension { get; set; } = Defaults.Topology.MaxDimension;

    /// <summary>Raw coordinates (the paper's code) or standardised per axis (shows the figure-eight's loops).</summary>
    public CloudCoordinates Coordinates { get; set; } = Defaults.Topology.Coordinates;

    /// <summary>Betti numbers at this fraction of the diameter (default 0.25, the paper's).</summary>
    public double ScaleFraction { get; set; } = Defaults.Topology.ScaleFraction;

    /// <summary>A fixed Betti scale instead (NaN, the default, means none).</summary>
    public double FixedScale { get; set; } = double.NaN;

    /// <summary>Persistent Betti numbers count bars at least this fraction of the diameter long (default 0.05); above the sampling noise, below the features.</summary>
    public double PersistentFraction { get; set; } = Defaults.Topology.PersistentFraction;

    /// <summary>The filtration stops at this fraction of the diameter, or at the Betti scale if larger (default 0.25).</summary>
    public double TruncationFraction { get; set; } = Defaults.Topology.TruncationFraction;

    /// <summary>Larger clouds are subsampled to this many points by farthest-point sampling (default 256).</summary>
    public int MaxPoints { get; set; } = Defaults.Topology.MaxPoints;

    /// <summary>The certificate compares all pairs at every step up to this many neurons (default 256); larger clouds at every persistence checkpoint.</summary>
    public int AllPairsUpTo { get; set; } = Defaults.Certificate.AllPairsUpTo;

    /// <summary>Between checkpoints, larger clouds are compared on this many fixed random pairs (default 4096)...</summary>
    public int SampledPairs { get; set; } = Defaults.Certificate.SampledPairs;

    /// <summary>...and on each neuron's this many nearest neighbours at the last checkpoint (default 4).</summary>
    public int NearestNeighbours { get; set; } = Defaults.Certificate.NearestNeighbours;

    /// <summary>Neurons closer than this fraction of the initial diameter count as merged (default 1e-5).</summary>
    public double MergeTolerance { get; set; } = Defaults.Certificate.MergeTolerance;
}
