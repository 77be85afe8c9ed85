using FsCheck.Xunit;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class GridSublevelTests
{
    private static readonly double Inf = double.PositiveInfinity;

    [Fact]
    public void Diagonal_wells_are_apart_with_face_neighbours_and_joined_with_full_ones()
    {
        double[] values = [0, 9, 9, 1];

        var faces = SublevelPersistence.OnGrid(values, [2, 2], GridConnectivity.Faces);
        var full = SublevelPersistence.OnGrid(values, [2, 2], GridConnectivity.Full);

        Assert.Equal([new PersistenceInterval(1, 9), new PersistenceInterval(0, Inf)], faces.Bars);
        Assert.Equal([new PersistenceInterval(0, Inf)], full.Bars);
        Assert.Equal([3, 1, 0], faces.MinimaxPath(3, 0)); // row-major: point 1 is (0, 1), point 3 is (1, 1)
    }

    [Property(MaxTest = 200)]
    public void Grid_bars_equal_those_of_the_graph_of_points_within_one_step(byte[] valueCodes, byte rows, byte columns, byte layers, bool full)
    {
        int[] shape = [rows % 5 + 1, columns % 6 + 1, layers % 3 + 1];
        int count = shape[0] * shape[1] * shape[2];
        var values = Enumerable.Range(0, count).Select(i => valueCodes is { Length: > 0 } ? (double)(valueCodes[i % valueCodes.Length] % 5) : 0).ToArray();
        var connectivity = full ? GridConnectivity.Full : GridConnectivity.Faces;

        var actual = SublevelPersistence.OnGrid(values, shape, connectivity);

        var (sources, targets) = NeighboursByCoordinates(shape, connectivity);
        Assert.Equal(sources.Length, GridGraph.Edges(shape, connectivity).Sources.Length); // and its count of edges is exact
        var naive = new NaiveSublevelReference(values, sources, targets);
        SublevelAssertions.SameBars(naive.Bars, SublevelAssertions.SortedBars(actual.Bars));
    }

    [GudhiFact]
    public void Random_two_and_three_dimensional_grids_match_gudhi()
    {
        var rng = new Random(5);
        foreach (int[] shape in new[] { new[] { 37, 23 }, new[] { 7, 8, 9 } })
        {
            int count = shape.Aggregate(1, (a, b) => a * b);
            var gaussian = Enumerable.Range(0, count).Select(_ => RandomGraph.StandardNormal(rng)).ToArray();
            var tied = Enumerable.Range(0, count).Select(_ => (double)rng.Next(6)).ToArray();
            foreach (var values in new[] { gaussian, tied })
                foreach (var connectivity in new[] { GridConnectivity.Faces, GridConnectivity.Full })
                {
                    var actual = SublevelAssertions.SortedBars(SublevelPersistence.OnGrid(values, shape, connectivity).Bars);
                    SublevelAssertions.SameBars(GudhiSublevelOracle.GridBars(values, shape, connectivity), actual, 1e-12);
                }
        }
    }

    [Theory]
    [InlineData(GridConnectivity.Faces)]
    [InlineData(GridConnectivity.Full)]
    public void Two_gaussian_wells_give_one_bar_from_the_shallow_well_to_the_pass_between_them(GridConnectivity connectivity)
    {
        var wells = GaussianWells.Two;
        const int side = 201;
        double step = 4.0 / (side - 1);
        var values = new double[side * side];
        for (int r = 0; r < side; r++)
            for (int c = 0; c < side; c++) values[r * side + c] = wells.Value(-2 + c * step, -2 + r * step);

        var result = SublevelPersistence.OnGrid(values, [side, side], connectivity);

        var merge = Assert.Single(result.Merges);
        // The grid's step is 0.02, so its lowest points and its pass sit within about 1e-3 of the true values.
        Assert.Equal(wells.DeepMinimum, values[Assert.Single(result.ComponentMinima)], 1e-3);
        Assert.Equal(wells.ShallowMinimum, merge.Birth, 1e-3);
        Assert.Equal(wells.Pass, merge.Death, 2e-3);
        (double X, double Y) At(int v) => (-2 + v % side * step, -2 + v / side * step);
        Assert.True(Distance(At(merge.DyingMinimum), wells.ShallowAt) <= step, $"shallow well found at {At(merge.DyingMinimum)}");
        Assert.True(Distance(At(result.Saddles[0]), wells.PassAt) <= step, $"pass found at {At(result.Saddles[0])}");
    }

    [Fact]
    public void Two_gaussian_wells_sampled_at_random_points_give_the_same_bar_on_the_knn_graph()
    {
        var wells = GaussianWells.Two;
        var rng = new Random(3);
        const int count = 40_000;
        var coordinates = new float[2 * count];
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            coordinates[2 * i] = (float)(4 * rng.NextDouble() - 2);
            coordinates[2 * i + 1] = (float)(4 * rng.NextDouble() - 2);
            values[i] = wells.Value(coordinates[2 * i], coordinates[2 * i + 1]);
        }

        var result = SublevelPersistence.OnPointCloud(new Metric.PointCloud(coordinates, 2), values, k: 8);

        var real = result.Merges.MaxBy(m => m.Persistence);
        Assert.Equal(wells.ShallowMinimum, real.Birth, 0.01);
        Assert.Equal(wells.Pass, real.Death, 0.01);
        Assert.All(result.Merges.Where(m => m != real), m => Assert.True(m.Persistence < 0.2 * real.Persistence, $"noise bar [{m.Birth}, {m.Death}) beside [{real.Birth}, {real.Death})"));
    }

    [Fact]
    public void A_shape_that_does_not_hold_the_values_is_refused_with_both_counts()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGrid(new double[10], [3, 3]));
        Assert.Contains("10 values given for a grid of shape [3, 3] (9 points)", mismatch.Message);
        var empty = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGrid(new double[0], [3, 0]));
        Assert.Contains("axis 1 of the grid has size 0", empty.Message);
        var nan = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGrid([0, double.NaN], [2]));
        Assert.Contains("grid point 1 has value NaN", nan.Message);
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    // Independent of the grid builder: every pair of points, joined when their coordinates differ by at most one
    // on every axis (Full) or by one on exactly one axis (Faces).
    private static (int[] Sources, int[] Targets) NeighboursByCoordinates(int[] shape, GridConnectivity connectivity)
    {
        int count = shape.Aggregate(1, (a, b) => a * b);
        int[] Coordinates(int index)
        {
            var c = new int[shape.Length];
            for (int axis = shape.Length - 1; axis >= 0; axis--) { c[axis] = index % shape[axis]; index /= shape[axis]; }
            return c;
        }
        var sources = new List<int>();
        var targets = new List<int>();
        for (int a = 0; a < count; a++)
            for (int b = a + 1; b < count; b++)
            {
                var steps = Coordinates(a).Zip(Coordinates(b), (x, y) => Math.Abs(x - y)).ToArray();
                bool joined = connectivity == GridConnectivity.Full ? steps.Max() == 1 : steps.Sum() == 1;
                if (!joined) continue;
                sources.Add(a);
                targets.Add(b);
            }
        return (sources.ToArray(), targets.ToArray());
    }
}
