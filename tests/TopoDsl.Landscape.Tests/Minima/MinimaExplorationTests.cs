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
        // is set aside and B-C, across it, finds the lower pass. (Which of A-C and A-B is the tree's highest edge
        // depends on two estimates of one saddle, so the last pair is compared without its order.)
        Assert.Equal([(0, 2), (0, 1), (1, 2)], result.Pairs.Select(p => (Math.Min(p.First, p.Second), Math.Max(p.First, p.Second))));
        var segments = result.Barcode.Segments.ToDictionary(s => s.Minimum);
        double ab = MullerBrownPoints.SaddleAB.Value, bc = MullerBrownPoints.SaddleBC.Value;
        Assert.Equal(2, segments[1].EscapesTo); // B escapes over the low pass to C ...
        Assert.True(Math.Abs(segments[1].Saddle - bc) <= 0.01 * Math.Abs(bc), $"B's saddle {segments[1].Saddle} against {bc}");
        Assert.Equal(0, segments[2].EscapesTo); // ... and C, with B, over the high one to A
        Assert.True(Math.Abs(segments[2].Saddle - ab) <= 0.01 * Math.Abs(ab), $"C's saddle {segments[2].Saddle} against {ab}");
    }

    [Fact]
    public void A_budget_stops_early_and_an_exploration_resumed_from_saved_pairs_connects_only_the_others_and_ends_the_same()
    {
        var whole = MinimaExploration.Explore(new MullerBrown(), Minima(), Options);
        var limited = MinimaExploration.Explore(new MullerBrown(), Minima(), Options, maxPairs: 2);

        Assert.Equal(2, limited.Pairs.Count);
        Assert.Equal(1, Enumerable.Range(0, 3).SelectMany(i => Enumerable.Range(i + 1, 2 - i).Select(j => limited.Barriers[i, j])).Count(double.IsNaN));
        var reported = new List<ConnectedPair>();
        double? Saved(int i, int j) => double.IsNaN(limited.Barriers[i, j]) ? null : limited.Barriers[i, j];
        var resumed = MinimaExploration.Explore(new MullerBrown(), Minima(), Options, saved: Saved, pairDone: reported.Add);

        var fresh = Assert.Single(reported);
        Assert.True(double.IsNaN(limited.Barriers[fresh.First, fresh.Second]));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) Assert.Equal(whole.Barriers[i, j], resumed.Barriers[i, j]);
        // A saved pair still counts against the budget: a budget of 2 from the saved pairs connects nothing new.
        Assert.Empty(MinimaExploration.Explore(new MullerBrown(), Minima(), Options, maxPairs: 2, saved: Saved).Pairs);
    }

    [Fact]
    public void Minima_of_the_wrong_length_and_impossible_saved_barriers_are_refused()
    {
        var shortMinimum = Assert.Throws<ArgumentException>(() => MinimaExploration.Explore(new MullerBrown(), [[0.0, 0.0], [1.0]]));
        Assert.Contains("minimum 1 has 1 coordinates; the surface has 2", shortMinimum.Message);
        var low = Assert.Throws<ArgumentException>(() => MinimaExploration.Explore(new MullerBrown(), Minima(), Options, saved: (_, _) => -500));
        Assert.Contains("the saved barrier between minima", low.Message);
        Assert.Contains("is -500, below their losses", low.Message);
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
