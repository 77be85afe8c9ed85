using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>The edge count that the memory check before allocation relies on.</summary>
public class EdgeCountEstimateTests
{
    [Fact]
    public void Before_the_edges_a_small_cloud_gets_the_engines_own_estimate_for_H1()
    {
        // 50 points: every row is sampled, so the edge count and the estimate are exact.
        var cloud = RandomClouds.Uniform(42, 50, 3);
        MemoryEstimate? engine = null;
        VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 1, Threads = 1, EstimateReport = e => engine = e });

        double edges = EdgeCountEstimate.WithinEnclosingRadius(50, EdgeCountEstimate.Rows(cloud));
        var before = MemoryEstimate.BeforeEdges(50, edges, MemoryEstimate.DenseMetricBytes(50), maxDimension: 1);

        Assert.Equal(engine!.SimplexCounts[1], edges);
        Assert.Equal(engine.Bytes, before.Bytes);
    }

    [Theory]
    [InlineData(43, 3000, 3)]
    [InlineData(44, 2000, 8)]
    public void The_sampled_count_within_the_enclosing_radius_is_close_to_the_exact_one(int seed, int n, int dimension)
    {
        var cloud = RandomClouds.Uniform(seed, n, dimension);
        var full = RandomClouds.FullMatrix(cloud);
        float radius = Enumerable.Range(0, n).Min(i => Enumerable.Range(0, n).Max(j => full[i * n + j]));
        double exact = CountWithin(full, n, radius);

        double estimate = EdgeCountEstimate.WithinEnclosingRadius(n, EdgeCountEstimate.Rows(cloud));

        Assert.InRange(estimate / exact, 0.95, 1.10);
    }

    [Fact]
    public void The_sampled_count_within_a_threshold_is_close_to_the_exact_one()
    {
        const int n = 3000;
        var cloud = RandomClouds.Uniform(45, n, 3);
        var full = RandomClouds.FullMatrix(cloud);
        var matrix = new DistanceMatrix(full, DistanceMatrixLayout.Full);

        double exact = CountWithin(full, n, 0.3f);

        Assert.InRange(EdgeCountEstimate.WithinThreshold(n, EdgeCountEstimate.Rows(cloud), 0.3f) / exact, 0.9, 1.1);
        Assert.InRange(EdgeCountEstimate.WithinThreshold(n, EdgeCountEstimate.Rows(matrix), 0.3f) / exact, 0.9, 1.1);
    }

    private static double CountWithin(float[] full, int n, float threshold)
    {
        long count = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                if (full[i * n + j] <= threshold) count++;
        return count;
    }
}
