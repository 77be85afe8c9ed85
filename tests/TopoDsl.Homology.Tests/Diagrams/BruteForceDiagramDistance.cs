using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// Bottleneck and Wasserstein distances by enumerating every permutation of the standard augmented matrix
/// (rows: A and the projections of B; columns: B and the projections of A; a point may only take its own
/// projection; projection–projection costs 0). Essential bars are matched by enumerating every pairing as well.
/// Only for tiny diagrams: (n+m)! assignments.
/// </summary>
internal static class BruteForceDiagramDistance
{
    public static double Bottleneck(IReadOnlyList<PersistenceInterval> a, IReadOnlyList<PersistenceInterval> b, double q)
    {
        var (finite, essential) = Solve(a, b, q, costs => costs.Max());
        return Math.Max(finite, essential);
    }

    public static double Wasserstein(IReadOnlyList<PersistenceInterval> a, IReadOnlyList<PersistenceInterval> b,
        double p, double q)
    {
        var (finite, essential) = Solve(a, b, q, costs => costs.Sum(c => Math.Pow(c, p)));
        return Math.Pow(finite + essential, 1 / p);
    }

    private static (double Finite, double Essential) Solve(IReadOnlyList<PersistenceInterval> a,
        IReadOnlyList<PersistenceInterval> b, double q, Func<double[], double> aggregate)
    {
        var essentialA = a.Where(x => x.IsEssential).Select(x => x.Birth).ToArray();
        var essentialB = b.Where(x => x.IsEssential).Select(x => x.Birth).ToArray();
        if (essentialA.Length != essentialB.Length) return (double.PositiveInfinity, double.PositiveInfinity);
        var essential = BestAssignment(essentialA.Length, (i, j) => Math.Abs(essentialA[i] - essentialB[j]), aggregate);

        var finiteA = a.Where(x => !x.IsEssential).ToArray();
        var finiteB = b.Where(x => !x.IsEssential).ToArray();
        int n = finiteA.Length, m = finiteB.Length;
        double Cost(int row, int column)
        {
            if (row < n && column < m)
                return ReferenceGroundMetric.Distance(finiteA[row].Birth, finiteA[row].Death, finiteB[column].Birth,
                    finiteB[column].Death, q);
            if (row < n) // a point of A against a projection of A: only its own
                return column - m == row ? ReferenceGroundMetric.ToDiagonal(finiteA[row].Birth, finiteA[row].Death, q) : double.PositiveInfinity;
            if (column < m) // a projection of B against a point of B: only its own
                return row - n == column ? ReferenceGroundMetric.ToDiagonal(finiteB[column].Birth, finiteB[column].Death, q) : double.PositiveInfinity;
            return 0;
        }
        return (BestAssignment(n + m, Cost, aggregate), essential);
    }

    /// <summary>The minimum of aggregate(costs of an assignment) over all size! assignments; 0 for size 0.</summary>
    private static double BestAssignment(int size, Func<int, int, double> cost, Func<double[], double> aggregate)
    {
        if (size == 0) return 0;
        var best = double.PositiveInfinity;
        var chosen = new double[size];
        var used = new bool[size];
        void Extend(int row)
        {
            if (row == size)
            {
                best = Math.Min(best, aggregate(chosen));
                return;
            }
            for (var column = 0; column < size; column++)
            {
                if (used[column]) continue;
                used[column] = true;
                chosen[row] = cost(row, column);
                Extend(row + 1);
                used[column] = false;
            }
        }
        Extend(0);
        return best;
    }
}
