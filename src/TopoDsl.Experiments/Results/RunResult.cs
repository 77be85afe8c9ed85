namespace TopoDsl.Experiments.Results;

/// <summary>
/// One run (one seed of one sweep cell) as <c>results.json</c> records it. The README documents every field.
/// Numbers are written in their shortest round-trip form, so a file read back gives the same doubles. The topology
/// and certificate fields it inherits describe the first tracked layer; <see cref="OtherLayers"/> holds the rest.
/// </summary>
public sealed class RunResult : LayerResult
{
    /// <summary>The experiment's name.</summary>
    public string Experiment { get; set; } = "";

    /// <summary>The cell's stable id, e.g. "lr=0.25etastar_seed=1"; also the name of its folders.</summary>
    public string Cell { get; set; } = "";

    /// <summary>The cell's id without its seed ("lr=0.25etastar"; empty without a sweep): the runs a figure or a summary line groups.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SweepPoint => Cell.LastIndexOf("seed=", StringComparison.Ordinal) is var at and > 0 ? Cell[..(at - 1)] : "";

    /// <summary>The run's seed (data, initialisation, batches).</summary>
    public ulong Seed { get; set; }

    /// <summary>Every hyperparameter the run set, with the step size as used (after multiplying by η*).</summary>
    public SortedDictionary<string, double> Hyperparameters { get; set; } = [];

    /// <summary>The sweep coordinates of the cell as declared (a multiple of η* stays a multiple).</summary>
    public SortedDictionary<string, double> Sweep { get; set; } = [];

    /// <summary>The step-size hyperparameter's name.</summary>
    public string StepSize { get; set; } = "lr";

    /// <summary>The step size η.</summary>
    public double Eta { get; set; }

    /// <summary>The sharpness K (top Hessian eigenvalue) at initialisation.</summary>
    public double K { get; set; }

    /// <summary>η K at initialisation.</summary>
    public double EtaTimesK { get; set; }

    /// <summary>"below 1" (Theorem 1's regime), "1 to 2", or "at or above 2" (beyond the edge of stability), from <see cref="EtaTimesK"/>.</summary>
    public string Phase { get; set; } = "";

    /// <summary>What K is measured on, e.g. "the first 1024 training samples".</summary>
    public string SharpnessData { get; set; } = "";

    /// <summary>K over the run.</summary>
    public List<StepValue> Sharpness { get; set; } = [];

    /// <summary>The same topology and certificate fields for every further tracked layer.</summary>
    public List<LayerResult> OtherLayers { get; set; } = [];

    /// <summary>The result of the <paramref name="k"/>-th tracked layer (0 is this run's own fields), made when it is new.</summary>
    public LayerResult LayerAt(int k)
    {
        if (k == 0) return this;
        while (OtherLayers.Count < k) OtherLayers.Add(new LayerResult());
        return OtherLayers[k - 1];
    }

    /// <summary>Loss on the whole training set at the end (or when the run diverged, the last finite batch loss).</summary>
    public double TrainLoss { get; set; }

    /// <summary>Loss on the test set at the end.</summary>
    public double TestLoss { get; set; }

    /// <summary>Training accuracy at the end, for classification.</summary>
    public double? TrainAccuracy { get; set; }

    /// <summary>Test accuracy at the end, for classification.</summary>
    public double? TestAccuracy { get; set; }

    /// <summary>Optimizer steps taken.</summary>
    public int Steps { get; set; }

    /// <summary>Whether the loss became non-finite.</summary>
    public bool Diverged { get; set; }

    /// <summary>The step at which it did.</summary>
    public int? DivergedAtStep { get; set; }
}
