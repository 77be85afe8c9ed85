using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Compares barcodes as multisets of bars with a relative tolerance (equal deaths may reorder).</summary>
internal static class BarcodeAssert
{
    public static void Equal(IReadOnlyList<IReadOnlyList<PersistenceInterval>> expected, Barcode actual,
        double relativeTolerance = 1e-5, string context = "")
    {
        for (int d = 0; d < expected.Count; d++)
        {
            var problem = Difference(expected[d], d <= actual.MaxDimension ? actual[d] : [], relativeTolerance);
            Assert.True(problem is null, $"{context} H{d}: {problem}");
        }
    }

    public static string? Difference(IReadOnlyList<PersistenceInterval> expected, IReadOnlyList<PersistenceInterval> actual,
        double relativeTolerance)
    {
        if (expected.Count != actual.Count)
            return $"expected {expected.Count} bars, got {actual.Count}: expected [{string.Join(", ", expected.Take(12))}] got [{string.Join(", ", actual.Take(12))}]";
        var unmatched = actual.OrderBy(b => b.Birth).ThenBy(b => b.Death).ToList();
        foreach (var bar in expected.OrderBy(b => b.Birth).ThenBy(b => b.Death))
        {
            int at = unmatched.FindIndex(b => Close(b.Birth, bar.Birth, relativeTolerance) && Close(b.Death, bar.Death, relativeTolerance));
            if (at < 0) return $"no bar close to {bar}";
            unmatched.RemoveAt(at);
        }
        return null;
    }

    private static bool Close(double a, double b, double rtol) =>
        a == b || Math.Abs(a - b) <= rtol * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-7;

    public static IReadOnlyList<IReadOnlyList<PersistenceInterval>> Bars(params (double Birth, double Death)[][] byDimension) =>
        byDimension.Select(d => (IReadOnlyList<PersistenceInterval>)d.Select(b => new PersistenceInterval(b.Birth, b.Death)).ToList()).ToList();
}
