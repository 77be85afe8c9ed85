using TopoDsl.Homology.IO;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public sealed class InputFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string FileWith(string text) => _folder.File(text);

    private static void AssertProblem(string path, int? line, string problemPart, Action read)
    {
        var e = Assert.Throws<InputFormatException>(read);
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(problemPart, e.Problem);
    }

    [Fact]
    public void Vertex_values_skip_blank_lines_and_comments()
    {
        string path = FileWith("# values\n1.5\n\n  -2e-3  # trailing comment\r\n0\n");
        Assert.Equal([1.5, -2e-3, 0], VertexValuesFile.Read(path));
    }

    [Theory]
    [InlineData("", null, "no values")]
    [InlineData("# nothing\n\n", null, "no values")]
    [InlineData("1\nabc\n", 2, "'abc' is not a number")]
    [InlineData("1\n\n# c\nNaN\n", 4, "not finite")]
    [InlineData("1\n-Infinity\n", 2, "not finite")]
    [InlineData("1e400\n", 1, "not finite")]
    [InlineData("1\n2 3\n", 2, "one value per line, found 2 fields")]
    public void Bad_vertex_value_files_name_the_line(string text, int? line, string problem)
    {
        string path = FileWith(text);
        AssertProblem(path, line, problem, () => VertexValuesFile.Read(path));
    }

    [Fact]
    public void Edges_accept_whitespace_or_commas_and_an_empty_file()
    {
        var edges = EdgeListFile.Read(FileWith("0 1\n1,2\n# comment\n2 ,\t3\n"), 4);
        Assert.Equal([0, 1, 2], edges.Sources);
        Assert.Equal([1, 2, 3], edges.Targets);
        Assert.Equal(0, EdgeListFile.Read(FileWith("# none\n"), 4).Count);
    }

    [Theory]
    [InlineData("0 1\n1 x\n", 2, "'x' is not a vertex index")]
    [InlineData("0 1\n0.5 1\n", 2, "'0.5' is not a vertex index")]
    [InlineData("0 1\n# c\n1 5\n", 3, "edge 1 5 names vertex 5, but the graph has 3 vertices (0..2)")]
    [InlineData("-1 0\n", 1, "names vertex -1")]
    [InlineData("0 99999999999\n", 1, "names vertex 99999999999")]
    [InlineData("0 1 0.5\n", 1, "found 3 fields")]
    [InlineData("0\n", 1, "found 1 fields")]
    public void Bad_edge_files_name_the_line(string text, int line, string problem)
    {
        string path = FileWith(text);
        AssertProblem(path, line, problem, () => EdgeListFile.Read(path, 3));
    }

    [Fact]
    public void Valued_points_take_the_last_field_as_the_value()
    {
        var read = ValuedPointsFile.Read(FileWith("# x y f\n0.5, 1, 10\n\n2 -3 20.25\n"));
        Assert.Equal(2, read.Points.Dimension);
        Assert.Equal(2, read.Points.Count);
        Assert.Equal([0.5f, 1f, 2f, -3f], read.Points.Coordinates.ToArray());
        Assert.Equal([10, 20.25], read.Values);
    }

    [Theory]
    [InlineData("", null, "no points")]
    [InlineData("1 2 3\n4 5 6\n7 8\n", 3, "ragged row: 2 fields, but line 1 has 3")]
    [InlineData("# header\n1 2\n3 4 5\n", 3, "ragged row: 3 fields, but line 2 has 2")]
    [InlineData("5\n", 1, "single field")]
    [InlineData("x,y,f\n1,2,3\n", 1, "coordinate 0 'x' is not a number")]
    [InlineData("1 2 3\n1 2 nan\n", 2, "value 'nan' is not finite")]
    [InlineData("1 1e39 3\n", 1, "coordinate 1 '1e39' is too large for single precision")]
    public void Bad_points_files_name_the_line(string text, int? line, string problem)
    {
        string path = FileWith(text);
        AssertProblem(path, line, problem, () => ValuedPointsFile.Read(path));
    }

    [Fact]
    public void Missing_or_unopenable_files_name_the_file()
    {
        string missing = Path.Combine(_folder.Path, "absent.txt");
        AssertProblem(missing, null, "file not found", () => VertexValuesFile.Read(missing));
        AssertProblem(missing, null, "file not found", () => EdgeListFile.Read(missing, 3));
        AssertProblem(missing, null, "file not found", () => ValuedPointsFile.Read(missing));
        string inMissingFolder = Path.Combine(_folder.Path, "nope", "values.txt");
        AssertProblem(inMissingFolder, null, "file not found", () => VertexValuesFile.Read(inMissingFolder));
        AssertProblem(_folder.Path, null, "cannot open", () => VertexValuesFile.Read(_folder.Path));
    }

    [Fact]
    public void Files_feed_graph_persistence()
    {
        var values = VertexValuesFile.Read(FileWith("0\n3\n1\n4\n2\n"));
        var edges = EdgeListFile.Read(FileWith("0 1\n1 2\n2 3\n3 4\n"), values.Length);

        var result = SublevelPersistence.OnGraph(values, edges.Sources, edges.Targets);

        Assert.Equal(3, result.Bars.Count);
    }
}
