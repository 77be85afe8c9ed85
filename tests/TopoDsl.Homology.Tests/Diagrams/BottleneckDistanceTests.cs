using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

public class BottleneckDistanceTests
{
    private const double Inf = double.PositiveInfinity;

    private static PersistenceInterval[] D(params (double Birth, double Death)[] bars) =>
        bars.Select(x => new PersistenceInterval(x.Birth, x.Death)).ToArray();

    [Fact]
    public void Identical_diagrams_are_at_distance_zero()
    {
        var a = D((0, 1), (0.5, 3), (2, 2.25), (1, Inf));
        Assert.Equal(0, BottleneckDistance.Compute(a, a.Reverse().ToArray()));
    }

    [Fact]
    public void Empty_diagrams_are_at_distance_zero() => Assert.Equal(0, BottleneckDistance.Compute(D(), D()));

    [Fact]
    public void A_single_point_against_nothing_costs_half_its_persistence() =>
        Assert.Equal(1.5, BottleneckDistance.Compute(D((1, 4)), D()));

    [Theory]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(2.0, 1.4142135623730951)] // to the midpoint (1, 1)
    [InlineData(1.0, 2.0)]
    public void Other_ground_metrics_measure_the_distance_to_the_diagonal_in_their_norm(double q, double expected) =>
        Assert.Equal(expected, BottleneckDistance.Compute(D((0, 2)), D(), q), 15);

    [Fact]
    public void The_ground_metric_decides_which_pairs_are_close()
    {
        // (0,4)–(1,5): L∞ 1, L1 2; to the diagonal: L∞ 2, L1 4.
        Assert.Equal(1, BottleneckDistance.Compute(D((0, 4)), D((1, 5))));
        Assert.Equal(2, BottleneckDistance.Compute(D((0, 4)), D((1, 5)), internalP: 1));
    }

    [Fact]
    public void Points_on_the_diagonal_cost_nothing() =>
        Assert.Equal(0, BottleneckDistance.Compute(D((1, 1), (2, 2)), D((3, 3))));

    [Fact]
    public void Nearby_points_are_matched_to_each_other_rather_than_to_the_diagonal()
    {
        // (0,10)–(1,9) costs 1 (to the diagonal: 5 and 4); (5,5.5) goes to the diagonal for 0.25.
        Assert.Equal(1, BottleneckDistance.Compute(D((0, 10)), D((1, 9), (5, 5.5))));
    }

    [Fact]
    public void Far_points_go_to_the_diagonal()
    {
        // Matching (0,2) with (10,12) would cost 10; both to the diagonal cost 1.
        Assert.Equal(1, BottleneckDistance.Compute(D((0, 2)), D((10, 12))));
    }

    [Fact]
    public void The_worst_pair_of_the_best_matching_decides()
    {
        // Crossed matching: (0,4)–(0,4.5) and (3,8)–(3.5,8) cost 0.5 each; swapping them costs 4.
        Assert.Equal(0.5, BottleneckDistance.Compute(D((0, 4), (3, 8)), D((3.5, 8), (0, 4.5))));
    }

    [Fact]
    public void Essential_bars_are_matched_in_birth_order()
    {
        // births [0, 3] against [1, 2.5]: |0-1| = 1 and |3-2.5| = 0.5.
        Assert.Equal(1, BottleneckDistance.Compute(D((3, Inf), (0, Inf)), D((1, Inf), (2.5, Inf))));
    }

    [Fact]
    public void Essential_and_finite_parts_combine_by_maximum() =>
        Assert.Equal(2, BottleneckDistance.Compute(D((0, Inf), (0, 4)), D((0.5, Inf))));

    [Fact]
    public void Different_numbers_of_essential_bars_give_infinity()
    {
        Assert.Equal(Inf, BottleneckDistance.Compute(D((0, Inf), (1, Inf)), D((0, Inf))));
        Assert.Equal(Inf, BottleneckDistance.Compute(D((0, Inf)), D((0, 100))));
    }

    [Fact]
    public void The_barcode_overload_compares_one_dimension()
    {
        var a = new Barcode(new[] { D((0, Inf), (0, 1)), D((1, 3)) });
        var b = new Barcode(new[] { D((0, Inf)), D((1, 2.5)) });
        Assert.Equal(0.5, BottleneckDistance.Compute(a, b, 0));
        Assert.Equal(0.5, BottleneckDistance.Compute(a, b, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BottleneckDistance.Compute(a, b, 2));
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.NaN)]
    [InlineData(2, 1)]
    [InlineData(double.NegativeInfinity, 1)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    public void Invalid_bars_are_rejected(double birth, double death)
    {
        var bad = new[] { new PersistenceInterval(birth, death) };
        Assert.Throws<ArgumentException>("a", () => BottleneckDistance.Compute(bad, D()));
        Assert.Throws<ArgumentException>("b", () => BottleneckDistance.Compute(D(), bad));
    }

    [Fact]
    public void Null_diagrams_are_rejected() =>
        Assert.Throws<ArgumentNullException>(() => BottleneckDistance.Compute(null!, D()));
}
