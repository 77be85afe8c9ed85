using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Asserts barcodes equal as multisets of bars with a relative tolerance.</summary>
internal static class BarcodeAssert
{
    public static void Equal(IReadOnlyList<IReadOnlyList<PersistenceInterval>> expected, Barcode actual,
        double relativeTolerance = 1e-5, string context = "")
    {
        for (int d = 0; d < expected.Count; d++)
        {
            var problem = BarcodeComparison.Difference(expected[d], d <= actual.MaxDimension ? actual[d] : [], relativeTolerance);
            Assert.True(problem is null, $"{context} H{d}: {problem}");
        }
    }

    public static IReadOnlyList<IReadOnlyList<PersistenceInterval>> Bars(params (double Birth, double Death)[][] byDimension) =>
        byDimension.Select(d => (IReadOnlyList<PersistenceInterval>)d.Select(b => new PersistenceInterval(b.Birth, b.Death)).ToList()).ToList();
}
