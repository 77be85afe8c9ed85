namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The exact L∞ bottleneck distance between two diagrams whose finite points all have one birth (a Rips H0 diagram:
/// every class is born at 0). The points then lie on one vertical line, two of them are |d − d'| apart and a point is
/// (d − b)/2 from the diagonal. On a line an optimal matching never crosses (swapping two crossing pairs does not
/// increase the larger cost), so after sorting the deaths it is a monotone path through the grid of prefixes, each
/// step sending a point of either diagram to the diagonal or pairing the next two, and the min-max path is found by
/// dynamic programming in O(n m) instead of the general matching's binary search.
/// </summary>
internal static class EqualBirthBottleneck
{
    /// <summary>Whether every finite point of both diagrams is born at the same value.</summary>
    public static bool Applies(DiagramPoints a, DiagramPoints b)
    {
        if (a.Count == 0 && b.Count == 0) return false;
        double birth = a.Count > 0 ? a.Births[0] : b.Births[0];
        return a.Births.All(x => x == birth) && b.Births.All(x => x == birth);
    }

    public static double Compute(DiagramPoints a, DiagramPoints b)
    {
        double birth = a.Count > 0 ? a.Births[0] : b.Births[0];
        var x = a.Deaths.Order().ToArray();
        var y = b.Deaths.Order().ToArray();
        int n = x.Length, m = y.Length;
        // row[j] = the least bottleneck that matches the first i deaths of a and the first j of b.
        var row = new double[m + 1];
        var next = new double[m + 1];
        for (int j = 1; j <= m; j++) row[j] = Math.Max(row[j - 1], (y[j - 1] - birth) / 2);
        for (int i = 1; i <= n; i++)
        {
            double toDiagonal = (x[i - 1] - birth) / 2;
            next[0] = Math.Max(row[0], toDiagonal);
            for (int j = 1; j <= m; j++)
            {
                double best = Math.Max(row[j], toDiagonal);                                    // x[i-1] to the diagonal
                best = Math.Min(best, Math.Max(next[j - 1], (y[j - 1] - birth) / 2));          // y[j-1] to the diagonal
                best = Math.Min(best, Math.Max(row[j - 1], Math.Abs(x[i - 1] - y[j - 1])));   // x[i-1] with y[j-1]
                next[j] = best;
            }
            (row, next) = (next, row);
        }
        return row[m];
    }
}
