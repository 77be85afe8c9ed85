using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class NearestNeighborGraphTests
{
    private static PointCloud UniformCloud(Random rng, int count, int dimension) =>
        new(Enumerable.Range(0, count * dimension).Select(_ => (float)rng.NextDouble()).ToArray(), dimension);

    /// <summary>Small integer coordinates: many exactly equal distances and some coincident points.</summary>
    private static PointCloud GridCloud(Random rng, int count, int dimension) =>
        new(Enumerable.Range(0, count * dimension).Select(_ => (float)rng.Next(4)).ToArray(), dimension);

    [Theory]
    [InlineData(1, 400, 3)]
    [InlineData(2, 1500, 6)]
    [InlineData(3, 1200, 6)]
    [InlineData(5, 800, 10)]
    [InlineData(8, 700, 16)]
    [InlineData(16, 600, 32)]
    public void Kd_tree_finds_exactly_the_brute_force_neighbours(int dimension, int count, int k)
    {
        var rng = new Random(dimension * 1000 + count);
        foreach (var cloud in new[] { UniformCloud(rng, count, dimension), GridCloud(rng, count, dimension) })
        {
            var tree = ExactNearestNeighbors.FindWithKdTree(cloud, k);
            var brute = ExactNearestNeighbors.FindByBruteForce(cloud, k);

            Assert.Equal(brute.Indices, tree.Indices);
            Assert.Equal(brute.SquaredDistances, tree.SquaredDistances);
        }
    }

    [Fact]
    public void Brute_force_neighbours_are_sorted_by_distance_then_index()
    {
        var rng = new Random(3);
        var cloud = GridCloud(rng, 200, 2);
        var knn = ExactNearestNeighbors.FindByBruteForce(cloud, 7);
        for (int i = 0; i < cloud.Count; i++)
        {
            var expected = Enumerable.Range(0, cloud.Count).Where(j => j != i)
                .OrderBy(j => SquaredDistance(cloud, i, j)).ThenBy(j => j).Take(7);
            Assert.Equal(expected, knn.NeighborsOf(i).ToArray());
        }
    }

    [Fact]
    public void Equidistant_neighbours_go_to_the_lower_index()
    {
        var line = new PointCloud(new float[] { 0, 1, 2, 3 }, 1);
        var graph = NearestNeighborGraph.Build(line, 1);

        // 0->1, 1->0 (not 2), 2->1 (not 3), 3->2; symmetrised and deduplicated.
        Assert.Equal([0, 1, 2], graph.Sources.ToArray());
        Assert.Equal([1, 2, 3], graph.Targets.ToArray());
        Assert.Equal([1.0, 1.0, 1.0], graph.Lengths.ToArray());
    }

    [Theory]
    [InlineData(2, 2000, 4)]
    [InlineData(3, 300, 6)]
    [InlineData(6, 1000, 5)]
    public void Graph_is_the_symmetrised_directed_knn_graph(int dimension, int count, int k)
    {
        var cloud = UniformCloud(new Random(count + k), count, dimension);
        var graph = NearestNeighborGraph.Build(cloud, k);
        var knn = ExactNearestNeighbors.FindByBruteForce(cloud, k);

        var expected = new HashSet<(int, int)>();
        for (int i = 0; i < count; i++)
            foreach (int j in knn.NeighborsOf(i))
                expected.Add((Math.Min(i, j), Math.Max(i, j)));
        var edges = graph.Sources.ToArray().Zip(graph.Targets.ToArray()).ToList();

        Assert.Equal(edges.Count, edges.Distinct().Count());
        Assert.All(edges, e => Assert.True(e.First < e.Second));
        Assert.True(expected.SetEquals(edges));
        var degree = new int[count];
        foreach (var (u, v) in edges)
        {
            degree[u]++;
            degree[v]++;
        }
        Assert.All(degree, d => Assert.InRange(d, k, count - 1));
        Assert.InRange(graph.EdgeCount, count * k / 2, count * k);
        for (int e = 0; e < edges.Count; e++)
            Assert.Equal(Math.Sqrt(SquaredDistance(cloud, edges[e].First, edges[e].Second)), graph.Lengths.Span[e]);
    }

    [Fact]
    public void Max_edge_length_drops_exactly_the_longer_edges()
    {
        var cloud = UniformCloud(new Random(11), 1000, 2);
        var full = NearestNeighborGraph.Build(cloud, 6);
        double limit = full.Lengths.ToArray().Order().ElementAt(full.EdgeCount / 2);
        var cut = NearestNeighborGraph.Build(cloud, 6, limit);

        var kept = Enumerable.Range(0, full.EdgeCount).Where(e => full.Lengths.Span[e] <= limit).ToArray();
        Assert.Equal(kept.Select(e => full.Sources.Span[e]), cut.Sources.ToArray());
        Assert.Equal(kept.Select(e => full.Targets.Span[e]), cut.Targets.ToArray());
        Assert.Contains(limit, cut.Lengths.ToArray()); // inclusive
    }

    [Fact]
    public void K_is_capped_at_the_other_points_and_tiny_clouds_have_no_edges()
    {
        var four = NearestNeighborGraph.Build(new PointCloud(new float[] { 0, 0, 1, 0, 0, 1, 5, 5 }, 2), 10);
        Assert.Equal(3, four.NeighborsPerPoint);
        Assert.Equal(6, four.EdgeCount);

        Assert.Equal(0, NearestNeighborGraph.Build(new PointCloud(new float[] { 1, 2 }, 2), 3).EdgeCount);
        Assert.Equal(0, NearestNeighborGraph.Build(new PointCloud(Array.Empty<float>(), 2), 3).EdgeCount);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        var cloud = new PointCloud(new float[] { 0, 1, 2 }, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighborGraph.Build(cloud, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighborGraph.Build(cloud, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NearestNeighborGraph.Build(cloud, 1, double.NaN));

        var mismatch = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnPointCloud(cloud, [1, 2], 1));
        Assert.Contains("2 values given for 3 points", mismatch.Message);
        var nan = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnPointCloud(cloud, [1, double.NaN, 2], 1));
        Assert.Contains("point 1", nan.Message);
    }

    [Fact]
    public void Point_cloud_persistence_is_graph_persistence_on_the_knn_graph()
    {
        var rng = new Random(5);
        var cloud = UniformCloud(rng, 3000, 2);
        var values = Enumerable.Range(0, cloud.Count).Select(_ => RandomGraph.StandardNormal(rng)).ToArray();
        var graph = NearestNeighborGraph.Build(cloud, 4, 0.05);

        var viaCloud = SublevelPersistence.OnPointCloud(cloud, values, 4, 0.05);
        var viaGraph = SublevelPersistence.OnGraph(values, graph.Sources.Span, graph.Targets.Span);

        Assert.Equal(viaGraph.Bars, viaCloud.Bars);
        Assert.Equal(viaGraph.Merges, viaCloud.Merges);
        Assert.True(viaCloud.ComponentMinima.Count > 1); // the length cut disconnects some points
    }

    private static double SquaredDistance(PointCloud cloud, int i, int j)
    {
        double sum = 0;
        for (int c = 0; c < cloud.Dimension; c++)
        {
            double d = (double)cloud.Point(i)[c] - cloud.Point(j)[c];
            sum += d * d;
        }
        return sum;
    }
}
