using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

public class BarcodeTests
{
    [Fact]
    public void Betti_numbers_count_bars_alive_at_the_scale()
    {
        var barcode = new Barcode(new[]
        {
            new[] { new PersistenceInterval(0, 1), new PersistenceInterval(0, double.PositiveInfinity) },
            new[] { new PersistenceInterval(1, Math.Sqrt(3)) },
        });

        Assert.Equal(new[] { 2, 0 }, barcode.BettiNumbers(0.5));
        Assert.Equal(new[] { 1, 1 }, barcode.BettiNumbers(1.0)); // birth inclusive, death exclusive
        Assert.Equal(new[] { 1, 0 }, barcode.BettiNumbers(Math.Sqrt(3)));
    }
}
