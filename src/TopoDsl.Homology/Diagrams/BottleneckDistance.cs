namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The exact bottleneck distance between persistence diagrams under the L∞ ground metric: the smallest ε such
/// that the points can be matched to each other or to the diagonal with every matched pair at most ε apart
/// (a point's distance to the diagonal is (death − birth)/2).
/// </summary>
public static class BottleneckDistance
{
    /// <summary>
    /// The bottleneck distance between two diagrams. Essential bars (death = +inf) are matched only with each other,
    /// in order of birth; diagrams with different numbers of essential bars are at distance +infinity.
    /// </summary>
    /// <exception cref="ArgumentException">A bar has a NaN or infinite birth, a NaN death, or dies before it is born.</exception>
    public static double Compute(IReadOnlyList<PersistenceInterval> a, IReadOnlyList<PersistenceInterval> b)
    {
        var pointsA = DiagramPoints.From(a, nameof(a));
        var pointsB = DiagramPoints.From(b, nameof(b));
        var essential = EssentialBars.BottleneckCost(pointsA.EssentialBirths, pointsB.EssentialBirths);
        if (double.IsPositiveInfinity(essential)) return essential;
        return Math.Max(essential, BottleneckSearch.Compute(pointsA, pointsB));
    }

    /// <summary>The bottleneck distance between the diagrams of one homology dimension of two barcodes.</summary>
    public static double Compute(Barcode a, Barcode b, int dimension)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compute(a[dimension], b[dimension]);
    }
}
