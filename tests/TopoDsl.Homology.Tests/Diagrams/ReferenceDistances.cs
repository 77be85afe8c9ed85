using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// Slow but plain distances between finite diagrams on the explicit (n+m)×(n+m) augmented matrix, for
/// cross-checking diagrams too large for brute force: Wasserstein by the textbook Hungarian algorithm, bottleneck
/// by binary search over all sorted candidate values with Kuhn's augmenting-path matching.
/// </summary>
internal static class ReferenceDistances
{
    public static double Wasserstein(PersistenceInterval[] a, PersistenceInterval[] b, double p, double q)
    {
        var cost = AugmentedMatrix(a, b, q, anyDiagonalSlot: true);
        for (var i = 0; i < cost.GetLength(0); i++)
        for (var j = 0; j < cost.GetLength(1); j++)
            cost[i, j] = Math.Pow(cost[i, j], p);
        return Math.Pow(ReferenceHungarian.MinimumCost(cost), 1 / p);
    }

    public static double Bottleneck(PersistenceInterval[] a, PersistenceInterval[] b, double q)
    {
        var cost = AugmentedMatrix(a, b, q, anyDiagonalSlot: false);
        var candidates = cost.Cast<double>().Where(double.IsFinite).Distinct().Order().ToArray();
        int lo = 0, hi = candidates.Length - 1; // the largest finite entry always admits a perfect matching
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (HasPerfectMatching(cost, candidates[mid])) hi = mid;
            else lo = mid + 1;
        }
        return candidates.Length == 0 ? 0 : candidates[lo];
    }

    /// <summary>
    /// Rows: A, then one diagonal slot per point of B; columns: B, then one slot per point of A. With
    /// anyDiagonalSlot a point costs its diagonal distance against every slot of its side, otherwise only against
    /// its own projection (+inf elsewhere); the two give the same optimum.
    /// </summary>
    private static double[,] AugmentedMatrix(PersistenceInterval[] a, PersistenceInterval[] b, double q, bool anyDiagonalSlot)
    {
        int n = a.Length, m = b.Length;
        var cost = new double[n + m, n + m];
        for (var i = 0; i < n + m; i++)
        for (var j = 0; j < n + m; j++)
        {
            if (i < n && j < m) cost[i, j] = ReferenceGroundMetric.Distance(a[i].Birth, a[i].Death, b[j].Birth, b[j].Death, q);
            else if (i < n) cost[i, j] = anyDiagonalSlot || j - m == i ? ReferenceGroundMetric.ToDiagonal(a[i].Birth, a[i].Death, q) : double.PositiveInfinity;
            else if (j < m) cost[i, j] = anyDiagonalSlot || i - n == j ? ReferenceGroundMetric.ToDiagonal(b[j].Birth, b[j].Death, q) : double.PositiveInfinity;
            else cost[i, j] = 0;
        }
        return cost;
    }

    private static bool HasPerfectMatching(double[,] cost, double threshold)
    {
        var size = cost.GetLength(0);
        var rowOfColumn = Enumerable.Repeat(-1, size).ToArray();
        bool TryRow(int row, bool[] seen)
        {
            for (var column = 0; column < size; column++)
            {
                if (cost[row, column] > threshold || seen[column]) continue;
                seen[column] = true;
                if (rowOfColumn[column] < 0 || TryRow(rowOfColumn[column], seen))
                {
                    rowOfColumn[column] = row;
                    return true;
                }
            }
            return false;
        }
        for (var row = 0; row < size; row++)
            if (!TryRow(row, new bool[size])) return false;
        return true;
    }
}
