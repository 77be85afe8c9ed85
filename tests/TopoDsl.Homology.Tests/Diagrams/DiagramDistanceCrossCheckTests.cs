using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// Medium-sized seeded diagrams, too large for brute force, against the plain reference solvers on the explicit
/// augmented matrix: this exercises the collapsed diagonal (Wasserstein) and the implicit diagonal block and
/// warm-started matchings (bottleneck) on many points and many ties.
/// </summary>
public class DiagramDistanceCrossCheckTests
{
    private const double Inf = double.PositiveInfinity;

    public static TheoryData<string, int, int, int> Cases() => new()
    {
        { "uniform", 1, 30, 30 },
        { "uniform", 2, 45, 12 },
        { "uniform", 3, 0, 25 },
        { "grid", 4, 30, 30 },
        { "grid", 5, 50, 35 },
        { "grid", 6, 8, 60 },
    };

    private static (PersistenceInterval[] A, PersistenceInterval[] B) Diagrams(string kind, int seed, int n, int m)
    {
        var random = new Random(seed);
        return kind == "grid"
            ? (RandomDiagrams.Grid(random, n), RandomDiagrams.Grid(random, m))
            : (RandomDiagrams.Uniform(random, n), RandomDiagrams.Uniform(random, m));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.InRange(actual, expected - 1e-9 * (1 + expected), expected + 1e-9 * (1 + expected));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wasserstein_matches_the_textbook_Hungarian_on_the_full_matrix(string kind, int seed, int n, int m)
    {
        var (a, b) = Diagrams(kind, seed, n, m);
        foreach (var (p, q) in new[] { (1.0, Inf), (2.0, Inf), (1.0, 1.0), (2.0, 2.0), (3.0, Inf) })
            AssertClose(ReferenceDistances.Wasserstein(a, b, p, q), WassersteinDistance.Compute(a, b, p, q));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bottleneck_matches_Kuhns_matching_over_all_sorted_candidates(string kind, int seed, int n, int m)
    {
        var (a, b) = Diagrams(kind, seed, n, m);
        foreach (var q in new[] { Inf, 1.0, 2.0 })
            AssertClose(ReferenceDistances.Bottleneck(a, b, q), BottleneckDistance.Compute(a, b, q));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bottleneck_search_by_sampled_pivots_finds_the_same_value(string kind, int seed, int n, int m)
    {
        // A tiny sorting limit forces the pivot passes that otherwise only run beyond a million candidates.
        var (a, b) = Diagrams(kind, seed, n, m);
        var metric = new GroundMetric(Inf);
        var pointsA = DiagramPoints.From(a, nameof(a));
        var pointsB = DiagramPoints.From(b, nameof(b));
        Assert.Equal(BottleneckSearch.Compute(pointsA, pointsB, metric),
            BottleneckSearch.Compute(pointsA, pointsB, metric, sortedSearchLimit: 4));
    }
}
