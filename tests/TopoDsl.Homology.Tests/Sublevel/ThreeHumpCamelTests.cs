using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>
/// Barannikov et al.'s reference example: the three-hump camel on [-2, 2]^2 has its global minimum 0 at the
/// origin and two symmetric local minima f = 0.29864 at ±(1.74755, -0.87378), which join the central basin
/// through saddles at f = 0.87736 at ±(1.07054, -0.53527) (every critical point lies on y = -x/2, where
/// f' = x(3.5 - 4.2x² + x⁴) vanishes at x² = 2.1 ± √0.91).
/// </summary>
public class ThreeHumpCamelTests
{
    private const int SampleCount = 100_000; // the paper's notebook
    private const double LocalMinimum = 0.29864;
    private const double Saddle = 0.87736;

    private static double Camel(double x, double y) => (2 - 1.05 * x * x + Math.Pow(x, 4) / 6) * x * x + x * y + y * y;

    private static (PointCloud Points, double[] Values) Sample(int seed)
    {
        var rng = new Random(seed);
        var coordinates = new float[2 * SampleCount];
        var values = new double[SampleCount];
        for (int i = 0; i < SampleCount; i++)
        {
            float x = (float)(4 * rng.NextDouble() - 2), y = (float)(4 * rng.NextDouble() - 2);
            coordinates[2 * i] = x;
            coordinates[2 * i + 1] = y;
            values[i] = Camel(x, y);
        }
        return (new PointCloud(coordinates, 2), values);
    }

    [Fact]
    public void Knn_graph_with_k_6_recovers_the_global_minimum_and_the_two_symmetric_minima()
    {
        var (points, values) = Sample(seed: 1);

        var result = SublevelPersistence.OnPointCloud(points, values, k: 6);

        var essential = Assert.Single(result.EssentialBars);
        Assert.InRange(essential.Birth, 0, 0.01);
        var longest = result.Merges.OrderByDescending(m => m.Persistence).ToList();
        foreach (var merge in longest.Take(2))
        {
            Assert.InRange(merge.Birth, LocalMinimum - 0.02, LocalMinimum + 0.02);
            Assert.InRange(merge.Death, Saddle - 0.02, Saddle + 0.02);
            Assert.Equal(result.ComponentMinima[0], merge.SurvivingMinimum);
        }
        var found = longest.Take(2).Select(m => (X: points.Point(m.DyingMinimum)[0], Y: points.Point(m.DyingMinimum)[1]))
            .OrderBy(p => p.X).ToList();
        Assert.True(Near(found[0], -1.74755, 0.87378) && Near(found[1], 1.74755, -0.87378),
            $"the two minima were found at {found[0]} and {found[1]}");

        // The rest is sampling noise: a point whose six nearest neighbours all lie uphill looks like a minimum.
        // Its bar grows with |grad f| x sample spacing, so on the steep walls it reaches about 0.2 (a third of the
        // real bars, 0.58 long) while in the flat valleys below the saddle level it stays under 0.07.
        var noise = longest.Skip(2).ToList();
        Assert.All(noise, m => Assert.True(m.Persistence < 0.25, $"noise bar [{m.Birth}, {m.Death})"));
        Assert.All(noise.Where(m => m.Birth < Saddle),
            m => Assert.True(m.Persistence < 0.1, $"noise bar [{m.Birth}, {m.Death})"));
    }

    [Fact]
    public void With_more_neighbours_every_other_bar_is_tiny()
    {
        var (points, values) = Sample(seed: 1);

        var result = SublevelPersistence.OnPointCloud(points, values, k: 12);

        var longest = result.Merges.OrderByDescending(m => m.Persistence).ToList();
        Assert.All(longest.Take(2), m => Assert.InRange(m.Persistence, Saddle - LocalMinimum - 0.03, Saddle - LocalMinimum + 0.03));
        Assert.All(longest.Skip(2), m => Assert.True(m.Persistence < 0.05, $"noise bar [{m.Birth}, {m.Death})"));
    }

    [Fact]
    public void Paths_from_the_two_side_minima_to_the_centre_climb_no_higher_than_their_saddles()
    {
        var (points, values) = Sample(seed: 1);

        var result = SublevelPersistence.OnPointCloud(points, values, k: 6);

        var real = Enumerable.Range(0, result.Merges.Count).OrderByDescending(i => result.Merges[i].Persistence).Take(2).ToList();
        foreach (int i in real)
        {
            var merge = result.Merges[i];
            var path = result.MinimaxPath(merge.DyingMinimum, merge.SurvivingMinimum);
            int highest = path.MaxBy(v => values[v]);
            Assert.Equal(result.Saddles[i], highest);
            Assert.Equal(merge.Death, values[highest]);
            var side = points.Point(merge.DyingMinimum)[0] > 0 ? 1 : -1;
            var top = (X: points.Point(highest)[0], Y: points.Point(highest)[1]);
            Assert.True(Near(top, side * 1.07054, -side * 0.53527), $"the path from the minimum at x ~ {side} crosses at {top}");
            // Down both sides of the pass: the path never climbs above it, and it ends in the two wells.
            Assert.All(path, v => Assert.True(values[v] <= merge.Death));
            Assert.Equal(0, values[path[^1]], 1e-2);
        }
    }

    private static bool Near((float X, float Y) p, double x, double y) => Math.Abs(p.X - x) < 0.1 && Math.Abs(p.Y - y) < 0.1;
}
