using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.IO;

public class RipserTextWriterTests
{
    [Fact]
    public void Writes_ripsers_layout_with_the_header_first()
    {
        var text = RipserTextWriter.ToText(SampleResults.Hexagon(), ["point cloud with 6 points in dimension 2"]);

        Assert.Equal(
            "point cloud with 6 points in dimension 2\n" +
            "persistence intervals in dim 0:\n" +
            " [0,1)\n [0,1)\n [0,1)\n [0,1)\n [0,1)\n [0, )\n" +
            "persistence intervals in dim 1:\n" +
            " [1,1.41421)\n [1,1.41421)\n",
            text);
    }

    [Fact]
    public void Empty_dimensions_keep_their_heading()
    {
        var result = new RipsResult
        {
            Barcode = new Barcode([[new PersistenceInterval(0, double.PositiveInfinity)], []]),
            Threshold = 1, ThresholdIsEnclosingRadius = false, PointCount = 1,
        };

        Assert.Equal("persistence intervals in dim 0:\n [0, )\npersistence intervals in dim 1:\n", RipserTextWriter.ToText(result));
    }

    [Theory]
    [InlineData(0.0, 1e-5, " [0,1e-05)")]
    [InlineData(0.5, 0.0142857, " [0.5,0.0142857)")]
    [InlineData(1.7320508, double.PositiveInfinity, " [1.73205, )")]
    [InlineData(123456.7, 1234567.0, " [123457,1.23457e+06)")]
    public void Bars_print_numbers_as_cout_does(double birth, double death, string expected) =>
        Assert.Equal(expected, RipserTextWriter.BarText(new PersistenceInterval(birth, death)));

    [Fact]
    public void Cocycles_follow_their_finite_H1_bar()
    {
        var text = RipserTextWriter.ToText(SampleResults.Hexagon(withCocycles: true), withCocycles: true);

        var lines = text.Split('\n');
        Assert.Equal(" [1,1.41421):  {[1,0]:1, [4,1]:1}", lines[8]);
        Assert.Equal(" [1,1.41421)", lines[9]); // the second bar has no cocycle
    }

    [Fact]
    public void Cocycles_are_left_out_unless_asked_for()
    {
        var text = RipserTextWriter.ToText(SampleResults.Hexagon(withCocycles: true));

        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void Equal_bars_take_their_cocycles_in_order()
    {
        var bar = new PersistenceInterval(1, 2);
        var result = new RipsResult
        {
            Barcode = new Barcode([[], [bar, bar]]),
            Threshold = 2, ThresholdIsEnclosingRadius = true, PointCount = 4,
            Cocycles =
            [
                new Cocycle(1, bar, [new CocycleEntry([1, 0], 1)]),
                new Cocycle(1, bar, [new CocycleEntry([3, 2], 2)]),
            ],
        };

        var lines = RipserTextWriter.ToText(result, withCocycles: true).Split('\n');

        Assert.Equal([" [1,2):  {[1,0]:1}", " [1,2):  {[3,2]:2}"], lines[2..4]);
    }
}
