namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// Essential bars (b, +inf) can only be matched with each other, and the optimal matching of two sorted
/// birth lists pairs them in order (for any cost convex in |Δbirth|, in particular |Δbirth|^p and max).
/// </summary>
internal static class EssentialBars
{
    /// <summary>The largest |Δbirth| of the sorted pairing, or +inf when the counts differ.</summary>
    public static double BottleneckCost(double[] sortedBirthsA, double[] sortedBirthsB)
    {
        if (sortedBirthsA.Length != sortedBirthsB.Length) return double.PositiveInfinity;
        var worst = 0.0;
        for (var i = 0; i < sortedBirthsA.Length; i++)
            worst = Math.Max(worst, Math.Abs(sortedBirthsA[i] - sortedBirthsB[i]));
        return worst;
    }

    /// <summary>The sum of (|Δbirth| / unit)^p of the sorted pairing; the counts must be equal.</summary>
    public static double WassersteinCost(double[] sortedBirthsA, double[] sortedBirthsB, double p, double unit)
    {
        var sum = 0.0;
        for (var i = 0; i < sortedBirthsA.Length; i++)
            sum += GroundMetric.Power(Math.Abs(sortedBirthsA[i] - sortedBirthsB[i]) / unit, p);
        return sum;
    }
}
