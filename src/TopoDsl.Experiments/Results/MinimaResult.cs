namespace TopoDsl.Experiments.Results;

/// <summary>
/// The barcode of minima of one sweep point: its runs' trained networks as minima, the AutoNEB barriers between the
/// pairs connected, the segments [loss, saddle] of the minima that escape to a lower one, and TO-score aggregates.
/// </summary>
public sealed class MinimaResult
{
    /// <summary>The sweep point ("" without a sweep).</summary>
    public string SweepPoint { get; set; } = "";

    /// <summary>The runs whose networks are the minima, in order.</summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>The training samples the loss is measured on.</summary>
    public int Samples { get; set; }

    /// <summary>Each minimum's loss.</summary>
    public double[] Losses { get; set; } = [];

    /// <summary>Barrier of each pair (NaN where the pair was not connected; the diagonal is the minimum's loss).</summary>
    public double[][] Barriers { get; set; } = [];

    /// <summary>Every connected pair with its loss profile along the path.</summary>
    public List<MinimaPath> Paths { get; set; } = [];

    /// <summary>One segment per minimum that escapes to a lower one, in the order they join.</summary>
    public List<MinimaSegment> Segments { get; set; } = [];

    /// <summary>The lowest minimum of each group that the connected pairs join, lowest first: their bars never die.</summary>
    public int[] GroupMinima { get; set; } = [];

    /// <summary>The highest barrier minus the lowest minimum's loss.</summary>
    public double LossRange { get; set; }

    /// <summary>TO-score aggregates of the segment lengths: "L2", "L1", "Max", and each divided by the loss range ("L2/range", ...). The paper's own aggregation is not public.</summary>
    public SortedDictionary<string, double> Scores { get; set; } = [];
}

/// <summary>The AutoNEB path between minima <see cref="First"/> and <see cref="Second"/> (indices into the cells).</summary>
public sealed class MinimaPath
{
    /// <summary>The start minimum.</summary>
    public int First { get; set; }

    /// <summary>The end minimum.</summary>
    public int Second { get; set; }

    /// <summary>The highest loss along the path.</summary>
    public double Barrier { get; set; }

    /// <summary>Images of the final chain.</summary>
    public int Images { get; set; }

    /// <summary>Arc-length positions (0 to 1) of the profile's points.</summary>
    public double[] Positions { get; set; } = [];

    /// <summary>The loss at each position.</summary>
    public double[] ProfileLosses { get; set; } = [];
}

/// <summary>A minimum's segment: born at its loss, dying at the saddle where it joins the lower minimum it escapes to.</summary>
public sealed record MinimaSegment(int Minimum, double Loss, double Saddle, int EscapesTo, double Length);
