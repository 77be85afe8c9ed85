using FsCheck.Xunit;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class ReferenceComparisonTests
{
    [Fact]
    public void Many_small_random_graphs_with_ties_match_the_naive_threshold_reference()
    {
        var rng = new Random(20240611);
        for (int trial = 0; trial < 600; trial++)
        {
            int n = rng.Next(1, 25);
            var g = RandomGraph.WithTies(rng, n, rng.Next(0, 2 * n + 1), distinctValues: rng.Next(1, 6));
            Check(g);
        }
    }

    [Fact]
    public void Small_random_graphs_with_distinct_values_match_both_references()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = rng.Next(1, 60);
            var g = RandomGraph.Gaussian(rng, n, rng.Next(0, 3 * n));
            Check(g);
        }
    }

    [Property(MaxTest = 300)]
    public void Arbitrary_small_graphs_match_the_naive_reference(byte[] valueCodes, (byte, byte)[] edgeCodes)
    {
        if (valueCodes is null || valueCodes.Length == 0) return;
        var values = valueCodes.Select(c => (double)(c % 7) - 3).ToArray();
        var pairs = (edgeCodes ?? []).Select(p => (p.Item1 % values.Length, p.Item2 % values.Length)).ToArray();
        Check(new RandomGraph(values, pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray()));
    }

    [Fact]
    public void A_million_vertices_and_a_million_and_a_half_edges_match_the_union_find_reference()
    {
        var g = RandomGraph.Gaussian(new Random(1), 1_000_000, 1_500_000);

        var result = SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets);

        SublevelAssertions.SameBars(UnionFindReference.Bars(g.Values, g.Sources, g.Targets),
            SublevelAssertions.SortedBars(result.Bars));
    }

    private static void Check(RandomGraph g)
    {
        var result = SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets);
        var naive = new NaiveSublevelReference(g.Values, g.Sources, g.Targets);
        var actual = SublevelAssertions.SortedBars(result.Bars);

        SublevelAssertions.SameBars(naive.Bars, actual);
        SublevelAssertions.SameBars(UnionFindReference.Bars(g.Values, g.Sources, g.Targets), actual);
        SublevelAssertions.ConsistentMerges(result, g, naive);
    }
}
