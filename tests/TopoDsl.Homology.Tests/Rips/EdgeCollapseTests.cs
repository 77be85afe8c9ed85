using FsCheck.Xunit;
using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Edge collapse leaves every barcode exactly as it was, on clouds full of ties, duplicates and loops.</summary>
public class EdgeCollapseTests
{
    [Property(MaxTest = 400)]
    public void Collapsing_edges_keeps_the_barcode_to_the_bit(int seed)
    {
        var random = new Random(seed);
        int dimension = random.Next(1, 5);
        int count = random.Next(3, 45);
        // Small integer coordinates make equal distances and repeated points common; uniform ones make them rare.
        bool lattice = random.Next(2) == 0;
        var coordinates = new float[count * dimension];
        for (int k = 0; k < coordinates.Length; k++)
            coordinates[k] = lattice ? random.Next(0, 4) : (float)random.NextDouble();
        var cloud = new PointCloud(coordinates, dimension);
        float diameter = Diameter(cloud);
        var options = new RipsOptions
        {
            MaxDimension = random.Next(0, 4),
            Threshold = diameter * (float)(1.2 * random.NextDouble()),
            Modulus = random.Next(2) == 0 ? 2 : 11,
            Threads = 1,
        };

        var plain = VietorisRips.Compute(cloud, options).Barcode;
        var collapsed = VietorisRips.Compute(cloud, options with { CollapseEdges = true }).Barcode;

        Assert.Equal(plain.MaxDimension, collapsed.MaxDimension);
        for (int d = 0; d <= plain.MaxDimension; d++)
            Assert.Equal(Sorted(plain[d]), Sorted(collapsed[d]));
    }

    [Fact]
    public void A_dense_planar_cloud_keeps_few_edges_and_its_loop()
    {
        var cloud = RandomClouds.NoisyCircle(seed: 3, count: 200, noise: 0.1);
        var metric = MetricBuilder.Sparse(cloud, threshold: 1.0f, threads: 1);

        var collapsed = EdgeCollapse.Collapse(metric);

        Assert.True(collapsed.EdgeCount < metric.EdgeCount / 10, $"{collapsed.EdgeCount} of {metric.EdgeCount} edges left");
        var options = new RipsOptions { Threshold = 1.0f, Threads = 1, CollapseEdges = true };
        var bars = VietorisRips.Compute(cloud, options).Barcode;
        Assert.Single(bars[1], bar => bar.Persistence > 0.5);
    }

    [Fact]
    public void Cocycles_are_computed_on_the_whole_complex()
    {
        var cloud = RandomClouds.NoisyCircle(seed: 4, count: 60, noise: 0.05);
        var options = new RipsOptions { Threshold = 2.5f, Threads = 1, Cocycles = true };

        var plain = VietorisRips.Compute(cloud, options);
        var asked = VietorisRips.Compute(cloud, options with { CollapseEdges = true });

        Assert.NotEmpty(plain.Cocycles);
        Assert.Equal(plain.Cocycles.Select(c => c.Entries.Count), asked.Cocycles.Select(c => c.Entries.Count));
    }

    private static (double, double)[] Sorted(IReadOnlyList<TopoDsl.Homology.Diagrams.PersistenceInterval> bars) =>
        bars.Select(bar => (bar.Birth, bar.Death)).Order().ToArray();

    private static float Diameter(PointCloud cloud)
    {
        float largest = 0;
        for (int i = 0; i < cloud.Count; i++)
            for (int j = 0; j < i; j++)
                largest = Math.Max(largest, cloud.Distance(i, j));
        return largest;
    }
}
