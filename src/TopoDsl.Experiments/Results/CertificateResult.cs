namespace TopoDsl.Experiments.Results;

/// <summary>Theorem 1's bi-Lipschitz certificate over a run.</summary>
public sealed class CertificateResult
{
    /// <summary>Whether the theorem applies: the rule is equivariant and Lipschitz at these hyperparameters.</summary>
    public bool Applies { get; set; }

    /// <summary>Why it does not apply (the rule checker's reasons), or notes on how it was checked.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>Whether every step's ratios stayed in [1 − ηK, 1 + ηK] (null when the theorem does not apply).</summary>
    public bool? Held { get; set; }

    /// <summary>The first step that left the bounds.</summary>
    public int? FirstFailure { get; set; }

    /// <summary>K_hat = max |ratio − 1| / η, beyond float32 rounding.</summary>
    public double? KHat { get; set; }

    /// <summary>max |ratio − 1| beyond float32 rounding.</summary>
    public double? MaxRatioDeviation { get; set; }

    /// <summary>Pairs that came closer than the merge distance, summed over steps.</summary>
    public long? MergeEvents { get; set; }

    /// <summary>The merge distance (absolute, in the neurons' coordinates).</summary>
    public double? MergeDistance { get; set; }

    /// <summary>"all", or the size of the fixed random sample of pairs compared between checkpoints.</summary>
    public string Pairs { get; set; } = "";
}
