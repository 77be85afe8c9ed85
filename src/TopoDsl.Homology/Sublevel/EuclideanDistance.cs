namespace TopoDsl.Homology.Sublevel;

internal static class EuclideanDistance
{
    /// <summary>
    /// Squared distance accumulated in double in coordinate order, abandoned early once the partial sum exceeds
    /// bound (then the partial sum, itself above bound, is returned). The partial sums only grow, so a candidate
    /// abandoned this way is truly farther than bound: the k-d tree and the brute-force search both call this one
    /// function, see bit-identical distances and agree exactly, ties included.
    /// </summary>
    public static double SquaredWithin(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double bound)
    {
        double sum = 0;
        for (int c = 0; c < a.Length; c++)
        {
            double diff = (double)a[c] - b[c];
            sum += diff * diff;
            if (sum > bound) return sum;
        }
        return sum;
    }
}
