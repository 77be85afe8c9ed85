namespace TopoDsl.Landscape.Paths;

/// <summary>One cycle of AutoNEB: this many optimisation steps of the chain at this learning rate.</summary>
public readonly record struct AutoNebCycle(int Steps, double LearningRate);

/// <summary>
/// How <see cref="AutoNeb"/> relaxes a chain of images between two minima. The defaults are PyTorch-AutoNEB's for
/// CIFAR-10 ResNet-20 (Draxler et al. 2018): 3 images inserted evenly, then up to 2 per cycle where the loss rises
/// most above the straight line between neighbouring images; 14 cycles of SGD with momentum 0.9.
/// </summary>
public sealed record AutoNebOptions
{
    /// <summary>Draxler et al.'s schedule: 4 x 1000 steps at 0.1, 2 x 2000 at 0.1, 4 x 1000 at 0.01, 4 x 1000 at 0.001.</summary>
    public static IReadOnlyList<AutoNebCycle> Draxler2018Cycles { get; } =
    [
        .. Enumerable.Repeat(new AutoNebCycle(1000, 0.1), 4),
        .. Enumerable.Repeat(new AutoNebCycle(2000, 0.1), 2),
        .. Enumerable.Repeat(new AutoNebCycle(1000, 0.01), 4),
        .. Enumerable.Repeat(new AutoNebCycle(1000, 0.001), 4),
    ];

    /// <summary>The cycles, in order; images are inserted before each.</summary>
    public IReadOnlyList<AutoNebCycle> Cycles { get; init; } = Draxler2018Cycles;

    /// <summary>Momentum of the images' SGD (PyTorch's form: v = μv + g, x -= lr v).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Images placed evenly on the straight line before the first cycle.</summary>
    public int InitialImages { get; init; } = 3;

    /// <summary>At most this many images inserted before each later cycle.</summary>
    public int InsertPerCycle { get; init; } = 2;

    /// <summary>
    /// An image is inserted in a segment only where the loss rises above the straight line between its two images by
    /// more than this fraction of the chain's loss range (highest image minus lowest).
    /// </summary>
    public double InsertThreshold { get; init; } = 0.1;

    /// <summary>Points evaluated inside each segment to place insertions and to find the barrier (9: 10 parts per segment).</summary>
    public int PointsPerSegment { get; init; } = 9;

    internal void Validate()
    {
        if (Cycles is null || Cycles.Count == 0) throw new ArgumentException("AutoNebOptions.Cycles: give at least one cycle", "options");
        for (int c = 0; c < Cycles.Count; c++)
            if (Cycles[c].Steps < 0 || !(Cycles[c].LearningRate > 0) || !double.IsFinite(Cycles[c].LearningRate))
                throw new ArgumentException($"AutoNebOptions.Cycles[{c}]: steps must be 0 or more and the learning rate positive and finite, not ({Cycles[c].Steps}, {Cycles[c].LearningRate})", "options");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentException($"AutoNebOptions.Momentum: must lie in [0, 1), not {Momentum}", "options");
        if (InitialImages < 1) throw new ArgumentException($"AutoNebOptions.InitialImages: must be 1 or more, not {InitialImages}", "options");
        if (InsertPerCycle < 0) throw new ArgumentException($"AutoNebOptions.InsertPerCycle: must be 0 or more, not {InsertPerCycle}", "options");
        if (!(InsertThreshold >= 0)) throw new ArgumentException($"AutoNebOptions.InsertThreshold: must be 0 or more, not {InsertThreshold}", "options");
        if (PointsPerSegment < 1) throw new ArgumentException($"AutoNebOptions.PointsPerSegment: must be 1 or more, not {PointsPerSegment}", "options");
    }
}
