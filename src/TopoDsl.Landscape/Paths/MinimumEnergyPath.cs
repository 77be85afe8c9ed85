namespace TopoDsl.Landscape.Paths;

/// <summary>A point of a path's loss profile: its arc-length position (0 at the start, 1 at the end) and its loss.</summary>
public readonly record struct ProfilePoint(double Position, double Loss);

/// <summary>
/// The relaxed chain between two minima and its loss profile, evaluated densely between the images; the barrier is
/// the highest loss of the profile (PyTorch-AutoNEB's saddle estimate).
/// </summary>
public sealed class MinimumEnergyPath
{
    internal MinimumEnergyPath(IReadOnlyList<double[]> images, IReadOnlyList<double> imageLosses, IReadOnlyList<ProfilePoint> profile, double[] highestPoint)
    {
        Images = images;
        ImageLosses = imageLosses;
        Profile = profile;
        HighestPoint = highestPoint;
        Barrier = profile.Max(p => p.Loss);
    }

    /// <summary>The images from the start minimum to the end minimum, both included.</summary>
    public IReadOnlyList<double[]> Images { get; }

    /// <summary>The loss at each image.</summary>
    public IReadOnlyList<double> ImageLosses { get; }

    /// <summary>The loss along the path: every image and the points between them.</summary>
    public IReadOnlyList<ProfilePoint> Profile { get; }

    /// <summary>The highest loss along the path: the estimate of the saddle between the two minima.</summary>
    public double Barrier { get; }

    /// <summary>Where the profile is highest: the estimate of the saddle point.</summary>
    public IReadOnlyList<double> HighestPoint { get; }
}
