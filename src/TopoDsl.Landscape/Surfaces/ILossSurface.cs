namespace TopoDsl.Landscape.Surfaces;

/// <summary>
/// A loss as a function of a point in parameter space: what the landscape tools (minimum-energy paths, slices)
/// evaluate. Points are flat vectors of <see cref="Dimension"/> numbers.
/// </summary>
public interface ILossSurface
{
    /// <summary>The number of coordinates of a point.</summary>
    int Dimension { get; }

    /// <summary>The loss at a point.</summary>
    double Loss(ReadOnlySpan<double> point);

    /// <summary>The loss at a point, with its gradient written to <paramref name="gradient"/>.</summary>
    double LossAndGradient(ReadOnlySpan<double> point, Span<double> gradient);
}
