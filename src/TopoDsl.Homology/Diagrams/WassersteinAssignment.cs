namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The optimal partial matching of two finite diagrams for the cost Σ dist^p, where unmatched points pay their
/// distance to the diagonal.
/// </summary>
/// <remarks>
/// <para>
/// This is the assignment problem on the standard (n+m)×(n+m) augmented matrix (rows A and m diagonal slots,
/// columns B and n diagonal slots, slot–slot entries 0) with the interchangeable diagonal slots collapsed: every
/// perfect assignment there is a partial matching of A with B, plus a_i → diagonal at cost diag(a_i) and
/// b_j → diagonal at cost diag(b_j). Charging every b_j its diagonal cost up front and crediting it back when a_i
/// takes it leaves an n × m assignment in which a row may opt out at diag(a_i). Solving the square matrix directly
/// is slow in practice: the zero slot–slot block creates ties that make every search sweep all slots.
/// </para>
/// <para>
/// Costs are measured in units of the bottleneck distance B and capped. A bottleneck-optimal matching costs at
/// most N·B^p for N points, so no optimal pair costs more; every larger entry can be lowered to 2N without changing
/// the optimum. Then all entries lie in [0, 2N] while the optimum is at least 1, so the potentials never meet
/// magnitudes far beyond the answer. Without this, dist^p spans hundreds of orders of magnitude for large p
/// (or far-apart points) and rounding in the potentials picks a wrong matching.
/// </para>
/// </remarks>
internal static class WassersteinAssignment
{
    /// <summary>
    /// The minimum of Σ cost as (Unit, Sum) with minimum = Unit^p · Sum; Sum is added up from the chosen pairs
    /// rather than from the potentials. Unit is the bottleneck distance, Sum 0 when it is.
    /// </summary>
    public static (double Unit, double Sum) MinimumCost(DiagramPoints a, DiagramPoints b, GroundMetric metric, double p)
    {
        int n = a.Count, m = b.Count;
        var unit = BottleneckSearch.Compute(a, b, metric);
        if (unit == 0) return (0, 0);
        var cap = 2.0 * (n + m);
        double Scaled(double distance) => Math.Min(GroundMetric.Power(distance / unit, p), cap);

        var diagonalA = new double[n];
        for (var i = 0; i < n; i++) diagonalA[i] = Scaled(metric.ToDiagonal(a.Births[i], a.Deaths[i]));
        var diagonalB = new double[m];
        for (var j = 0; j < m; j++) diagonalB[j] = Scaled(metric.ToDiagonal(b.Births[j], b.Deaths[j]));
        var pairCost = new double[n * m];
        var price = new double[n * m];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < m; j++)
        {
            pairCost[i * m + j] = Scaled(metric.Distance(a.Births[i], a.Deaths[i], b.Births[j], b.Deaths[j]));
            price[i * m + j] = pairCost[i * m + j] - diagonalB[j];
        }
        var columnOfRow = OptOutAssignment.Solve(n, m, price, diagonalA);
        return (unit, SumOfChosen(columnOfRow, pairCost, diagonalA, diagonalB));
    }

    private static double SumOfChosen(int[] columnOfRow, double[] pairCost, double[] diagonalA, double[] diagonalB)
    {
        int n = diagonalA.Length, m = diagonalB.Length;
        var total = 0.0;
        var bMatched = new bool[m];
        for (var i = 0; i < n; i++)
        {
            var j = columnOfRow[i];
            if (j == OptOutAssignment.OptedOut)
            {
                total += diagonalA[i];
                continue;
            }
            total += pairCost[i * m + j];
            bMatched[j] = true;
        }
        for (var j = 0; j < m; j++)
            if (!bMatched[j]) total += diagonalB[j];
        return total;
    }
}
