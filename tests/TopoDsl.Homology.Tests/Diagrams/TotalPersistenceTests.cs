using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

public class TotalPersistenceTests
{
    private static readonly PersistenceInterval[] Bars =
    [
        new(0, 1), new(1, 3), new(0.5, 0.5), new(0, double.PositiveInfinity),
    ];

    [Fact]
    public void Sums_the_powers_of_the_finite_persistences()
    {
        Assert.Equal(3, TotalPersistence.Compute(Bars));
        Assert.Equal(5, TotalPersistence.Compute(Bars, q: 2));
        Assert.Equal(1 + Math.Sqrt(2), TotalPersistence.Compute(Bars, q: 0.5), 15);
    }

    [Fact]
    public void An_empty_diagram_has_no_persistence() => Assert.Equal(0, TotalPersistence.Compute([]));

    [Fact]
    public void Essential_bars_are_excluded_unless_rejected()
    {
        Assert.Equal(3, TotalPersistence.Compute(Bars, essentialBars: EssentialBarPolicy.Exclude));
        var error = Assert.Throws<ArgumentException>("bars",
            () => TotalPersistence.Compute(Bars, essentialBars: EssentialBarPolicy.Reject));
        Assert.Contains("essential", error.Message);
        Assert.Equal(3, TotalPersistence.Compute(Bars[..3], essentialBars: EssentialBarPolicy.Reject));
    }

    [Fact]
    public void The_barcode_overload_sums_one_dimension()
    {
        var barcode = new Barcode(new[] { Bars, new PersistenceInterval[] { new(1, 1.5) } });
        Assert.Equal(5, TotalPersistence.Compute(barcode, 0, q: 2));
        Assert.Equal(0.5, TotalPersistence.Compute(barcode, 1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Invalid_exponents_are_rejected(double q) =>
        Assert.Throws<ArgumentOutOfRangeException>("q", () => TotalPersistence.Compute(Bars, q));

    [Fact]
    public void Invalid_bars_are_rejected() =>
        Assert.Throws<ArgumentException>("bars", () => TotalPersistence.Compute([new PersistenceInterval(2, 1)]));
}
