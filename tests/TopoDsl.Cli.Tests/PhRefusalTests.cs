using System.Globalization;
using System.Text;

using TopoDsl.Text;

namespace TopoDsl.Cli.Tests;

/// <summary>
/// topo ph refuses what it cannot do with one line on standard error and exit code 2, naming the limit hit.
/// </summary>
public sealed class PhRefusalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Seeded uniform points in the unit cube of R^3, one per line.</summary>
    private string UniformCloud(int count)
    {
        var random = new Random(count);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
            text.Append(string.Join(' ', Enumerable.Range(0, 3).Select(_ => random.NextDouble().ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        return _folder.File(text.ToString(), $"cloud{count}.txt");
    }

    private string ThirtyThousandPoints() => UniformCloud(30_000);

    /// <summary>100,000 points: the distance matrix alone is 40 GB, more than any machine this runs on has.</summary>
    private string HundredThousandPoints() => UniformCloud(100_000);

    [Theory]
    [InlineData]
    [InlineData("--max-memory", "4G")]
    public void Thirty_thousand_points_up_to_dimension_3_are_refused_on_the_index_limit(params string[] memory)
    {
        var run = Topo.Run(["ph", ThirtyThousandPoints(), "--format", "point-cloud", "--dim", "3", .. memory]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        string line = Assert.Single(run.ErrorLines);
        Assert.Equal("topo: 30000 points are too many for homology up to dimension 3: simplex indices reach C(30000, 5) = 2.02e20, " +
                     "beyond 2^63 - 1, the largest a 64-bit index allows. Lower --dim, or use fewer points.", line);
    }

    [Fact]
    public void Dimension_2_with_a_small_memory_limit_is_refused_with_the_amount_needed()
    {
        var run = Topo.Run("ph", ThirtyThousandPoints(), "--format", "point-cloud", "--dim", "2", "--max-memory", "4G");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.Matches(@"^topo: this computation needs about [0-9.]+ GiB \(estimated; simplices per dimension: 3e4, [0-9.]+e8\), " +
                       @"more than the limit of 4 GiB\. ", line);
    }

    [Fact]
    public void Without_a_memory_limit_a_run_that_cannot_fit_the_machine_is_refused_before_it_allocates()
    {
        var run = Topo.Run("ph", HundredThousandPoints(), "--format", "point-cloud", "--dim", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^topo: this computation needs at least [0-9.]+ GiB .* more than the [0-9.]+ [GM]iB of memory available to this process\. " +
            "Lower the dimension, set a smaller threshold, or use a machine with more memory\\.$", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void A_memory_limit_the_run_exceeds_is_the_one_named()
    {
        var lines = new[] { "4G", "1T" }.Select(limit => Assert.Single(Topo.Run("ph", HundredThousandPoints(), "--format", "point-cloud", "--dim", "1", "--max-memory", limit).ErrorLines)).ToArray();

        Assert.Matches(@"more than the limit of 4 GiB\. .* or raise the limit\.$", lines[0]);
        Assert.Matches(@"more than the [0-9.]+ [GM]iB of memory available to this process\. ", lines[1]);   // 1T is allowed, but not there
    }

    [Theory]
    [InlineData("4", "topo: --modulus 4 is not a prime; coefficients need a prime modulus between 2 and 46337")]
    [InlineData("1", "topo: --modulus 1 is not a prime; coefficients need a prime modulus between 2 and 46337")]
    [InlineData("46349", "topo: --modulus 46349 is above 46337, the largest prime modulus whose products of residues fit in an int")]
    public void A_modulus_that_cannot_be_used_is_one_clean_line(string modulus, string expected)
    {
        var run = Topo.Run("ph", _folder.File("0 0\n1 0\n0 1\n"), "--format", "point-cloud", "--modulus", modulus);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Sublevel_refuses_a_negative_longest_edge_itself_in_the_options_words()
    {
        var run = Topo.Run("sublevel", "--points", _folder.File("0 0 1\n1 0 2\n0 1 3\n"), "--knn", "2", "--max-edge-length", "-1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("topo: --max-edge-length: must be a non-negative length", Assert.Single(run.ErrorLines));
    }
}
