namespace TopoDsl.Experiments.Definitions;

/// <summary>How long and in which batches a run trains.</summary>
public sealed record Schedule
{
    /// <summary>Passes over the training set (ignored when <see cref="Steps"/> is set).</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Optimizer steps in all, instead of epochs.</summary>
    public int? Steps { get; init; }

    /// <summary>Samples per step; 0 means the full training set (gradient descent).</summary>
    public int BatchSize { get; init; }

    /// <summary>The seeds; each is one run of every sweep cell.</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [0];

    /// <summary>Whether every run starts from the first seed's network (the seeds then differ in data and batch order only).</summary>
    public bool SharedInitialisation { get; init; }
}
