using TopoDsl.Experiments.Certificate;
using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// Everything a run has measured so far, besides the weights and optimizer state: what a checkpoint saves as JSON,
/// and what the curves and the run's result are written from at the end.
/// </summary>
internal sealed class RunProgress
{
    /// <summary>Steps taken.</summary>
    public int Step { get; set; }

    /// <summary>The result being filled in.</summary>
    public RunResult Result { get; set; } = new();

    /// <summary>The K in force (the latest measurement).</summary>
    public double CurrentK { get; set; }

    /// <summary>Batch loss of every step (index = step − 1).</summary>
    public List<double> BatchLosses { get; set; } = [];

    /// <summary>Losses on the whole train and test sets at each checkpoint.</summary>
    public List<Evaluation> Evaluations { get; set; } = [];

    /// <summary>Per tracked layer: the certificate's totals and per-step record.</summary>
    public List<LayerProgress> Layers { get; set; } = [];
}

/// <summary>Losses and accuracies on the whole test set at a step, and on the training set where it was measured.</summary>
internal sealed record Evaluation(int Step, double? TrainLoss, double TestLoss, double? TrainAccuracy, double? TestAccuracy);

/// <summary>One tracked layer's running record.</summary>
internal sealed class LayerProgress
{
    /// <summary>The certificate's totals (null when the theorem does not apply).</summary>
    public CertificateState? Certificate { get; set; }

    /// <summary>Per step: the largest expansion beyond rounding (fraction of the old distance).</summary>
    public List<double> Expansion { get; set; } = [];

    /// <summary>Per step: the largest contraction beyond rounding.</summary>
    public List<double> Contraction { get; set; } = [];

    /// <summary>Per step: merge events.</summary>
    public List<long> Merges { get; set; } = [];
}
