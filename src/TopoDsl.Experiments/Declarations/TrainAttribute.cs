namespace TopoDsl.Experiments;

/// <summary>How each run trains: for how long, in which batches, with how many seeds.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TrainAttribute : Attribute
{
    /// <summary>Passes over the training set (give this or <see cref="Steps"/>).</summary>
    public int Epochs { get; set; }

    /// <summary>Optimizer steps in all (give this or <see cref="Epochs"/>).</summary>
    public int Steps { get; set; }

    /// <summary>Samples per step; 0 (the default) trains on the full training set each step (gradient descent).</summary>
    public int BatchSize { get; set; }

    /// <summary>How many seeds each cell runs with (default 1): <see cref="FirstSeed"/>, the next, and so on.</summary>
    public int Seeds { get; set; } = 1;

    /// <summary>The first seed (default 0).</summary>
    public int FirstSeed { get; set; }

    /// <summary>
    /// Every run starts from the first seed's network (default false: each seed draws its own); the seeds still set the
    /// data and the order of batches. Training paths from one start are what [HomotopyClasses] compares best.
    /// </summary>
    public bool SharedInitialisation { get; set; }
}
