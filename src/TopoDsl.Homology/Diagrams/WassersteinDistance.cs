namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The exact p-Wasserstein distance between persistence diagrams: the minimum over matchings of points to each
/// other or to the diagonal of (Σ dist^p)^(1/p), with dist the L_internalP ground metric and a point's diagonal
/// cost its L_internalP distance to the nearest diagonal point ((d−b)/2 for L∞, 2^(1/q−1)(d−b) for L_q).
/// The defaults (p = 2, L∞) match GUDHI's and hera's conventions for internal_p.
/// </summary>
public static class WassersteinDistance
{
    /// <summary>
    /// The p-Wasserstein distance between two diagrams, computed exactly by the Hungarian algorithm in
    /// O((n+m)³) time and O(n·m) memory, after an exact bottleneck computation that bounds the costs.
    /// Essential bars (death = +inf) are matched only with each other, in order of birth, at cost |Δbirth|^p;
    /// different numbers of essential bars give +infinity.
    /// p = +infinity gives the bottleneck distance under the same ground metric.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p or internalP is NaN or below 1.</exception>
    /// <exception cref="ArgumentException">A bar has a NaN or infinite birth, a NaN death, or dies before it is born.</exception>
    public static double Compute(IReadOnlyList<PersistenceInterval> a, IReadOnlyList<PersistenceInterval> b,
        double p = 2, double internalP = double.PositiveInfinity)
    {
        if (double.IsNaN(p) || p < 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "the Wasserstein exponent p must be >= 1");
        var metric = new GroundMetric(internalP);
        if (double.IsPositiveInfinity(p)) return BottleneckDistance.Compute(a, b, internalP);

        var pointsA = DiagramPoints.From(a, nameof(a));
        var pointsB = DiagramPoints.From(b, nameof(b));
        if (pointsA.EssentialBirths.Length != pointsB.EssentialBirths.Length) return double.PositiveInfinity;
        var (unit, finiteSum) = WassersteinAssignment.MinimumCost(pointsA, pointsB, metric, p);

        // Sum both parts in units of the largest of their scales, so that dist^p neither overflows nor underflows.
        var essentialScale = EssentialBars.BottleneckCost(pointsA.EssentialBirths, pointsB.EssentialBirths);
        var scale = Math.Max(unit, essentialScale);
        if (scale == 0) return 0;
        var total = finiteSum * GroundMetric.Power(unit / scale, p) +
                    EssentialBars.WassersteinCost(pointsA.EssentialBirths, pointsB.EssentialBirths, p, scale);
        return scale * Root(total, p);
    }

    /// <summary>The p-Wasserstein distance between the diagrams of one homology dimension of two barcodes.</summary>
    public static double Compute(Barcode a, Barcode b, int dimension, double p = 2,
        double internalP = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Compute(a[dimension], b[dimension], p, internalP);
    }

    private static double Root(double x, double p) => p switch
    {
        1 => x,
        2 => Math.Sqrt(x),
        _ => Math.Pow(x, 1 / p),
    };
}
