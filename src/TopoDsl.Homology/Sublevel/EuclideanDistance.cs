using System.Runtime.CompilerServices;
using System.Numerics;

namespace TopoDsl.Homology.Sublevel;

internal static class EuclideanDistance
{
    /// <summary>
    /// Squared distance accumulated in double, abandoned early once the partial sum exceeds bound (then the partial
    /// sum, itself above bound, is returned). Additions of squares never decrease a partial sum, so a candidate
    /// abandoned this way is truly farther than bound. The k-d tree and the brute-force search both call this one
    /// function, so they see bit-identical distances and agree exactly, ties included.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredWithin(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double bound)
    {
        int c = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var lanes = Vector<double>.Zero;
            for (; c <= a.Length - Vector<float>.Count; c += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(a[c..]), out var aLow, out var aHigh);
                Vector.Widen(new Vector<float>(b[c..]), out var bLow, out var bHigh);
                var low = aLow - bLow;
                var high = aHigh - bHigh;
                lanes += low * low + high * high;
                sum = Vector.Sum(lanes);
                if (sum > bound) return sum;
            }
        }
        for (; c < a.Length; c++)
        {
            double diff = (double)a[c] - b[c];
            sum += diff * diff;
            if (sum > bound) return sum;
        }
        return sum;
    }
}
