using FsCheck.Xunit;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class WeightedGraphTests
{
    [Fact]
    public void A_minimum_escapes_through_an_intermediate_minimum_when_that_way_is_lower()
    {
        // Minima A = 0, B = 2, C = 1; barriers A-B 4, B-C 3, A-C 10. Directly, C's way down to A is 10 high;
        // through B it is 4, and that is its bar's death (Prop 2.1 of Barannikov et al.).
        var result = SublevelPersistence.OnWeightedGraph([0, 2, 1], [0, 1, 0], [1, 2, 2], [4, 3, 10]);

        Assert.Equal([new PersistenceInterval(2, 3), new PersistenceInterval(1, 4), new PersistenceInterval(0, double.PositiveInfinity)], result.Bars);
        Assert.Equal([1, 2, 0], result.Minima);
        Assert.Equal([-1, -1], result.Saddles);
        Assert.Equal([2, 1, 0], result.MinimaxPath(2, 0));
    }

    [Property(MaxTest = 300)]
    public void With_each_edge_at_its_higher_end_it_is_the_lower_star_filtration(byte[] valueCodes, (byte, byte)[] edgeCodes)
    {
        if (valueCodes is null || valueCodes.Length == 0) return;
        var values = valueCodes.Select(c => (double)(c % 7)).ToArray();
        var pairs = (edgeCodes ?? []).Select(p => (p.Item1 % values.Length, p.Item2 % values.Length)).ToArray();
        int[] sources = pairs.Select(p => p.Item1).ToArray(), targets = pairs.Select(p => p.Item2).ToArray();
        var higherEnd = pairs.Select(p => Math.Max(values[p.Item1], values[p.Item2])).ToArray();

        var weighted = SublevelPersistence.OnWeightedGraph(values, sources, targets, higherEnd);
        var lowerStar = SublevelPersistence.OnGraph(values, sources, targets);

        Assert.Equal(lowerStar.Bars, weighted.Bars);
        Assert.Equal(lowerStar.Merges, weighted.Merges);
        Assert.Equal(lowerStar.Minima, weighted.Minima);
    }

    [Fact]
    public void An_edge_below_one_of_its_ends_or_a_missing_edge_value_is_refused_by_name()
    {
        var low = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnWeightedGraph([0, 5], [0], [1], [3]));
        Assert.Contains("edge 0 (0, 1) has value 3; an edge's value must be finite and at least its ends' values (5)", low.Message);
        var count = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnWeightedGraph([0, 5], [0], [1], []));
        Assert.Contains("0 edge values given for 1 edges", count.Message);
    }
}
