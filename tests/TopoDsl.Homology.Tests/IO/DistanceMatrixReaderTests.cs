using TopoDsl.Homology.IO;
using TopoDsl.Homology.Metric;
using static TopoDsl.Homology.Tests.IO.InputErrors;

namespace TopoDsl.Homology.Tests.IO;

public sealed class DistanceMatrixReaderTests : IDisposable
{
    // d(0,1)=1, d(0,2)=2, d(0,3)=3, d(1,2)=4, d(1,3)=5, d(2,3)=6
    private const string Full = "0 1 2 3\n1 0 4 5\n2 4 0 6\n3 5 6 0\n";
    private const string Lower = "\n1\n2 4\n3 5 6\n";
    private const string Upper = "1 2 3\n4 5\n6\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertIsTheExampleMatrix(DistanceMatrix matrix)
    {
        Assert.Equal(4, matrix.Count);
        float[,] expected = { { 0, 1, 2, 3 }, { 1, 0, 4, 5 }, { 2, 4, 0, 6 }, { 3, 5, 6, 0 } };
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                if (i != j) Assert.Equal(expected[i, j], matrix[i, j]);
    }

    [Fact]
    public void The_three_layouts_of_one_matrix_read_the_same()
    {
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadFull(_folder.File(Full, "full.txt")));
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadLowerTriangular(_folder.File(Lower, "lower.txt")));
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadUpperTriangular(_folder.File(Upper, "upper.txt")));
    }

    [Fact]
    public void Layouts_are_recorded()
    {
        Assert.Equal(DistanceMatrixLayout.Full, DistanceMatrixReader.ReadFull(_folder.File(Full)).Layout);
        Assert.Equal(DistanceMatrixLayout.LowerTriangular, DistanceMatrixReader.ReadLowerTriangular(_folder.File(Lower)).Layout);
        Assert.Equal(DistanceMatrixLayout.UpperTriangular, DistanceMatrixReader.ReadUpperTriangular(_folder.File(Upper)).Layout);
    }

    [Fact]
    public void Comma_separated_values_comments_and_crlf_are_accepted()
    {
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadFull(
            _folder.File("# full\r\n0,1,2,3\r\n1,0,4,5\r\n\r\n2,4,0,6\r\n3,5,6,0")));
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadLowerTriangular(_folder.File("1,2,4,3,5,6\n")));
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadUpperTriangular(_folder.File("# pdist\n1, 2, 3, 4, 5, 6")));
    }

    [Fact]
    public void A_triangle_may_be_laid_out_on_any_lines()
    {
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadLowerTriangular(_folder.File("1 2\n4 3 5 6\n")));
        AssertIsTheExampleMatrix(DistanceMatrixReader.ReadUpperTriangular(_folder.File("1\n2\n3\n4\n5\n6\n")));
    }

    [Fact]
    public void Random_matrices_round_trip_through_each_layout()
    {
        var random = new Random(3);
        const int n = 9;
        var d = new float[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                d[i, j] = d[j, i] = (float)random.NextDouble() * 5;
        string F(float v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var full = string.Join("\n", Enumerable.Range(0, n).Select(i => string.Join(" ", Enumerable.Range(0, n).Select(j => F(d[i, j])))));
        var lower = string.Join("\n", Enumerable.Range(0, n).Select(i => string.Join(",", Enumerable.Range(0, i).Select(j => F(d[i, j])))));
        var upper = string.Join("\n", Enumerable.Range(0, n).Select(i => string.Join(" ", Enumerable.Range(i + 1, n - i - 1).Select(j => F(d[i, j])))));

        foreach (var matrix in new[]
                 {
                     DistanceMatrixReader.ReadFull(_folder.File(full, "f")),
                     DistanceMatrixReader.ReadLowerTriangular(_folder.File(lower, "l")),
                     DistanceMatrixReader.ReadUpperTriangular(_folder.File(upper, "u")),
                 })
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (i != j) Assert.Equal(d[i, j], matrix[i, j]);
    }

    [Fact]
    public void Full_matrix_with_a_short_row_names_the_line()
    {
        var file = _folder.File("0 1 2\n1 0\n2 1 0\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 2, "row 2 has 2 entries", "first row (line 1) has 3");
    }

    [Fact]
    public void Full_matrix_with_a_long_row_names_the_line()
    {
        var file = _folder.File("0 1 2\n1 0 1\n2 1 0 7\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 3, "row 3 has 4 entries");
    }

    [Fact]
    public void Full_matrix_with_too_few_rows_is_not_square()
    {
        var file = _folder.File("0 1 2\n1 0 1\n# end\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 2, "not square", "3 entries", "only 2 rows");
    }

    [Fact]
    public void Full_matrix_with_too_many_rows_is_not_square()
    {
        var file = _folder.File("0 1\n1 0\n\n1 1\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 4, "not square", "this is row 3");
    }

    [Fact]
    public void Asymmetric_matrix_names_both_entries_and_lines()
    {
        var file = _folder.File("0 1 2\n1 0 4\n2.5 4 0\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 3,
            "not symmetric", "d(2,0) = 2.5", "d(0,2) = 2", "(line 1)");
    }

    [Fact]
    public void Non_zero_diagonal_is_rejected()
    {
        var file = _folder.File("0 1 2\n1 0.5 4\n2 4 0\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 2, "diagonal entry d(1,1) is 0.5");
    }

    [Fact]
    public void Negative_distance_is_rejected_where_it_first_appears()
    {
        var file = _folder.File("0 -1\n-1 0\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 1, "d(0,1) is negative (-1)");
        var lower = _folder.File("1\n2 -4\n3 5 6\n", "lower.txt");
        AssertFails(() => DistanceMatrixReader.ReadLowerTriangular(lower), lower, 2, "entry 3 is negative (-4)");
    }

    [Fact]
    public void Text_in_a_matrix_is_quoted()
    {
        var file = _folder.File("0 1\n1 zero\n");
        AssertFails(() => DistanceMatrixReader.ReadFull(file), file, 2, "expected a number, found 'zero'");
        var upper = _folder.File("1 2 3\n4 - 5\n", "upper.txt");
        AssertFails(() => DistanceMatrixReader.ReadUpperTriangular(upper), upper, 2, "found '-'");
    }

    [Fact]
    public void Non_finite_entries_are_rejected()
    {
        var file = _folder.File("1\n2 NaN\n3 5 6\n");
        AssertFails(() => DistanceMatrixReader.ReadLowerTriangular(file), file, 2, "NaN");
        var infinite = _folder.File("0 Infinity\nInfinity 0\n", "inf.txt");
        AssertFails(() => DistanceMatrixReader.ReadFull(infinite), infinite, 1, "infinite");
    }

    [Theory]
    [InlineData("1 2 3 4 5 6 7\n", 7, "6 for 4 points, 10 for 5 points")]
    [InlineData("1 2\n", 2, "1 for 2 points, 3 for 3 points")]
    public void Triangle_with_an_impossible_entry_count_says_how_many_were_found(string content, int found, string hint)
    {
        var lower = _folder.File("# lower\n" + content, "lower.txt");
        AssertFails(() => DistanceMatrixReader.ReadLowerTriangular(lower), lower, 2, $"found {found} entries", hint);
        var upper = _folder.File(content + "# trailing comment\n", "upper.txt");
        AssertFails(() => DistanceMatrixReader.ReadUpperTriangular(upper), upper, 1, $"found {found} entries");
    }
}
