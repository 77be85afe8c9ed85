namespace TopoDsl.Homology.Sublevel;

internal static class EuclideanDistance
{
    /// <summary>
    /// Squared distance accumulated in double in coordinate order. The k-d tree and the brute-force search both
    /// call this one function, so they see bit-identical distances and agree exactly, ties included.
    /// </summary>
    public static double Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int c = 0; c < a.Length; c++)
        {
            double diff = (double)a[c] - b[c];
            sum += diff * diff;
        }
        return sum;
    }
}
