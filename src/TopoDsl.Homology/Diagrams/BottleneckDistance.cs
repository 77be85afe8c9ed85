namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The exact bottleneck distance between persistence diagrams: the smallest ε such that the points can be matched
/// to each other or to the diagonal with every matched pair at most ε apart. The ground metric is L∞ by default
/// (GUDHI's and hera's), where a point's distance to the diagonal is (death − birth)/2.
/// </summary>
public static class BottleneckDistance
{
    /// <summary>
    /// The bottleneck distance between two diagrams under the L_internalP ground metric. Essential bars
    /// (death = +inf) are matched only with each other, in order of birth; diagrams with different numbers of
    /// essential bars are at distance +infinity.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">internalP is NaN or below 1.</exception>
    /// <exception cref="ArgumentException">A bar has a NaN or infinite birth, a NaN death, or dies before it is born.</exception>
    public static double Compute(IReadOnlyList<PersistenceInterval> a, IReadOnlyList<PersistenceInterval> b,
        double internalP = double.PositiveInfinity)
    {
        var metric = new GroundMetric(internalP);
        var pointsA = DiagramPoints.From(a, nameof(a));
        var pointsB = DiagramPoints.From(b, nameof(b));
        var essential = EssentialBars.BottleneckCost(pointsA.EssentialBirths, pointsB.EssentialBirths);
        if (double.IsPositiveInfinity(essential)) return essential;
        if (double.IsPositiveInfinity(internalP) && EqualBirthBottleneck.Applies(pointsA, pointsB))
            return Math.Max(essential, EqualBirthBottleneck.Compute(pointsA, pointsB));
        return Math.Max(essential, BottleneckSearch.Compute(pointsA, pointsB, metric));
    }

    /// <summary>The bottleneck distance between the diagrams of one homology dimension of two barcodes.</summary>
    public static double Compute(Barcode a, Barcode b, int dimension, double internalP = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compute(a[dimension], b[dimension], internalP);
    }
}
