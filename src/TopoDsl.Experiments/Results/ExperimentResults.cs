namespace TopoDsl.Experiments.Results;

/// <summary>The contents of <c>results.json</c>: one experiment invocation and all its runs.</summary>
public sealed class ExperimentResults
{
    /// <summary>The experiment's name.</summary>
    public string Experiment { get; set; } = "";

    /// <summary>What it shows.</summary>
    public string Description { get; set; } = "";

    /// <summary>Whether this was a <c>--quick</c> run (smaller network, fewer steps and seeds).</summary>
    public bool Quick { get; set; }

    /// <summary>The network trained.</summary>
    public string Network { get; set; } = "";

    /// <summary>The neuron initialisation of the tracked layer.</summary>
    public string Initialisation { get; set; } = "";

    /// <summary>The initialisation's own Betti numbers, when known.</summary>
    public int[]? ExpectedBetti { get; set; }

    /// <summary>The update rule.</summary>
    public string Optimizer { get; set; } = "";

    /// <summary>Every run, in cell order (sweep axes outermost, then seeds).</summary>
    public List<RunResult> Runs { get; set; } = [];

    /// <summary>The loss-landscape analyses after the runs; absent when none is declared.</summary>
    public LandscapeResults? Landscape { get; set; }
}
