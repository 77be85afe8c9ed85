using TopoDsl.Landscape.Minima;
using TopoDsl.Landscape.Paths;
using TopoDsl.Landscape.Surfaces;
using TopoDsl.Landscape.Tests.Paths;

namespace TopoDsl.Landscape.Tests.Minima;

public class MinimaExplorationTests
{
    private static readonly AutoNebOptions Options = new()
    {
        Cycles = [.. Enumerable.Repeat(new AutoNebCycle(300, 1e-4), 6), .. Enumerable.Repeat(new AutoNebCycle(300, 1e-5), 4)],
    };

    private static double[][] Minima() =>
    [
        [MullerBrownPoints.MinimumA.X, MullerBrownPoints.MinimumA.Y],
        [MullerBrownPoints.MinimumB.X, MullerBrownPoints.MinimumB.Y],
        [MullerBrownPoints.MinimumC.X, MullerBrownPoints.MinimumC.Y],
    ];

    [Fact]
    public void Muller_Brown_gives_the_known_barcode_of_its_three_minima()
    {
        var result = MinimaExploration.Explore(new MullerBrown(), Minima(), Options);

        // Lowest first: A (0) joins C (2), then B (1) joins that group through A, then the spanning tree's highest edge
        // is set aside and C-B, across it (the lower minimum first), finds the lower pass.
        Assert.Equal([(0, 2), (0, 1), (2, 1)], result.Pairs.Select(p => (p.First, p.Second)));
        var segments = result.Barcode.Segments.ToDictionary(s => s.Minimum);
        double ab = MullerBrownPoints.SaddleAB.Value, bc = MullerBrownPoints.SaddleBC.Value;
        Assert.Equal(2, segments[1].EscapesTo); // B escapes over the low pass to C ...
        Assert.True(Math.Abs(segments[1].Saddle - bc) <= 0.01 * Math.Abs(bc), $"B's saddle {segments[1].Saddle} against {bc}");
        Assert.Equal(0, segments[2].EscapesTo); // ... and C, with B, over the high one to A
        Assert.True(Math.Abs(segments[2].Saddle - ab) <= 0.01 * Math.Abs(ab), $"C's saddle {segments[2].Saddle} against {ab}");
    }

    [Fact]
    public void A_budget_stops_early_and_known_barriers_are_not_connected_again()
    {
        var limited = MinimaExploration.Explore(new MullerBrown(), Minima(), Options, maxPairs: 2);

        Assert.Equal(2, limited.Pairs.Count);
        Assert.True(double.IsNaN(limited.Barriers[1, 2]));
        var reported = new List<(int, int)>();
        var resumed = MinimaExploration.Explore(new MullerBrown(), Minima(), Options, known: limited.Barriers, pairDone: p => reported.Add((p.First, p.Second)));
        Assert.Equal([(2, 1)], reported);
        Assert.Equal(limited.Barriers[0, 2], resumed.Barriers[0, 2]);
    }

    [Fact]
    public void Suggestions_first_join_groups_by_their_lowest_minima_then_stop_when_every_pair_is_known()
    {
        double[] losses = [3, 1, 2, 0];

        Assert.Equal((3, 1), MinimaExploration.Suggest(losses, Fill(4)));
        var all = Fill(4);
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) if (i != j) all[i, j] = 5 + i + j;
        Assert.Null(MinimaExploration.Suggest(losses, all));
    }

    private static double[,] Fill(int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) m[i, j] = double.NaN;
        return m;
    }
}
