namespace TopoDsl.Cli.Tests;

/// <summary>topo ph's standard output against Debian's ripser 1.2.1 on the same file, byte for byte.</summary>
public sealed class RipserOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [RipserFact]
    public void A_dimension_above_n_minus_2_prints_what_ripser_prints()
    {
        var file = _folder.File("0 0\n1 0\n0 1\n1 1\n");
        foreach (string dim in new[] { "5", "100000000" })
        {
            var (code, expected, _) = OracleTools.Run("ripser", ["--format", "point-cloud", "--dim", "5", file]);
            Assert.Equal(0, code);

            var run = Topo.Run("ph", file, "--format", "point-cloud", "--dim", dim);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(expected, run.Stdout);
        }
    }
}
