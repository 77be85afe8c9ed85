namespace TopoDsl.Experiments.Results;

/// <summary>How a run's topology was measured.</summary>
public sealed class TopologyMethod
{
    /// <summary>"raw" or "standardized".</summary>
    public string Coordinates { get; set; } = "raw";

    /// <summary>The Betti scale as a fraction of the diameter, or null with a fixed scale.</summary>
    public double? ScaleFraction { get; set; }

    /// <summary>The fixed Betti scale, if any.</summary>
    public double? FixedScale { get; set; }

    /// <summary>Bars at least this fraction of the diameter long count in the persistent Betti numbers.</summary>
    public double PersistentFraction { get; set; }

    /// <summary>Coefficients Z/p.</summary>
    public int Modulus { get; set; }

    /// <summary>Neurons in the layer.</summary>
    public int Neurons { get; set; }

    /// <summary>Points measured (the farthest-point sample when smaller than <see cref="Neurons"/>).</summary>
    public int Points { get; set; }

    /// <summary>Says whether and how the cloud was subsampled.</summary>
    public string Sampling { get; set; } = "";
}
