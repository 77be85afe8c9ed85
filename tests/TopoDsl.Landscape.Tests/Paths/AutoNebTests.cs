using TopoDsl.Landscape.Paths;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Tests.Paths;

public class AutoNebTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly MullerBrown Surface = new();

    // Müller–Brown's gradients reach the thousands: a learning rate of 1e-4 is the scale of its curvature's inverse.
    private static readonly AutoNebOptions MullerBrownOptions = new()
    {
        Cycles = [.. Enumerable.Repeat(new AutoNebCycle(300, 1e-4), 6), .. Enumerable.Repeat(new AutoNebCycle(300, 1e-5), 4)],
    };

    public static TheoryData<string, string> Pairs => new() { { "A", "B" }, { "B", "C" }, { "A", "C" } };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Barriers_between_Muller_Brown_minima_are_within_one_percent_of_the_known_saddles(string from, string to)
    {
        var start = Minimum(from);
        var end = Minimum(to);
        // Between A and C the path passes through B, so its highest point is the higher of the two saddles.
        var saddle = (from, to) is ("B", "C") ? MullerBrownPoints.SaddleBC : MullerBrownPoints.SaddleAB;

        var path = AutoNeb.Connect(Surface, [start.X, start.Y], [end.X, end.Y], MullerBrownOptions);

        output.WriteLine($"{from}-{to}: barrier {path.Barrier:F4} against the saddle's {saddle.Value:F4}, {path.Images.Count} images");
        Assert.True(Math.Abs(path.Barrier - saddle.Value) <= 0.01 * Math.Abs(saddle.Value),
            $"barrier {path.Barrier} against the saddle's {saddle.Value}");
        double height = saddle.Value - Math.Max(start.Value, end.Value);
        Assert.True(Math.Abs(path.Barrier - saddle.Value) <= 0.01 * height,
            $"barrier {path.Barrier} against the saddle's {saddle.Value}: off by more than 1 % of the height {height}");
        Assert.True(Math.Abs(path.HighestPoint[0] - saddle.X) < 0.05 && Math.Abs(path.HighestPoint[1] - saddle.Y) < 0.05,
            $"highest point ({path.HighestPoint[0]}, {path.HighestPoint[1]}) against the saddle at ({saddle.X}, {saddle.Y})");
    }

    [Fact]
    public void Without_steps_the_path_is_the_straight_line_and_relaxing_lowers_it_to_the_saddle()
    {
        var a = MullerBrownPoints.MinimumA;
        var c = MullerBrownPoints.MinimumC;
        // Three images split the line into quarters, each profiled at 10 parts: the line at every 40th of its length.
        double straight = Enumerable.Range(0, 41).Select(k => k / 40.0).Max(t => Surface.Loss([a.X + t * (c.X - a.X), a.Y + t * (c.Y - a.Y)]));

        var unrelaxed = AutoNeb.Connect(Surface, [a.X, a.Y], [c.X, c.Y], MullerBrownOptions with { Cycles = [new AutoNebCycle(0, 1e-4)] });
        var relaxed = AutoNeb.Connect(Surface, [a.X, a.Y], [c.X, c.Y], MullerBrownOptions);

        Assert.Equal(straight, unrelaxed.Barrier, 1e-9);
        Assert.True(straight > MullerBrownPoints.SaddleAB.Value + 20, $"straight line {straight}, saddle {MullerBrownPoints.SaddleAB.Value}");
        Assert.True(relaxed.Barrier < straight - 20, $"relaxed {relaxed.Barrier}, straight {straight}");
    }

    [Fact]
    public void Bad_points_and_options_are_refused_by_name()
    {
        var wrongLength = Assert.Throws<ArgumentException>(() => AutoNeb.Connect(Surface, [0.0], [1.0, 1.0]));
        Assert.Contains("the start point has 1 coordinates; the surface has 2", wrongLength.Message);
        var nan = Assert.Throws<ArgumentException>(() => AutoNeb.Connect(Surface, [0.0, 0.0], [double.NaN, 1.0]));
        Assert.Contains("the end point has a coordinate NaN", nan.Message);
        var rate = Assert.Throws<ArgumentException>(() => AutoNeb.Connect(Surface, [0.0, 0.0], [1.0, 1.0], new AutoNebOptions { Cycles = [new AutoNebCycle(10, 0)] }));
        Assert.Contains("AutoNebOptions.Cycles[0]", rate.Message);
    }

    /// <summary>Flat, with zero gradients, but undefined between x = 0.4 and 0.6: only the final profile meets it.</summary>
    private sealed class Hole : ILossSurface
    {
        public int Dimension => 1;
        public double Loss(ReadOnlySpan<double> p) => p[0] > 0.4 && p[0] < 0.6 ? double.NaN : 0;
        public double LossAndGradient(ReadOnlySpan<double> p, Span<double> gradient) { gradient[0] = 0; return 0; }
    }

    [Fact]
    public void A_path_through_an_undefined_loss_is_refused_rather_than_read_as_a_low_barrier()
    {
        var error = Assert.Throws<ArithmeticException>(() => AutoNeb.Connect(new Hole(), [0.0], [1.0], new AutoNebOptions { Cycles = [new AutoNebCycle(1, 0.1)] }));

        Assert.Contains("of the final path is NaN", error.Message);
    }

    [Fact]
    public void The_same_surface_twice_among_the_workers_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AutoNeb.Connect([Surface, Surface], [0.0, 0.0], [1.0, 1.0]));

        Assert.Contains("a surface appears twice among the workers", error.Message);
    }

    [Fact]
    public void A_learning_rate_that_blows_up_says_where_and_what_to_lower()
    {
        var a = MullerBrownPoints.MinimumA;
        var c = MullerBrownPoints.MinimumC;

        var error = Assert.Throws<ArithmeticException>(() => AutoNeb.Connect(Surface, [a.X, a.Y], [c.X, c.Y], new AutoNebOptions { Cycles = [new AutoNebCycle(200, 10)] }));

        Assert.Contains("lower the learning rate (the last step's was 10)", error.Message);
    }

    private static (double X, double Y, double Value) Minimum(string name) => name switch
    {
        "A" => MullerBrownPoints.MinimumA,
        "B" => MullerBrownPoints.MinimumB,
        _ => MullerBrownPoints.MinimumC,
    };
}
