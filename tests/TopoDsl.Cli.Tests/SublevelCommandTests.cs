using System.Text.Json;

namespace TopoDsl.Cli.Tests;

public sealed class SublevelCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_grid_written_as_rows_gives_its_bars_minima_saddles_and_paths_in_grid_indices()
    {
        // Two wells, at (0, 0) and (2, 2), joined through the 3 at (1, 1) along the diagonal only.
        var grid = _folder.File("0 9 9\n9 3 9\n9 9 1\n", "grid.txt");

        var faces = Topo.Run("sublevel", "--grid", grid, "--shape", "3,3");
        var full = Topo.Run("sublevel", "--grid", grid, "--shape", "3,3", "--connectivity", "full", "--paths", "--output", "json");

        Assert.Equal(0, faces.ExitCode);
        Assert.Equal("3 9\n1 9\n0 inf\n", faces.Stdout); // without diagonals a 9 stands between any two wells
        Assert.Equal(0, full.ExitCode);
        using var doc = JsonDocument.Parse(full.Stdout);
        var merge = doc.RootElement.GetProperty("merges")[0];
        Assert.Equal(3, merge.GetProperty("death").GetDouble());
        Assert.Equal([1.0, 1.0], merge.GetProperty("saddle_at").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([8, 4, 0], merge.GetProperty("path").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([2.0, 2.0], doc.RootElement.GetProperty("bars")[0].GetProperty("minimum_at").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Points_with_paths_as_text_name_the_pass_between_two_valleys()
    {
        // A line of points x = 0..4 with values 0 3 1 4 2: minima at x = 0, 2, 4.
        var points = _folder.File("0 0\n1 3\n2 1\n3 4\n4 2\n", "points.txt");

        var run = Topo.Run("sublevel", "--points", points, "--knn", "1", "--paths");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("2 -> 0 over 1: 2 1 0\n4 -> 0 over 3: 4 3 2 1 0\n", run.Stdout);
    }

    [Fact]
    public void Grid_options_without_a_grid_are_refused_by_name()
    {
        var points = _folder.File("0 0 1\n1 0 2\n", "points.txt");

        var run = Topo.Run("sublevel", "--points", points, "--knn", "1", "--connectivity", "full");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("topo: --connectivity: only with --grid", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("--shape", "3,x", "topo: --shape: 'x' is not a size (a whole number from 1) in '3,x'")]
    [InlineData("--shape", "2,2", "grid.txt:2: more than the 4 values of a grid of shape 2 x 2")]
    [InlineData("--shape", "3,4", "grid.txt: 9 values, but a grid of shape 3 x 4 has 12")]
    [InlineData("--connectivity", "diagonal", "topo: --connectivity: unknown connectivity 'diagonal'; use faces or full")]
    public void Bad_grid_input_is_one_line_naming_the_option_or_file_with_exit_code_2(string option, string value, string expected)
    {
        var grid = _folder.File("0 9 9\n9 3 9\n9 9 1\n", "grid.txt");
        string[] args = option == "--shape" ? ["sublevel", "--grid", grid, "--shape", value] : ["sublevel", "--grid", grid, "--shape", "3,3", option, value];

        var run = Topo.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
    }
}
