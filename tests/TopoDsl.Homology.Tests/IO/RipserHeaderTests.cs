using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>Expected lines are what ripser 1.2.1 prints for these inputs (observed with /usr/bin/ripser).</summary>
public class RipserHeaderTests
{
    // A 2x3 grid: unit edges, diagonals sqrt(2), d(0,3) = sqrt(5), d(0,2) = 2.
    private const string Hexagon = "0 0\n1 0\n2 0\n2 1\n1 1\n0 1\n";

    private const string HexagonLower =
        "1\n2,1\n2.23607,1.41421,1\n1.41421,1,1.41421,1\n1,1.41421,2.23607,2,1\n";

    private static IReadOnlyList<string> Lines(string text, InputFormat format, float? threshold = null) =>
        RipserHeader.Describe(MetricReader.Read(new StringReader(text), "test", format), threshold).Lines();

    [Fact]
    public void Point_cloud_without_threshold_reports_value_range_and_enclosing_radius() =>
        Assert.Equal(
            [
                "point cloud with 6 points in dimension 2",
                "value range: [1,2.23607]",
                "distance matrix with 6 points, using threshold at enclosing radius 1.41421",
            ],
            Lines(Hexagon, InputFormat.PointCloud));

    [Fact]
    public void Point_cloud_with_threshold_reports_only_its_size() =>
        Assert.Equal(["point cloud with 6 points in dimension 2"], Lines(Hexagon, InputFormat.PointCloud, 1.2f));

    [Theory]
    [InlineData(InputFormat.LowerDistance)]
    [InlineData(InputFormat.UpperDistance)]
    [InlineData(InputFormat.Distance)]
    public void Dense_matrix_without_threshold(InputFormat format) =>
        Assert.Equal(
            ["value range: [1,2.23607]", "distance matrix with 6 points, using threshold at enclosing radius 1.41421"],
            Lines(InLayout(format), format));

    [Theory]
    [InlineData(InputFormat.LowerDistance)]
    [InlineData(InputFormat.UpperDistance)]
    [InlineData(InputFormat.Distance)]
    public void Dense_matrix_with_threshold_counts_entries_within_it_over_ripsers_total(InputFormat format) =>
        Assert.Equal(
            ["value range: [1,2.23607]", "sparse distance matrix with 6 points and 7/17 entries"], // (6*6-1)/2 = 17
            Lines(InLayout(format), format, 1.2f));

    [Fact]
    public void Sparse_input_counts_the_edges_read_whatever_the_threshold()
    {
        const string square = "0 1 1\n1 2 1\n2 3 1\n3 0 1\n0 2 1.5\n";
        Assert.Equal(["sparse distance matrix with 4 points and 5/6 entries"], Lines(square, InputFormat.Sparse));
        Assert.Equal(["sparse distance matrix with 4 points and 5/6 entries"], Lines(square, InputFormat.Sparse, 1.2f));
    }

    [Fact]
    public void Zero_distances_between_distinct_points_count_in_the_value_range() =>
        Assert.Equal(
            [
                "point cloud with 3 points in dimension 2",
                "value range: [0,5]",
                "distance matrix with 3 points, using threshold at enclosing radius 5",
            ],
            Lines("0 0\n0 0\n3 4\n", InputFormat.PointCloud));

    [Fact]
    public void One_point_has_an_empty_value_range_and_zero_enclosing_radius() =>
        Assert.Equal(
            [
                "point cloud with 1 points in dimension 2",
                "value range: [inf,-inf]",
                "distance matrix with 1 points, using threshold at enclosing radius 0",
            ],
            Lines("1 2\n", InputFormat.PointCloud));

    [Fact]
    public void Threshold_of_float_max_means_no_threshold_as_in_ripser() =>
        Assert.Equal(Lines(HexagonLower, InputFormat.LowerDistance),
            Lines(HexagonLower, InputFormat.LowerDistance, float.MaxValue));

    [Fact]
    public void Header_built_from_values_prints_them_as_cout_does()
    {
        var header = new RipserHeader
        {
            Format = InputFormat.UpperDistance,
            PointCount = 1000,
            ValueRange = new ValueRange(1e-5f, 123456.7f),
            Threshold = 0.5f,
            EntryCount = 1234,
        };

        Assert.Equal(["value range: [1e-05,123457]", "sparse distance matrix with 1000 points and 1234/499999 entries"],
            header.Lines());
    }

    private static string InLayout(InputFormat format) => format switch
    {
        InputFormat.LowerDistance => HexagonLower,
        InputFormat.UpperDistance => "1 2 2.23607 1.41421 1\n1 1.41421 1 1.41421\n1 1.41421 2.23607\n1 2\n1\n",
        _ => "0 1 2 2.23607 1.41421 1\n1 0 1 1.41421 1 1.41421\n2 1 0 1 1.41421 2.23607\n" +
             "2.23607 1.41421 1 0 1 2\n1.41421 1 1.41421 1 0 1\n1 1.41421 2.23607 2 1 0\n",
    };
}
