using FsCheck.Xunit;
using TopoDsl.Landscape.Minima;

namespace TopoDsl.Landscape.Tests.Minima;

public class MinimaBarcodeTests
{
    private const double Missing = double.NaN;

    [Fact]
    public void A_minimum_escapes_through_an_intermediate_one_when_that_way_is_lower()
    {
        // A = 0, B = 2, C = 1; A-B 4, B-C 3, A-C 10: C's direct way to A is 10 high, through B only 4.
        var barcode = MinimaBarcode.FromBarriers([0, 2, 1], Symmetric(3, (0, 1, 4), (1, 2, 3), (0, 2, 10)));

        Assert.Equal([new MinimumSegment(1, 2, 3, 2), new MinimumSegment(2, 1, 4, 0)], barcode.Segments);
        Assert.Equal(10, barcode.LossRange);
        Assert.Equal(Math.Sqrt(1 + 9), barcode.Score(), 1e-12);
        Assert.Equal(4, barcode.Score(SegmentNorm.L1));
        Assert.Equal(3, barcode.Score(SegmentNorm.Max));
        Assert.Equal(0.4, barcode.Score(SegmentNorm.L1, normalised: true), 1e-12);
    }

    [Fact]
    public void Pairs_never_connected_leave_groups_apart_each_with_its_lowest_minimum_unbarred()
    {
        var barcode = MinimaBarcode.FromBarriers([0, 1, 5, 6], Symmetric(4, (0, 1, 2), (2, 3, 8)));

        Assert.Equal([new MinimumSegment(1, 1, 2, 0), new MinimumSegment(3, 6, 8, 2)], barcode.Segments);
        Assert.Equal(2, barcode.Persistence.EssentialBars.Count());
    }

    [Property(MaxTest = 200)]
    public void Each_segment_ends_at_the_lowest_highest_barrier_of_any_chain_down_to_a_lower_minimum(byte[] lossCodes, (byte, byte, byte)[] pairCodes)
    {
        if (lossCodes is not { Length: > 1 }) return;
        int n = Math.Min(lossCodes.Length, 7);
        var losses = lossCodes.Take(n).Select((c, i) => c % 5 + i * 1e-3).ToArray(); // distinct, so "lower" is strict
        var barriers = Symmetric(n);
        foreach (var (a, b, h) in pairCodes ?? [])
        {
            int i = a % n, j = b % n;
            if (i != j) barriers[i, j] = barriers[j, i] = Math.Max(losses[i], losses[j]) + h % 4 + 0.5;
        }

        var barcode = MinimaBarcode.FromBarriers(losses, barriers);

        foreach (var segment in barcode.Segments)
        {
            double expected = Enumerable.Range(0, n).Where(q => losses[q] < losses[segment.Minimum])
                .Select(q => Minimax(barriers, segment.Minimum, q)).Min();
            Assert.Equal(expected, segment.Saddle);
        }
        var unbarred = Enumerable.Range(0, n).Except(barcode.Segments.Select(s => s.Minimum));
        Assert.All(unbarred, m => Assert.True(Enumerable.Range(0, n).Where(q => losses[q] < losses[m]).All(q => double.IsPositiveInfinity(Minimax(barriers, m, q)))));
    }

    [Fact]
    public void Barriers_below_a_minimum_or_different_each_way_are_refused_by_pair()
    {
        var low = Assert.Throws<ArgumentException>(() => MinimaBarcode.FromBarriers([0, 2], Symmetric(2, (0, 1, 1))));
        Assert.Contains("the barrier between minima 0 and 1 is 1, below the minima's losses (0, 2)", low.Message);
        var lopsided = Symmetric(2, (0, 1, 3));
        lopsided[1, 0] = 4;
        var asymmetric = Assert.Throws<ArgumentException>(() => MinimaBarcode.FromBarriers([0, 2], lopsided));
        Assert.Contains("is 3 one way and 4 the other", asymmetric.Message);
        Assert.Throws<ArgumentException>(() => MinimaBarcode.FromBarriers([0, 2, 3], Symmetric(2)));
    }

    private static double[,] Symmetric(int n, params (int I, int J, double Barrier)[] pairs)
    {
        var matrix = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) matrix[i, j] = Missing;
        foreach (var (i, j, b) in pairs) matrix[i, j] = matrix[j, i] = b;
        return matrix;
    }

    // The lowest level at which a chain of barriers joins a to b: Floyd–Warshall with max for the path and min over paths.
    private static double Minimax(double[,] barriers, int a, int b)
    {
        int n = barriers.GetLength(0);
        var best = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) best[i, j] = i == j ? double.NegativeInfinity : double.IsNaN(barriers[i, j]) ? double.PositiveInfinity : barriers[i, j];
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) best[i, j] = Math.Min(best[i, j], Math.Max(best[i, k], best[k, j]));
        return best[a, b];
    }
}
