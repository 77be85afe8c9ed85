using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

public class InputFormatsTests
{
    [Theory]
    [InlineData("point-cloud", InputFormat.PointCloud)]
    [InlineData("distance", InputFormat.Distance)]
    [InlineData("lower-distance", InputFormat.LowerDistance)]
    [InlineData("upper-distance", InputFormat.UpperDistance)]
    [InlineData("sparse", InputFormat.Sparse)]
    public void Names_parse_and_round_trip(string name, InputFormat format)
    {
        Assert.Equal(format, InputFormats.Parse(name));
        Assert.Equal(name, format.Name());
    }

    [Theory]
    [InlineData("lower", InputFormat.LowerDistance)]
    [InlineData("upper-triangular", InputFormat.UpperDistance)]
    [InlineData("dist", InputFormat.Distance)]
    [InlineData("points", InputFormat.PointCloud)]
    public void Ripser_prefixes_are_accepted(string name, InputFormat format) =>
        Assert.Equal(format, InputFormats.Parse(name));

    [Theory]
    [InlineData("csv")]
    [InlineData("dipha")]
    [InlineData("binary")]
    [InlineData("")]
    [InlineData("Sparse")]
    public void Unknown_names_are_rejected_with_the_list_of_valid_ones(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => InputFormats.Parse(name));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("point-cloud, distance, lower-distance, upper-distance, sparse", error.Message);
        Assert.False(InputFormats.TryParse(name, out _));
    }

    [Fact]
    public void Null_is_not_a_format() => Assert.False(InputFormats.TryParse(null, out _));
}
