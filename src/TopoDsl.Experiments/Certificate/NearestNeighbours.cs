using System.Numerics;
using System.Numerics.Tensors;

namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// Each point's k nearest others, ordered by squared distance and then by index, so that ties are broken the same way
/// by both searches. Squared distances are summed axis by axis in float32 ((x_j - x_i)^2 added in axis order), the
/// same in both, so both find the same neighbours to the bit.
/// </summary>
internal static class NearestNeighbours
{
    /// <summary>Up to this many axes the sweep along one axis prunes well; above it the row search is faster.</summary>
    public const int SweepDimensions = 3;

    /// <summary>Adds a key <see cref="PairKey"/> for each point and each of its k nearest points (a pair may be added twice).</summary>
    /// <remarks><paramref name="k"/> must be below the point count.</remarks>
    public static void AddPairs(float[][] axes, int k, List<long> pairs)
    {
        int count = axes[0].Length;
        if (k <= 0) return;
        var nearest = axes.Length <= SweepDimensions ? BySweep(axes, k) : ByRows(axes, k);
        for (int i = 0; i < count; i++)
            for (int n = 0; n < k; n++) pairs.Add(PairKey(i, nearest[i * k + n]));
    }

    public static long PairKey(int i, int j) => (long)Math.Min(i, j) << 32 | (uint)Math.Max(i, j);

    /// <summary>The pair a <see cref="PairKey"/> names, the lower index first.</summary>
    public static (int First, int Second) Pair(long key) => ((int)(key >> 32), (int)key);

    /// <summary>
    /// Walks outward from each point in the order of the widest axis and stops on a side once that axis alone puts the
    /// next point farther than the k-th found: a sum of squares is never below one of its terms, in float32 too, so
    /// nothing beyond can come nearer. In two or three dimensions a few dozen points are looked at instead of all.
    /// </summary>
    /// <returns>Point i's k nearest at [i k, (i + 1) k), nearest first; k must be below the point count.</returns>
    internal static int[] BySweep(float[][] axes, int k)
    {
        int count = axes[0].Length;
        var result = new int[count * k];
        var axis = axes[WidestAxis(axes)];
        var order = new int[count];
        var keys = new float[count];
        for (int i = 0; i < count; i++) (order[i], keys[i]) = (i, axis[i]);
        Array.Sort(keys, order);
        var nearest = new Nearest(k);
        for (int p = 0; p < count; p++)
        {
            int i = order[p];
            nearest.Clear();
            int left = p - 1, right = p + 1;
            while (left >= 0 || right < count)
            {
                bool takeLeft = right >= count || left >= 0 && axis[i] - axis[order[left]] <= axis[order[right]] - axis[i];
                int j = takeLeft ? order[left] : order[right];
                float gap = axis[j] - axis[i];
                if (nearest.IsFull && gap * gap > nearest.Worst)
                {
                    if (takeLeft) left = -1;
                    else right = count;
                    continue;
                }
                if (takeLeft) left--;
                else right++;
                nearest.Offer(SquaredDistance(axes, i, j), j);
            }
            nearest.CopyTo(result.AsSpan(i * k, k));
        }
        return result;
    }

    /// <summary>Computes each point's squared distances to all others a vector at a time and keeps the k nearest.</summary>
    /// <returns>As <see cref="BySweep"/>.</returns>
    internal static int[] ByRows(float[][] axes, int k)
    {
        int count = axes[0].Length, width = Vector<float>.Count;
        var result = new int[count * k];
        var distances = new float[count];
        var differences = new float[count];
        var nearest = new Nearest(k);
        for (int i = 0; i < count; i++)
        {
            Array.Clear(distances);
            foreach (var axis in axes)
            {
                TensorPrimitives.Subtract(axis, axis[i], differences);
                TensorPrimitives.MultiplyAdd(differences, differences, distances, distances);
            }
            nearest.Clear();
            for (int j = 0; j < count; j++)
            {
                // Once k are found, most points are farther than all of them: skip a vector of those at a time.
                if (nearest.IsFull && (j & (width - 1)) == 0 && j + width <= count
                    && !Vector.LessThanAny(new Vector<float>(distances, j), new Vector<float>(nearest.Worst)))
                {
                    j += width - 1;
                    continue;
                }
                if (j != i) nearest.Offer(distances[j], j);
            }
            nearest.CopyTo(result.AsSpan(i * k, k));
        }
        return result;
    }

    private static float SquaredDistance(float[][] axes, int i, int j)
    {
        float sum = 0;
        foreach (var axis in axes)
        {
            float difference = axis[j] - axis[i];
            sum = difference * difference + sum;
        }
        return sum;
    }

    private static int WidestAxis(float[][] axes)
    {
        int widest = 0;
        float widestRange = -1;
        for (int d = 0; d < axes.Length; d++)
        {
            float range = TensorPrimitives.Max(axes[d]) - TensorPrimitives.Min(axes[d]);
            if (range > widestRange) (widest, widestRange) = (d, range);
        }
        return widest;
    }

    /// <summary>The k smallest (squared distance, index) offered so far, in order.</summary>
    private sealed class Nearest(int k)
    {
        private readonly (float Distance, int Index)[] _items = new (float, int)[k];
        private int _found;

        public bool IsFull => _found == _items.Length;

        public float Worst => _items[^1].Distance;

        public void Clear() => _found = 0;

        public void Offer(float distance, int index)
        {
            if (IsFull && !Before(distance, index, _items[^1])) return;
            int at = Math.Min(_found, _items.Length - 1);
            if (!IsFull) _found++;
            while (at > 0 && Before(distance, index, _items[at - 1]))
            {
                _items[at] = _items[at - 1];
                at--;
            }
            _items[at] = (distance, index);
        }

        public void CopyTo(Span<int> indices)
        {
            for (int n = 0; n < _found; n++) indices[n] = _items[n].Index;
        }

        private static bool Before(float distance, int index, (float Distance, int Index) other) =>
            distance < other.Distance || distance == other.Distance && index < other.Index;
    }
}
