using TopoDsl.Homology.IO;
using static TopoDsl.Homology.Tests.IO.InputErrors;

namespace TopoDsl.Homology.Tests.IO;

public sealed class PointCloudReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_points_with_any_separators_comments_and_blank_lines()
    {
        var file = _folder.File("# a triangle\n0 0\n\n1,0\r\n  0.5 ,\t0.866025  \n# end\n");

        var cloud = PointCloudReader.Read(file);

        Assert.Equal(3, cloud.Count);
        Assert.Equal(2, cloud.Dimension);
        Assert.Equal(new[] { 0f, 0f, 1f, 0f, 0.5f, 0.866025f }, cloud.Coordinates.ToArray());
    }

    [Fact]
    public void Parses_exponents_signs_and_a_last_line_without_newline()
    {
        var cloud = PointCloudReader.Read(_folder.File("-1.5e-3 +2E2 .25\n3 -0 1e+1"));

        Assert.Equal(new[] { -1.5e-3f, 200f, 0.25f, 3f, -0f, 10f }, cloud.Coordinates.ToArray());
    }

    [Fact]
    public void Values_use_the_invariant_culture_whatever_the_current_one()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var cloud = PointCloudReader.Read(new StringReader("1.5 2.25\n"), "text");
            Assert.Equal(new[] { 1.5f, 2.25f }, cloud.Coordinates.ToArray());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Round_trips_random_points_written_with_round_trip_precision()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 60).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray();
        var text = string.Join("\n", values.Chunk(3).Select(p => string.Join(" ", p.Select(v => v.ToString("R",
            System.Globalization.CultureInfo.InvariantCulture)))));

        var cloud = PointCloudReader.Read(_folder.File(text));

        Assert.Equal(values, cloud.Coordinates.ToArray());
        Assert.Equal(3, cloud.Dimension);
    }

    [Fact]
    public void A_long_line_crossing_the_read_buffer_is_read_whole()
    {
        var coordinates = Enumerable.Range(0, 30_000).Select(i => (float)i).ToArray();
        var line = string.Join(" ", coordinates);
        var cloud = PointCloudReader.Read(_folder.File(line + "\n" + line + "\n"));

        Assert.Equal(2, cloud.Count);
        Assert.Equal(30_000, cloud.Dimension);
        Assert.Equal(29_999f, cloud.Point(1)[29_999]);
    }

    [Fact]
    public void Ragged_rows_name_the_line_and_both_lengths()
    {
        var file = _folder.File("# header\n0 0\n1 1\n2 2 2\n");
        AssertFails(() => PointCloudReader.Read(file), file, 4, "point 3 has 3 coordinates", "first point (line 2) has 2");
    }

    [Fact]
    public void Text_where_a_number_belongs_is_quoted()
    {
        var file = _folder.File("0 0\n1 one\n");
        AssertFails(() => PointCloudReader.Read(file), file, 2, "expected a number, found 'one'");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void NaN_is_rejected(string token)
    {
        var file = _folder.File($"0 0\n{token} 1\n");
        AssertFails(() => PointCloudReader.Read(file), file, 2, $"'{token}'", "NaN");
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e39")]
    public void Infinite_values_are_rejected(string token)
    {
        var file = _folder.File($"0 0\n1 {token}\n");
        AssertFails(() => PointCloudReader.Read(file), file, 2, $"'{token}'", "infinite");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("# only a comment\n")]
    public void Empty_input_is_rejected(string content)
    {
        var file = _folder.File(content);
        AssertFails(() => PointCloudReader.Read(file), file, null, "no data");
    }

    [Fact]
    public void A_line_of_separators_only_is_rejected()
    {
        var file = _folder.File("0 0\n , ,\n");
        AssertFails(() => PointCloudReader.Read(file), file, 2, "no coordinates");
    }

    [Fact]
    public void Errors_from_a_reader_name_the_given_source() =>
        AssertFails(() => PointCloudReader.Read(new StringReader("1 x"), "my-points"), "my-points", 1, "'x'");
}
