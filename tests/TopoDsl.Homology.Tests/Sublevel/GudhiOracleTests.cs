using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class GudhiOracleTests
{
    private const double Tolerance = 1e-12;

    [GudhiFact]
    public void Random_graphs_with_gaussian_values_match_gudhi_and_the_union_find_reference()
    {
        var rng = new Random(2024);
        foreach (int n in new[] { 1000, 2500, 5000 })
        {
            var g = RandomGraph.Gaussian(rng, n, n * 3 / 2);
            var actual = SublevelAssertions.SortedBars(SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets).Bars);

            SublevelAssertions.SameBars(GudhiSublevelOracle.GraphBars(g), actual, Tolerance);
            SublevelAssertions.SameBars(UnionFindReference.Bars(g.Values, g.Sources, g.Targets), actual);
        }
    }

    [GudhiFact]
    public void Random_graph_with_many_equal_values_matches_gudhi()
    {
        var g = RandomGraph.WithTies(new Random(99), 3000, 4500, distinctValues: 12);
        var actual = SublevelAssertions.SortedBars(SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets).Bars);

        SublevelAssertions.SameBars(GudhiSublevelOracle.GraphBars(g), actual, Tolerance);
    }

    [GudhiFact]
    public void Knn_point_cloud_persistence_matches_gudhi_on_a_numpy_built_knn_graph()
    {
        var rng = new Random(31);
        const int count = 2000, dimension = 3, k = 5;
        var points = new PointCloud(
            Enumerable.Range(0, count * dimension).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray(), dimension);
        var values = Enumerable.Range(0, count).Select(i => Math.Sin(3 * points.Point(i)[0]) + points.Point(i)[1] * points.Point(i)[2])
            .ToArray();

        var actual = SublevelAssertions.SortedBars(SublevelPersistence.OnPointCloud(points, values, k).Bars);

        SublevelAssertions.SameBars(GudhiSublevelOracle.PointCloudBars(points, values, k), actual, Tolerance);
    }
}
