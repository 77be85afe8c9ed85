using System.Runtime.Intrinsics.X86;
using TopoDsl.Experiments.Certificate;
using Xunit;

namespace TopoDsl.Experiments.Tests;

public sealed class PairDistortionTests
{
    [Theory]
    [InlineData(2, 1000, 1)]
    [InlineData(3, 4099, 2)] // a tail of pairs after the last full vector
    [InlineData(794, 64, 3)]
    public void The_hardware_gather_gives_the_same_floats_as_filling_lanes_one_by_one(int dimension, int pairCount, int seed)
    {
        var random = new Random(seed);
        const int neurons = 300;
        float[][] Cloud() => Enumerable.Range(0, dimension).Select(_ => Enumerable.Range(0, neurons).Select(_ => (float)random.NextDouble() * 4 - 2).ToArray()).ToArray();
        var before = Cloud();
        var after = before.Select(axis => axis.Select(v => v + (float)(random.NextDouble() - 0.5) * 0.05f).ToArray()).ToArray();
        after[0][7] = after[0][8]; // a merge
        var first = new int[pairCount];
        var second = new int[pairCount];
        for (int k = 0; k < pairCount; k++) (first[k], second[k]) = (random.Next(neurons), random.Next(neurons));
        (first[0], second[0]) = (7, 8);

        // Without AVX2 there is no gather: Pairs must then be the lane-by-lane kernel.
        var gathered = Avx2.IsSupported
            ? PairDistortion.GatheredPairs(before, after, 1e-7f, 1e-3f, first, second)
            : PairDistortion.Pairs(before, after, 1e-7f, 1e-3f, first, second);
        var laneByLane = PairDistortion.LaneByLanePairs(before, after, 1e-7f, 1e-3f, first, second);
        Assert.Equal(laneByLane, gathered);
        Assert.True(gathered.Expansion > 0 && gathered.Contraction > 0);
    }
}
