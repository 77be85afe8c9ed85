using FsCheck.Xunit;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class MinimaxPathTests
{
    [Fact]
    public void Path_between_two_wells_climbs_over_the_lower_pass_not_the_shorter_one()
    {
        // A ring 0-1-2-3-4-5-0 with wells at 0 (value 0) and 3 (value 1); the pass 1-2 is at 9, the pass 4-5 at 5.
        double[] values = [0, 9, 9, 1, 5, 5];
        var result = SublevelPersistence.OnGraph(values, [0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 0]);

        var merge = Assert.Single(result.Merges);
        Assert.Equal((3, 0, 5.0), (merge.DyingMinimum, merge.SurvivingMinimum, merge.Death));
        Assert.Equal(5, result.Saddles[0]); // edge 4-5: both at 5, vertex 5 enters last
        Assert.Equal([3, 4, 5, 0], result.MinimaxPath(3, 0));
        Assert.Equal([0, 5, 4, 3], result.MinimaxPath(0, 3));
        Assert.Equal([3, 0], result.Minima);
        Assert.Equal([2], result.MinimaxPath(2, 2));
    }

    [Fact]
    public void Vertices_in_different_components_or_outside_the_graph_are_refused_by_name()
    {
        var result = SublevelPersistence.OnGraph([0, 1, 2], [0], [1]);

        var apart = Assert.Throws<ArgumentException>(() => result.MinimaxPath(0, 2));
        Assert.Contains("vertices 0 and 2 lie in different components", apart.Message);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => result.MinimaxPath(3, 0));
        Assert.Contains("vertex 3 is outside 0..2", outside.Message);
    }

    [Property(MaxTest = 300)]
    public void Every_path_is_a_walk_in_the_graph_whose_highest_value_is_the_minimax_value(byte[] valueCodes, (byte, byte)[] edgeCodes, byte fromCode, byte toCode)
    {
        if (valueCodes is null || valueCodes.Length == 0) return;
        var g = Graph(valueCodes, edgeCodes);
        var result = SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets);
        int from = fromCode % g.Values.Length, to = toCode % g.Values.Length;

        double? expected = MinimaxValue(g, from, to);
        if (expected is null)
        {
            Assert.Throws<ArgumentException>(() => result.MinimaxPath(from, to));
            return;
        }
        var path = result.MinimaxPath(from, to);
        Assert.Equal(from, path[0]);
        Assert.Equal(to, path[^1]);
        var edges = g.Sources.Zip(g.Targets).SelectMany(e => new[] { e, (e.Second, e.First) }).ToHashSet();
        for (int k = 1; k < path.Count; k++) Assert.Contains((path[k - 1], path[k]), edges);
        Assert.Equal(path.Count, path.Distinct().Count());
        Assert.Equal(expected.Value, path.Max(v => g.Values[v]));
    }

    [Property(MaxTest = 300)]
    public void Each_merge_path_joins_its_two_minima_over_its_saddle_at_its_death(byte[] valueCodes, (byte, byte)[] edgeCodes)
    {
        if (valueCodes is null || valueCodes.Length == 0) return;
        var g = Graph(valueCodes, edgeCodes);
        var result = SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets);

        Assert.Equal(result.Bars.Count, result.Minima.Count);
        for (int i = 0; i < result.Bars.Count; i++) Assert.Equal(result.Bars[i].Birth, g.Values[result.Minima[i]]);
        Assert.Equal(result.Merges.Count, result.Saddles.Count);
        for (int i = 0; i < result.Merges.Count; i++)
        {
            var merge = result.Merges[i];
            int saddle = result.Saddles[i];
            Assert.True(saddle == merge.EdgeSource || saddle == merge.EdgeTarget);
            Assert.Equal(merge.Death, g.Values[saddle]);
            var path = result.MinimaxPath(merge.DyingMinimum, merge.SurvivingMinimum);
            Assert.Contains(saddle, path);
            Assert.Equal(merge.Death, path.Max(v => g.Values[v]));
        }
    }

    private static RandomGraph Graph(byte[] valueCodes, (byte, byte)[] edgeCodes)
    {
        var values = valueCodes.Select(c => (double)(c % 7) - 3).ToArray();
        var pairs = (edgeCodes ?? []).Select(p => (p.Item1 % values.Length, p.Item2 % values.Length)).ToArray();
        return new RandomGraph(values, pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
    }

    /// <summary>
    /// The lowest level t at which <paramref name="from"/> and <paramref name="to"/> are joined inside {v : f(v) ≤ t},
    /// found by trying every value in increasing order with a breadth-first search; null when no level joins them.
    /// </summary>
    private static double? MinimaxValue(RandomGraph g, int from, int to)
    {
        foreach (double level in g.Values.Where(x => x >= Math.Max(g.Values[from], g.Values[to])).Distinct().Order())
        {
            var seen = new HashSet<int> { from };
            var queue = new Queue<int>([from]);
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                for (int e = 0; e < g.Sources.Length; e++)
                {
                    int w = g.Sources[e] == v ? g.Targets[e] : g.Targets[e] == v ? g.Sources[e] : -1;
                    if (w >= 0 && g.Values[w] <= level && seen.Add(w)) queue.Enqueue(w);
                }
            }
            if (seen.Contains(to)) return level;
        }
        return null;
    }
}
