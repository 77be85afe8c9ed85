namespace TopoDsl.Experiments.Definitions;

/// <summary>
/// Everything an experiment declares, in runtime form. The experiments generator builds one from a class's
/// attributes; tests and scripts can build one by hand.
/// </summary>
public sealed record ExperimentDefinition
{
    /// <summary>The name <c>run NAME</c> takes.</summary>
    public required string Name { get; init; }

    /// <summary>One line on what the experiment shows.</summary>
    public string Description { get; init; } = "";

    /// <summary>The network.</summary>
    public required NetworkChoice Network { get; init; }

    /// <summary>seed → the training and test data.</summary>
    public required Func<ulong, ExperimentData> Data { get; init; }

    /// <summary>How the tracked layer's neurons start.</summary>
    public NeuronInitialisation Initialisation { get; init; } = NeuronInitialisation.Default;

    /// <summary>The update rule.</summary>
    public required OptimizerChoice Optimizer { get; init; }

    /// <summary>Hyperparameters fixed for every run (name → value); the rule's own defaults stand for the rest.</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; init; } = new Dictionary<string, double>();

    /// <summary>The grid: every combination of the axes' values is a cell, run once per seed.</summary>
    public IReadOnlyList<SweepAxis> Sweep { get; init; } = [];

    /// <summary>How long and in which batches each run trains.</summary>
    public required Schedule Schedule { get; init; }

    /// <summary>What is measured, and how often.</summary>
    public Tracking Tracking { get; init; } = new();

    /// <summary>The loss-landscape analyses after the runs (none by default).</summary>
    public LandscapeAnalyses Landscape { get; init; } = new();

    /// <summary>What <c>--quick</c> changes.</summary>
    public QuickSettings Quick { get; init; } = new();

    /// <summary>
    /// The declaration as text (the generator passes the attributes' source). It is part of the fingerprint that a
    /// resumed run must match, so that results of two declarations are never mixed.
    /// </summary>
    public string Declaration { get; init; } = "";
}
