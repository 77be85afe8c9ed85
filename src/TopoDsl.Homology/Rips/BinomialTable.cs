using System.Globalization;
using System.Runtime.CompilerServices;
namespace TopoDsl.Homology.Rips;

/// <summary>
/// Binomial coefficients C(i, k) for 0 &lt;= i &lt;= n, 0 &lt;= k &lt;= maxK, laid out by k so that the rows a
/// cofacet enumeration walks are contiguous. The combinatorial number system maps a simplex with vertices
/// v_d &gt; ... &gt; v_0 to the 64-bit index sum C(v_i, i + 1).
/// </summary>
internal sealed class BinomialTable
{
    private readonly long[] _table;
    private readonly int _stride;

    /// <param name="maxIndex">the largest index the engine can store (Z/p keeps coefficients in the index's high bits)</param>
    public BinomialTable(int n, int maxK, long maxIndex = long.MaxValue)
    {
        EnsureIndexable(n, maxK, maxIndex);
        _stride = n + 1;
        _table = new long[(maxK + 1) * _stride];
        for (int i = 0; i <= n; i++)
        {
            _table[i] = 1; // C(i, 0)
            for (int k = 1; k <= Math.Min(i, maxK); k++)
                _table[k * _stride + i] = this[i - 1, k - 1] + this[i - 1, k];
        }
        VertexCount = n;
        MaxK = maxK;
    }

    /// <summary>
    /// Throws <see cref="SimplexIndexOverflowException"/> unless every C(i, k), i &lt;= n, k &lt;= maxK, is at most
    /// <paramref name="maxIndex"/>. Decided from n and maxK alone, so that a run whose simplices cannot be numbered
    /// is refused before its distance matrix and edges are built.
    /// </summary>
    public static void EnsureIndexable(int n, int maxK, long maxIndex)
    {
        // C(i, k) grows with i, so the table's largest entry is the largest C(n, k), k <= maxK.
        Int128 binomial = 1;
        for (int k = 1; k <= Math.Min(n, maxK); k++)
        {
            binomial = binomial * (n - k + 1) / k; // exact: C(n, k - 1) (n - k + 1) = k C(n, k); below 2^94
            if (binomial > maxIndex)
                throw new SimplexIndexOverflowException(n, maxK - 2, k, (double)binomial, maxIndex);
        }
    }

    public int VertexCount { get; }
    public int MaxK { get; }

    /// <summary>C(i, k); zero when k &gt; i.</summary>
    public long this[int i, int k] => _table[k * _stride + i];

    /// <summary>The largest vertex v below <paramref name="upperBound"/> with C(v, k) &lt;= index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int MaxVertex(long index, int k, int upperBound)
    {
        if (k == 1) return (int)index; // C(v, 1) = v
        if (k == 2)
        {
            // C(v, 2) = v(v - 1)/2 <= index: start from the closed form, then correct for rounding.
            int v = (int)((1 + Math.Sqrt(1 + 8.0 * index)) / 2);
            if (v > upperBound) v = upperBound;
            while (this[v, 2] > index) v--;
            while (v < upperBound && this[v + 1, 2] <= index) v++;
            return v;
        }
        int lo = k - 1, hi = upperBound; // C(k - 1, k) = 0 <= index, so the answer lies in [lo, hi]
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (this[mid, k] <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Writes the vertices of the simplex (descending) into <paramref name="vertices"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Vertices(long index, int dimension, Span<int> vertices)
    {
        int upper = VertexCount - 1;
        for (int k = dimension + 1, slot = 0; k > 0; k--, slot++)
        {
            int v = MaxVertex(index, k, upper);
            vertices[slot] = v;
            index -= this[v, k];
            upper = v - 1;
        }
    }

    public long Index(ReadOnlySpan<int> descendingVertices)
    {
        long index = 0;
        int d = descendingVertices.Length;
        for (int slot = 0; slot < d; slot++) index += this[descendingVertices[slot], d - slot];
        return index;
    }
}

/// <summary>The simplices of the requested complex cannot be numbered in 64 bits.</summary>
public sealed class SimplexIndexOverflowException : Exception
{
    /// <param name="vertices">the simplex size k whose index range C(pointCount, k) overflows</param>
    public SimplexIndexOverflowException(int pointCount, int maxDimension, int vertices, double binomial, long maxIndex)
        : base($"{pointCount} points are too many for homology up to dimension {maxDimension}: simplex indices reach " +
               $"C({pointCount}, {vertices}) = {binomial.ToString("0.##e0", CultureInfo.InvariantCulture)}, beyond {Describe(maxIndex)}, the largest a 64-bit index allows" +
               (maxIndex == long.MaxValue ? "" : $" when Z/p coefficients take {ColumnHeap.CoefficientBits} of its bits") +
               ". Lower --dim, or use fewer points.")
    {
        MaxIndex = maxIndex;
    }

    /// <summary>The index limit that was hit: 2^63 - 1 for Z/2, 2^47 - 1 for Z/p with p &gt; 2.</summary>
    public long MaxIndex { get; }

    private static string Describe(long maxIndex)
    {
        ulong limit = (ulong)maxIndex + 1;
        return ulong.IsPow2(limit) ? $"2^{ulong.Log2(limit)} - 1" : maxIndex.ToString(CultureInfo.InvariantCulture);
    }
}
