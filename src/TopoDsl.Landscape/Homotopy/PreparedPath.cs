namespace TopoDsl.Landscape.Homotopy;

/// <summary>
/// A training path made ready for homotopy tests (<see cref="PathHomotopy.Prepare"/>): its points resampled by arc
/// length, their losses, and the path's highest loss. Comparing N paths pairwise prepares each once instead of N - 1
/// times, and keeps only the samples, not every recorded point.
/// </summary>
public sealed class PreparedPath
{
    internal PreparedPath(double[][] samples, double[] sampleLosses, double highest)
    {
        Samples = samples;
        SampleLosses = sampleLosses;
        Highest = highest;
    }

    internal double[][] Samples { get; }

    // A loss that is not a number is +infinity here: a point where the loss is undefined blocks the way.
    internal double[] SampleLosses { get; }

    /// <summary>The path's highest loss, over its recorded points and its samples.</summary>
    public double Highest { get; }

    /// <summary>Points after resampling.</summary>
    public int SampleCount => Samples.Length;
}
