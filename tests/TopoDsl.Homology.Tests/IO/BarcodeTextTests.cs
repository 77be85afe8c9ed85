using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;
using static TopoDsl.Homology.Tests.IO.InputErrors;

namespace TopoDsl.Homology.Tests.IO;

public class BarcodeTextTests
{
    private const string RipserStdout =
        "point cloud with 6 points in dimension 2\n" +
        "value range: [1,2.23607]\n" +
        "distance matrix with 6 points, using threshold at enclosing radius 1.41421\n" +
        "persistence intervals in dim 0:\n" +
        " [0,1)\n [0,1)\n [0,1)\n [0,1)\n [0,1)\n [0, )\n" +
        "persistence intervals in dim 1:\n" +
        " [1,1.41421)\n [1,1.41421)\n" +
        "persistence intervals in dim 2:\n";

    [Fact]
    public void Parses_ripser_output_skipping_the_header()
    {
        var barcode = BarcodeText.ParseRipserOutput(RipserStdout);

        Assert.Equal(2, barcode.MaxDimension);
        Assert.Equal([.. Enumerable.Repeat(new PersistenceInterval(0, 1), 5), new PersistenceInterval(0, double.PositiveInfinity)],
            barcode[0]);
        Assert.Equal([new PersistenceInterval(1, 1.41421), new PersistenceInterval(1, 1.41421)], barcode[1]);
        Assert.Empty(barcode[2]);
    }

    [Fact]
    public void Parses_exponents_and_crlf()
    {
        var barcode = BarcodeText.ParseRipserOutput("persistence intervals in dim 0:\r\n [0,1e-05)\r\n [2.5e+06, )\r\n");

        Assert.Equal([new PersistenceInterval(0, 1e-5), new PersistenceInterval(2.5e6, double.PositiveInfinity)], barcode[0]);
    }

    [Fact]
    public void Our_ripser_text_reads_back_with_its_cocycles()
    {
        var result = SampleResults.Hexagon(withCocycles: true);
        var text = RipserTextWriter.ToText(result, ["some header"], withCocycles: true);

        var barcode = BarcodeText.ParseRipserOutput(text);
        var cocycles = BarcodeText.ParseRipserCocycles(text);

        Assert.Equal(result.Barcode[0], barcode[0]);
        Assert.Equal(2, barcode[1].Count);
        var cocycle = Assert.Single(cocycles);
        Assert.Equal(1, cocycle.Dimension);
        Assert.Equal(new PersistenceInterval(1, 1.41421), cocycle.Bar);
        Assert.Equal([[1, 0], [4, 1]], cocycle.Entries.Select(e => e.Vertices));
        Assert.Equal([1, 1], cocycle.Entries.Select(e => e.Coefficient));
    }

    [Fact]
    public void Cocycle_entries_may_be_separated_without_spaces()
    {
        var cocycles = BarcodeText.ParseRipserCocycles("persistence intervals in dim 1:\n [1,2):  {[2,1,0]:2,[3,1]:1}\n");

        Assert.Equal([[2, 1, 0], [3, 1]], Assert.Single(cocycles).Entries.Select(e => e.Vertices));
        Assert.Equal([2, 1], cocycles[0].Entries.Select(e => e.Coefficient));
    }

    [Theory]
    [InlineData("persistence intervals in dim 0:\n [0,1)\n[0 1]\n", 3)]
    [InlineData("persistence intervals in dim 0:\n [0,x)\n", 2)]
    [InlineData("persistence intervals in dim 0:\n [0,1)\nsomething else\n", 3)]
    [InlineData("header\npersistence intervals in dim one:\n", 2)]
    public void Malformed_ripser_output_names_the_line(string text, int line) =>
        AssertFails(() => BarcodeText.ParseRipserOutput(text, "stdout"), "stdout", line);

    [Fact]
    public void Malformed_cocycle_names_the_line() =>
        AssertFails(() => BarcodeText.ParseRipserCocycles("persistence intervals in dim 1:\n [1,2):  {[1,0]}\n", "out"),
            "out", 2, "malformed cocycle");

    [Fact]
    public void Parses_gudhi_lines()
    {
        var barcode = BarcodeText.ParseGudhiLines("# dim birth death\n0 0 1.5\n0 0 inf\n\n2 0.25 Infinity\n1 0.5 0.75\n");

        Assert.Equal(2, barcode.MaxDimension);
        Assert.Equal([new PersistenceInterval(0, 1.5), new PersistenceInterval(0, double.PositiveInfinity)], barcode[0]);
        Assert.Equal([new PersistenceInterval(0.5, 0.75)], barcode[1]);
        Assert.Equal([new PersistenceInterval(0.25, double.PositiveInfinity)], barcode[2]);
    }

    [Fact]
    public void Gudhi_lines_can_be_padded_to_a_dimension()
    {
        var barcode = BarcodeText.ParseGudhiLines("0 0 inf\n", maxDimension: 2);

        Assert.Equal(2, barcode.MaxDimension);
        Assert.Empty(barcode[2]);
    }

    [Theory]
    [InlineData("0 0\n", "expected 3 fields")]
    [InlineData("-1 0 1\n", "expected a dimension")]
    [InlineData("one 0 1\n", "expected a dimension")]
    [InlineData("0 zero 1\n", "expected a number, found 'zero'")]
    [InlineData("0 0 nan\n", "expected a number, found 'nan'")]
    public void Malformed_gudhi_lines_name_the_line(string line, string fragment) =>
        AssertFails(() => BarcodeText.ParseGudhiLines("0 0 1\n" + line, source: "bars"), "bars", 2, fragment);
}
