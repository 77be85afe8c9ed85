using FsCheck.Xunit;
using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Tests.Homotopy;

public class PathHomotopyTests
{
    /// <summary>A hill of height 10 and width 0.5 at the origin on a flat plain: paths from (-2, 0) to (2, 0) pass it on one side or the other.</summary>
    private sealed class Hill : ILossSurface
    {
        public int Dimension => 2;
        public double Loss(ReadOnlySpan<double> p) => 10 * Math.Exp(-(p[0] * p[0] + p[1] * p[1]) / (2 * 0.25));
        public double LossAndGradient(ReadOnlySpan<double> p, Span<double> gradient) => throw new NotSupportedException();
    }

    private static readonly Hill Surface = new();

    // (-2, 0) -> (-1, y) -> (1, y) -> (2, 0): symmetric, so the middle of 21 samples by arc length is (0, y), where the
    // path comes closest to the hill.
    private static double[][] Around(double y) => [[-2, 0], [-1, y], [1, y], [2, 0]];

    [Fact]
    public void Paths_on_opposite_sides_of_the_hill_are_apart_by_its_height_above_their_highest_point()
    {
        var result = PathHomotopy.Compare(Surface, Around(1), Around(-1));

        double pathTop = Surface.Loss([0, 1]);
        Assert.Equal(pathTop, result.Level, 1e-12);
        Assert.Equal(10, result.HomotopyHighest, 1e-12); // the grid's middle point, s = 1/2 and t = 1/2, is the hilltop
        Assert.Equal(10 - pathTop, result.Barrier, 1e-12);
        Assert.Equal((0.5, 0.5), (result.AtPathFraction, result.AtBlend));
        Assert.False(result.HomotopicWithin(1));
    }

    [Property(MaxTest = 50)]
    public void A_prepared_path_gives_the_grid_evaluated_point_by_point(double y1, double y2, byte samplesCode, byte blendCode)
    {
        if (!double.IsFinite(y1) || !double.IsFinite(y2)) return;
        (y1, y2) = (Math.Clamp(y1, -3, 3), Math.Clamp(y2, -3, 3));
        var options = new HomotopyOptions { PathSamples = 2 + samplesCode % 12, BlendSteps = 2 + blendCode % 8 };
        var first = PathHomotopy.Prepare(Surface, Around(y1), options);
        var result = PathHomotopy.Compare(Surface, first, PathHomotopy.Prepare(Surface, Around(y2), options), options);

        // Every grid point evaluated directly, the paths' own columns included.
        var a = PathHomotopy.Resample(Around(y1), options.PathSamples);
        var b = PathHomotopy.Resample(Around(y2), options.PathSamples);
        double highest = double.NegativeInfinity;
        for (int s = 0; s < options.PathSamples; s++)
            for (int k = 0; k < options.BlendSteps; k++)
            {
                double t = (double)k / (options.BlendSteps - 1);
                highest = Math.Max(highest, Surface.Loss([(1 - t) * a[s][0] + t * b[s][0], (1 - t) * a[s][1] + t * b[s][1]]));
            }
        Assert.Equal(highest, result.HomotopyHighest);
        Assert.Equal(Math.Max(Around(y1).Max(p => Surface.Loss(p)), a.Max(p => Surface.Loss(p))), result.FirstPathHighest);
        var other = Assert.Throws<ArgumentException>(() => PathHomotopy.Compare(Surface, first, first, options with { PathSamples = options.PathSamples + 1 }));
        Assert.Contains($"prepared with {options.PathSamples} samples", other.Message);
    }

    [Fact]
    public void Paths_on_one_side_are_homotopic_and_classes_split_by_side_until_the_tolerance_reaches_the_hill()
    {
        var paths = new[] { Around(1), Around(1.5), Around(-1), Around(-1.5) };
        var barriers = new double[4, 4];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) barriers[i, j] = i == j ? 0 : PathHomotopy.Compare(Surface, paths[i], paths[j]).Barrier;

        Assert.True(barriers[0, 1] <= 1e-12, $"same side: barrier {barriers[0, 1]}");
        Assert.Equal([0, 0, 1, 1], HomotopyClasses.Of(barriers, tolerance: 0.01));
        Assert.Equal([0, 0, 0, 0], HomotopyClasses.Of(barriers, tolerance: 10));
    }

    [Property(MaxTest = 100)]
    public void Resampling_a_straight_path_spaces_its_points_evenly_from_end_to_end(double[] gaps, byte countCode)
    {
        var steps = (gaps ?? []).Where(double.IsFinite).Select(g => Math.Abs(g) % 5 + 0.01).ToList();
        var path = new List<double[]> { new double[] { 0, 0 } };
        foreach (double gap in steps) path.Add([path[^1][0] + gap, 2 * (path[^1][0] + gap)]); // along y = 2x
        int count = countCode % 30 + 2;

        var samples = PathHomotopy.Resample(path, count);

        double length = path[^1][0];
        for (int j = 0; j < count; j++)
        {
            Assert.Equal(length * j / (count - 1), samples[j][0], 1e-9);
            Assert.Equal(2 * samples[j][0], samples[j][1], 1e-9);
        }
    }

    [Fact]
    public void Empty_paths_and_points_of_the_wrong_length_are_refused_by_name()
    {
        var empty = Assert.Throws<ArgumentException>(() => PathHomotopy.Compare(Surface, [], Around(1)));
        Assert.Contains("the first path has no points", empty.Message);
        var wrong = Assert.Throws<ArgumentException>(() => PathHomotopy.Compare(Surface, Around(1), [[0.0, 0.0], [1.0]]));
        Assert.Contains("point 1 of the second path has 1 coordinates; the surface has 2", wrong.Message);
    }
}
