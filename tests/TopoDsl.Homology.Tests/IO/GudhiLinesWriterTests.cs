using System.Globalization;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

public class GudhiLinesWriterTests
{
    [Fact]
    public void Writes_dim_birth_death_with_inf_for_essential_classes()
    {
        var text = GudhiLinesWriter.ToText(SampleResults.Hexagon().Barcode);

        Assert.Equal(
            "0 0 1\n0 0 1\n0 0 1\n0 0 1\n0 0 1\n0 0 inf\n1 1 1.4142135623730951\n1 1 1.4142135381698608\n", text);
    }

    [Fact]
    public void Numbers_round_trip_exactly()
    {
        var random = new Random(9);
        var bars = Enumerable.Range(0, 200)
            .Select(_ => new PersistenceInterval(random.NextDouble(), random.NextDouble() * 1e-7 + 1))
            .Append(new PersistenceInterval((double)1.4142135f, double.PositiveInfinity))
            .ToArray();
        var barcode = new Barcode([[], bars]);

        var back = BarcodeText.ParseGudhiLines(GudhiLinesWriter.ToText(barcode));

        Assert.Equal(bars, back[1]);
        Assert.Empty(back[0]);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal("0 0.5 inf\n",
                GudhiLinesWriter.ToText(new Barcode([[new PersistenceInterval(0.5, double.PositiveInfinity)]])));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
