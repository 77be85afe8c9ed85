using TopoDsl.Text;

namespace TopoDsl.Cli.Tests;

/// <summary>A binary file given to ph or sublevel: one printable line on standard error that names the file and line.</summary>
public sealed class BinaryInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string BinaryFile()
    {
        var path = Path.Combine(_folder.Path, "program.bin");
        File.WriteAllBytes(path, [(byte)'#', (byte)'\n', 0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x00, 0x00, 0x07, 0x1B,
            (byte)'[', (byte)'2', (byte)'J', 0xC3, 0x28, 0xFF, 0x9B, (byte)' ', (byte)'3', (byte)'\n']);
        return path;
    }

    [Theory]
    [InlineData("point-cloud")]
    [InlineData("distance")]
    [InlineData("lower-distance")]
    [InlineData("sparse")]
    public void Ph_names_the_file_and_line_and_prints_no_control_character(string format)
    {
        var path = BinaryFile();
        var run = Topo.Run("ph", path, "--format", format);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"topo: {path}:2: ", line);
        Assert.Contains(@"binary data '\x7FELF\x02\x01\x00\x00\x07\x1B[2J\uFFFD(\uFFFD\uFFFD'", line);
        Assert.DoesNotContain(run.Stderr.TrimEnd('\n'), char.IsControl);
    }

    [Fact]
    public void Sublevel_names_the_file_and_line_and_prints_no_control_character()
    {
        var path = BinaryFile();
        var run = Topo.Run("sublevel", "--points", path, "--knn", "2");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"topo: {path}:2: coordinate 0 is binary data '\\x7FELF", line);
        Assert.DoesNotContain(run.Stderr.TrimEnd('\n'), char.IsControl);
    }
}
