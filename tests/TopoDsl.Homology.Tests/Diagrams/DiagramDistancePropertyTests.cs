using FsCheck.Xunit;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>Metric properties and brute-force agreement on random small diagrams with many ties.</summary>
[Properties(Arbitrary = [typeof(DiagramArbitraries)], MaxTest = 300)]
public class DiagramDistancePropertyTests
{
    private const double Inf = double.PositiveInfinity;
    private static readonly (double P, double Q)[] Exponents = [(1, Inf), (2, Inf), (3, Inf), (64, Inf), (1, 1), (2, 2), (1.5, 3)];
    private static readonly double[] InternalNorms = [Inf, 1, 2];

    // The references compute diagonal distances through the midpoint, which rounds differently from (d - b)/2.
    private static void AssertClose(double expected, double actual)
    {
        if (double.IsPositiveInfinity(expected)) Assert.Equal(expected, actual);
        else Assert.InRange(actual, expected - 1e-9 * (1 + expected), expected + 1e-9 * (1 + expected));
    }

    private static void AssertAtMost(double smaller, double larger) =>
        Assert.True(smaller <= larger + 1e-9 * (1 + Math.Abs(larger)), $"{smaller} should be <= {larger}");

    [Property]
    public void Bottleneck_equals_the_brute_force_over_all_matchings(TinyDiagramPair pair)
    {
        foreach (var q in InternalNorms)
            AssertClose(BruteForceDiagramDistance.Bottleneck(pair.A.Bars, pair.B.Bars, q),
                BottleneckDistance.Compute(pair.A.Bars, pair.B.Bars, q));
    }

    [Property]
    public void Wasserstein_equals_the_brute_force_over_all_matchings(TinyDiagramPair pair)
    {
        foreach (var (p, q) in Exponents)
            AssertClose(BruteForceDiagramDistance.Wasserstein(pair.A.Bars, pair.B.Bars, p, q),
                WassersteinDistance.Compute(pair.A.Bars, pair.B.Bars, p, q));
    }

    [Property]
    public void Distances_are_symmetric(Diagram a, Diagram b)
    {
        foreach (var q in InternalNorms)
            Assert.Equal(BottleneckDistance.Compute(a.Bars, b.Bars, q), BottleneckDistance.Compute(b.Bars, a.Bars, q));
        foreach (var (p, q) in Exponents)
            AssertClose(WassersteinDistance.Compute(a.Bars, b.Bars, p, q), WassersteinDistance.Compute(b.Bars, a.Bars, p, q));
    }

    [Property]
    public void Distances_satisfy_the_triangle_inequality(Diagram a, Diagram b, Diagram c)
    {
        foreach (var q in InternalNorms)
            AssertAtMost(BottleneckDistance.Compute(a.Bars, c.Bars, q),
                BottleneckDistance.Compute(a.Bars, b.Bars, q) + BottleneckDistance.Compute(b.Bars, c.Bars, q));
        foreach (var (p, q) in Exponents)
            AssertAtMost(WassersteinDistance.Compute(a.Bars, c.Bars, p, q),
                WassersteinDistance.Compute(a.Bars, b.Bars, p, q) + WassersteinDistance.Compute(b.Bars, c.Bars, p, q));
    }

    [Property]
    public void A_diagram_is_at_distance_zero_from_itself_plus_diagonal_points(Diagram a)
    {
        var padded = a.Bars.Append(new PersistenceInterval(1, 1)).Append(new PersistenceInterval(2.5, 2.5)).ToArray();
        Assert.Equal(0, BottleneckDistance.Compute(a.Bars, padded));
        foreach (var (p, q) in Exponents) Assert.Equal(0, WassersteinDistance.Compute(a.Bars, padded, p, q));
    }

    /// <summary>
    /// For one matching, (Σ c^p)^(1/p) decreases in p towards max c, and max c &lt;= (Σ c^p)^(1/p) &lt;= N^(1/p) max c
    /// for N matched pairs; so B &lt;= W_p' &lt;= W_p for p &lt;= p', and W_p &lt;= (n+m)^(1/p) B: W_p tends to B.
    /// </summary>
    [Property]
    public void Wasserstein_decreases_in_p_towards_the_bottleneck_distance(Diagram a, Diagram b)
    {
        var bottleneck = BottleneckDistance.Compute(a.Bars, b.Bars);
        var pairs = a.Bars.Length + b.Bars.Length;
        var previous = Inf;
        foreach (var p in new[] { 1.0, 1.5, 2, 4, 16, 64 })
        {
            var w = WassersteinDistance.Compute(a.Bars, b.Bars, p);
            AssertAtMost(bottleneck, w);
            AssertAtMost(w, previous);
            if (double.IsFinite(bottleneck)) AssertAtMost(w, Math.Pow(pairs, 1 / p) * bottleneck);
            previous = w;
        }
    }
}
