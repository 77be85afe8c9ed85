namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// Compares barcodes as multisets of bars with a relative tolerance: the way to check one engine against
/// another when values were computed in float32 and printed with 6 significant digits (equal deaths may reorder).
/// </summary>
public static class BarcodeComparison
{
    public static bool Agree(Barcode expected, Barcode actual, double relativeTolerance) =>
        Difference(expected, actual, relativeTolerance) is null;

    /// <summary>A description of the first difference, or null when the barcodes agree.</summary>
    public static string? Difference(Barcode expected, Barcode actual, double relativeTolerance)
    {
        int top = Math.Max(expected.MaxDimension, actual.MaxDimension);
        for (int d = 0; d <= top; d++)
        {
            var e = d <= expected.MaxDimension ? expected[d] : [];
            var a = d <= actual.MaxDimension ? actual[d] : [];
            if (Difference(e, a, relativeTolerance) is string problem) return $"H{d}: {problem}";
        }
        return null;
    }

    public static string? Difference(IReadOnlyList<PersistenceInterval> expected, IReadOnlyList<PersistenceInterval> actual,
        double relativeTolerance)
    {
        if (expected.Count != actual.Count) return $"expected {expected.Count} bars, got {actual.Count}";
        // Both sorted by birth then death: a tolerant greedy match scans a narrow window.
        var unmatched = actual.OrderBy(b => b.Birth).ThenBy(b => b.Death).ToList();
        var used = new bool[unmatched.Count];
        foreach (var bar in expected.OrderBy(b => b.Birth).ThenBy(b => b.Death))
        {
            int found = -1;
            for (int k = 0; k < unmatched.Count; k++)
            {
                if (used[k]) continue;
                var c = unmatched[k];
                if (Close(c.Birth, bar.Birth, relativeTolerance) && Close(c.Death, bar.Death, relativeTolerance)) { found = k; break; }
                if (c.Birth > bar.Birth && !Close(c.Birth, bar.Birth, relativeTolerance)) break;
            }
            if (found < 0) return $"no bar close to {bar}";
            used[found] = true;
        }
        return null;
    }

    private static bool Close(double a, double b, double relativeTolerance) =>
        a == b || Math.Abs(a - b) <= relativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-7;
}
