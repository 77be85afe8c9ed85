namespace TopoDsl.Experiments;

/// <summary>
/// After each run, the training loss on a 2-D slice through the trained network along two filter-normalised random
/// directions (Li et al.), its 0-dimensional sublevel persistence (minima, saddles, bars) and its total persistence
/// (Tamim). The report draws each slice as a heat map with its minima and saddles marked. Rows are saved as they are
/// computed, so an interrupted slice continues where it stopped.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LossSliceAttribute : Attribute
{
    /// <summary>Grid points along each direction (default 51, Li et al.'s).</summary>
    public int Resolution { get; set; } = 51;

    /// <summary>Both coefficients run from -Span to Span (default 1: one filter norm each way).</summary>
    public double Span { get; set; } = 1;

    /// <summary>The loss is measured on the first this many training samples (default 0: all of them).</summary>
    public int Samples { get; set; }
}
