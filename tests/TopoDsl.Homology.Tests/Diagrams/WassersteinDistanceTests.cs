using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

public class WassersteinDistanceTests
{
    private const double Inf = double.PositiveInfinity;

    private static PersistenceInterval[] D(params (double Birth, double Death)[] bars) =>
        bars.Select(x => new PersistenceInterval(x.Birth, x.Death)).ToArray();

    [Fact]
    public void Identical_diagrams_are_at_distance_zero()
    {
        var a = D((0, 1), (0.5, 3), (2, 2.25), (1, Inf));
        Assert.Equal(0, WassersteinDistance.Compute(a, a.Reverse().ToArray()));
        Assert.Equal(0, WassersteinDistance.Compute(a, a, p: 1, internalP: 2));
    }

    [Theory]
    [InlineData(1.0, Inf, 1.0)]                // L∞: half the persistence
    [InlineData(2.0, Inf, 1.0)]
    [InlineData(2.0, 2.0, 1.4142135623730951)] // L2: the distance to the midpoint (1, 1) is sqrt(2)
    [InlineData(1.0, 1.0, 2.0)]                // L1: the whole persistence
    public void A_single_point_against_nothing_costs_its_diagonal_distance(double p, double q, double expected) =>
        Assert.Equal(expected, WassersteinDistance.Compute(D((0, 2)), D(), p, q), 15);

    [Fact]
    public void Unmatched_points_add_up_in_the_p_norm()
    {
        var a = D((0, 2), (0, 4)); // diagonal costs 1 and 2
        Assert.Equal(3, WassersteinDistance.Compute(a, D(), p: 1));
        Assert.Equal(Math.Sqrt(5), WassersteinDistance.Compute(a, D(), p: 2), 15);
        Assert.Equal(Math.Cbrt(9), WassersteinDistance.Compute(a, D(), p: 3), 15);
    }

    [Fact]
    public void Nearby_points_are_matched_and_small_ones_dropped()
    {
        // (0,10)–(1,9) costs 1; (5,5.5) goes to the diagonal for 0.25.
        var a = D((0, 10));
        var b = D((1, 9), (5, 5.5));
        Assert.Equal(1.25, WassersteinDistance.Compute(a, b, p: 1), 15);
        Assert.Equal(Math.Sqrt(1 + 0.0625), WassersteinDistance.Compute(a, b, p: 2), 15);
    }

    [Fact]
    public void Different_exponents_can_prefer_different_matchings()
    {
        // (0,4)–(3,7) costs 3; dropping both costs 2 each. W1: 3 < 2+2 matches; W2: 9 > 4+4 drops; bottleneck: 2 < 3 drops.
        var a = D((0, 4));
        var b = D((3, 7));
        Assert.Equal(3, WassersteinDistance.Compute(a, b, p: 1));
        Assert.Equal(Math.Sqrt(8), WassersteinDistance.Compute(a, b, p: 2), 15);
        Assert.Equal(2, BottleneckDistance.Compute(a, b));
    }

    [Fact]
    public void Essential_bars_are_matched_in_birth_order_and_added_to_the_sum()
    {
        var a = D((3, Inf), (0, Inf), (0, 1));
        var b = D((1, Inf), (2.5, Inf), (0, 1.5));
        // finite: (0,1)–(0,1.5) costs 0.5; essential: |0-1| = 1, |3-2.5| = 0.5.
        Assert.Equal(2, WassersteinDistance.Compute(a, b, p: 1));
        Assert.Equal(Math.Sqrt(0.25 + 1 + 0.25), WassersteinDistance.Compute(a, b, p: 2), 15);
    }

    [Fact]
    public void Different_numbers_of_essential_bars_give_infinity() =>
        Assert.Equal(Inf, WassersteinDistance.Compute(D((0, Inf), (1, Inf)), D((0, Inf))));

    [Theory]
    [InlineData(Inf)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void P_infinity_is_the_bottleneck_distance_under_the_same_ground_metric(double q)
    {
        var a = D((0, 4), (3, 8), (1, Inf));
        var b = D((3.5, 8), (0, 4.5), (2, Inf));
        Assert.Equal(BottleneckDistance.Compute(a, b, q), WassersteinDistance.Compute(a, b, p: Inf, internalP: q));
    }

    [Fact]
    public void Large_exponents_and_far_apart_points_keep_full_precision()
    {
        // Matching (0,100)–(0,100.5) and (0,1)–(0,1.25) costs 0.5^64 + 0.25^64 ≈ 5e-20, while other entries reach
        // 50^64 ≈ 5e108: unscaled, the potentials could not even represent the answer's size.
        var a = D((0, 100), (0, 1));
        var b = D((0, 100.5), (0, 1.25));
        var expected = 0.5 * Math.Pow(1 + Math.Pow(0.5, 64), 1.0 / 64);
        Assert.Equal(expected, WassersteinDistance.Compute(a, b, p: 64), 14);
    }

    [Fact]
    public void The_barcode_overload_compares_one_dimension()
    {
        var a = new Barcode(new[] { D((0, Inf), (0, 2)), D((1, 3)) });
        var b = new Barcode(new[] { D((0, Inf)), D((1, 3)) });
        Assert.Equal(1, WassersteinDistance.Compute(a, b, 0, p: 1));
        Assert.Equal(0, WassersteinDistance.Compute(a, b, 1));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Exponents_below_one_are_rejected(double exponent)
    {
        Assert.Throws<ArgumentOutOfRangeException>("p", () => WassersteinDistance.Compute(D(), D(), p: exponent));
        Assert.Throws<ArgumentOutOfRangeException>("internalP", () => WassersteinDistance.Compute(D(), D(), internalP: exponent));
        Assert.Throws<ArgumentOutOfRangeException>("internalP", () => BottleneckDistance.Compute(D(), D(), internalP: exponent));
    }

    [Theory]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.NaN)]
    [InlineData(2, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    public void Invalid_bars_are_rejected(double birth, double death)
    {
        var bad = new[] { new PersistenceInterval(birth, death) };
        Assert.Throws<ArgumentException>("a", () => WassersteinDistance.Compute(bad, D()));
        Assert.Throws<ArgumentException>("b", () => WassersteinDistance.Compute(D(), bad));
    }
}
