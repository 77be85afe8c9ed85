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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 4)]
    public void Every_pair_gives_the_floats_of_the_definition_computed_pair_by_pair(int dimension, int seed)
    {
        // Clouds with lattice ties, repeated neurons, pairs that keep their length, grow, shrink and merge.
        var random = new Random(seed);
        const int neurons = 203; // a tail of pairs after the last full vector of every row
        var before = Enumerable.Range(0, dimension).Select(_ => Enumerable.Range(0, neurons).Select(_ => random.Next(4) == 0 ? random.Next(-3, 4) * 0.5f : (float)random.NextDouble() * 4 - 2).ToArray()).ToArray();
        var after = before.Select(axis => axis.Select(v => random.Next(3) == 0 ? v : v + (float)(random.NextDouble() - 0.5) * 0.05f).ToArray()).ToArray();
        foreach (var axis in before) axis[11] = axis[10];
        foreach (var axis in after) axis[21] = axis[20];
        const float allowance = 1e-7f, tolerance = 1e-3f;

        float expansion = 0, contraction = 0;
        long merges = 0;
        for (int i = 0; i < neurons; i++)
            for (int j = i + 1; j < neurons; j++)
            {
                float o = Distance(before, i, j), n = Distance(after, i, j);
                float slack = allowance + PairDistortion.RelativeSlack * o, safe = Math.Max(o, 1e-30f);
                expansion = Math.Max(expansion, (n - o - slack) / safe);
                contraction = Math.Max(contraction, (o - n - slack) / safe);
                if (o >= tolerance && n < tolerance) merges++;
            }

        var all = PairDistortion.AllPairs(before, after, allowance, tolerance, 0, neurons);
        Assert.Equal(new StepDistortion(expansion, contraction, merges, (long)neurons * (neurons - 1) / 2), all);
        Assert.True(expansion > 0 && contraction > 0 && merges > 0);

        static float Distance(float[][] cloud, int i, int j)
        {
            float sum = 0;
            foreach (var axis in cloud) sum += (axis[j] - axis[i]) * (axis[j] - axis[i]);
            return MathF.Sqrt(sum);
        }
    }
}
