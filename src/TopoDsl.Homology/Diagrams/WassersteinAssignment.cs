namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The optimal partial matching of two finite diagrams for the cost Σ dist^p, where unmatched points pay their
/// distance to the diagonal.
/// </summary>
/// <remarks>
/// This is the assignment problem on the standard (n+m)×(n+m) augmented matrix (rows A and m diagonal slots,
/// columns B and n diagonal slots, slot–slot entries 0) with the interchangeable diagonal slots collapsed: every
/// perfect assignment there is a partial matching of A with B, plus a_i → diagonal at cost diag(a_i) and
/// b_j → diagonal at cost diag(b_j). Charging every b_j its diagonal cost up front and crediting it back when a_i
/// takes it leaves an n × m assignment in which a row may opt out at diag(a_i). Solving the square matrix directly
/// is slow in practice: the zero slot–slot block creates ties that make every search sweep all slots.
/// </remarks>
internal static class WassersteinAssignment
{
    /// <summary>The minimum of Σ cost, summed from the chosen pairs rather than from the potentials.</summary>
    public static double MinimumCost(DiagramPoints a, DiagramPoints b, GroundMetric metric, double p)
    {
        int n = a.Count, m = b.Count;
        var diagonalA = DiagonalCosts(a, metric, p);
        var diagonalB = DiagonalCosts(b, metric, p);
        var pairCost = new double[n * m];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < m; j++)
            pairCost[i * m + j] = GroundMetric.Power(metric.Distance(a.Births[i], a.Deaths[i], b.Births[j], b.Deaths[j]), p);

        var price = new double[n * m];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < m; j++)
            price[i * m + j] = pairCost[i * m + j] - diagonalB[j];
        var columnOfRow = OptOutAssignment.Solve(n, m, price, diagonalA);

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

    private static double[] DiagonalCosts(DiagramPoints diagram, GroundMetric metric, double p)
    {
        var result = new double[diagram.Count];
        for (var i = 0; i < result.Length; i++)
            result[i] = GroundMetric.Power(metric.ToDiagonal(diagram.Births[i], diagram.Deaths[i]), p);
        return result;
    }
}
