namespace TopoDsl.Experiments;

/// <summary>
/// After the runs, the barcode of minima of each sweep point (Barannikov et al.): its seeds' trained networks are the
/// minima, pairs of them are joined by AutoNEB minimum-energy paths (chosen along the minimum spanning tree of
/// barriers, as PyTorch-AutoNEB does), and the graph of minima gives the segments and the TO-score (L2, L1 and
/// max of the segment lengths, each also divided by the loss range). Every path is
/// saved when it is found, so an interrupted exploration repeats no pair. Needs at least two seeds.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MinimaBarcodeAttribute : Attribute
{
    /// <summary>The loss is measured on the first this many training samples of the first seed's data (default 0: all of them).</summary>
    public int Samples { get; set; }

    /// <summary>AutoNEB cycles at <see cref="LearningRate"/> (default 4); images are inserted before each cycle.</summary>
    public int Cycles { get; set; } = 4;

    /// <summary>Then this many cycles at <see cref="FineLearningRate"/> (default 2).</summary>
    public int FineCycles { get; set; } = 2;

    /// <summary>Steps of the chain's SGD per cycle (default 200).</summary>
    public int Steps { get; set; } = 200;

    /// <summary>Learning rate of the first cycles (default 0.01).</summary>
    public double LearningRate { get; set; } = 0.01;

    /// <summary>Learning rate of the fine cycles (default 0.002).</summary>
    public double FineLearningRate { get; set; } = 0.002;

    /// <summary>At most this many pairs per sweep point (default 0: until no pair could lower a barrier).</summary>
    public int MaxPairs { get; set; }
}
