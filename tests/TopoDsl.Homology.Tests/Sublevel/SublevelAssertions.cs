using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public static class SublevelAssertions
{
    public static (double Birth, double Death)[] SortedBars(IEnumerable<PersistenceInterval> bars) =>
        bars.Select(b => (b.Birth, b.Death)).Order().ToArray();

    /// <summary>Equal multisets of bars, each endpoint within a relative tolerance.</summary>
    public static void SameBars((double Birth, double Death)[] expected, (double Birth, double Death)[] actual,
        double relativeTolerance = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Close(expected[i].Birth, actual[i].Birth, relativeTolerance)
                        && Close(expected[i].Death, actual[i].Death, relativeTolerance),
                $"bar {i}: expected [{expected[i].Birth:R}, {expected[i].Death:R}), got [{actual[i].Birth:R}, {actual[i].Death:R})");
        }
    }

    /// <summary>The merge tree agrees with the bars and the graph, and with the naive reference's deaths.</summary>
    public static void ConsistentMerges(SublevelResult result, RandomGraph g, NaiveSublevelReference naive)
    {
        var edges = new HashSet<(int, int)>(g.Sources.Zip(g.Targets));
        var dying = new HashSet<int>();
        for (int i = 0; i < result.Merges.Count; i++)
        {
            var m = result.Merges[i];
            Assert.Equal(new PersistenceInterval(m.Birth, m.Death), result.Bars[i]);
            Assert.Contains((m.EdgeSource, m.EdgeTarget), edges);
            Assert.Equal(g.Values[m.DyingMinimum], m.Birth);
            Assert.Equal(Math.Max(g.Values[m.EdgeSource], g.Values[m.EdgeTarget]), m.Death);
            Assert.True(m.Death > m.Birth);
            Assert.True(NaiveSublevelReference.Older(g.Values, m.SurvivingMinimum, m.DyingMinimum));
            Assert.True(dying.Add(m.DyingMinimum), $"vertex {m.DyingMinimum} dies twice");
            Assert.Equal(naive.Death[m.DyingMinimum], m.Death);
            // The survivor is still a minimum at the merge and shares the dying minimum's component then.
            Assert.True(naive.Death[m.SurvivingMinimum] >= m.Death);
            var component = naive.ComponentAt[m.Death];
            Assert.Equal(component[m.DyingMinimum], component[m.SurvivingMinimum]);
        }
        if (result.Merges.Count > 0)
            Assert.True(result.Merges.Zip(result.Merges.Skip(1)).All(p => p.First.Death <= p.Second.Death));

        var expectedMinima = Enumerable.Range(0, g.Values.Length)
            .Where(v => double.IsPositiveInfinity(naive.Death[v]))
            .OrderBy(v => g.Values[v]).ThenBy(v => v);
        Assert.Equal(expectedMinima, result.ComponentMinima);
        for (int c = 0; c < result.ComponentMinima.Count; c++)
            Assert.Equal(new PersistenceInterval(g.Values[result.ComponentMinima[c]], double.PositiveInfinity),
                result.Bars[result.Merges.Count + c]);
    }

    private static bool Close(double expected, double actual, double relativeTolerance) =>
        expected == actual || Math.Abs(expected - actual) <= relativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));
}
