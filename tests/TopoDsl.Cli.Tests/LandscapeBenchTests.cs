using System.Text.Json;
using TopoDsl.Training.Data;

namespace TopoDsl.Cli.Tests;

/// <summary>A fact that needs python3-torch and Debian's dataset-fashion-mnist.</summary>
public sealed class TorchAndFashionMnistFactAttribute : FactAttribute
{
    public TorchAndFashionMnistFactAttribute()
    {
        bool data = File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-images-idx3-ubyte.gz")) || File.Exists(Path.Combine(FashionMnist.DefaultFolder, "t10k-images-idx3-ubyte"));
        if ((!OracleTools.HasTorch || !data) && !OracleTools.Required)
            Skip = "oracle missing: install Debian's python3-torch, libopenblas0-pthread and dataset-fashion-mnist to run this test";
    }
}

public sealed class LandscapeBenchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [TorchAndFashionMnistFact]
    public void A_small_slice_benchmark_times_both_sides_and_their_grids_agree()
    {
        string json = Path.Combine(_folder.Path, "slice.json");

        var run = Topo.Run("bench", "slice", "--resolution", "4", "--samples", "300", "--threads", "1", "--json", json);

        Assert.Equal(0, run.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray());
        Assert.Equal(4, row.GetProperty("resolution").GetInt32());
        Assert.True(row.GetProperty("topo_seconds").GetDouble() > 0);
        Assert.True(row.GetProperty("torch_seconds").GetDouble() > 0);
        Assert.InRange(row.GetProperty("largest_relative_difference").GetDouble(), 0, 1e-5);
    }

    [TorchAndFashionMnistFact]
    public void A_small_AutoNEB_benchmark_times_both_sides_and_they_find_the_same_barrier()
    {
        string json = Path.Combine(_folder.Path, "autoneb.json");

        var run = Topo.Run("bench", "autoneb", "--samples", "200", "--threads", "1", "--json", json);

        Assert.Equal(0, run.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(File.ReadAllText(json)).RootElement.EnumerateArray());
        double topo = row.GetProperty("topo_barrier").GetDouble(), torch = row.GetProperty("torch_barrier").GetDouble();
        Assert.True(Math.Abs(topo - torch) <= 0.02 * Math.Abs(torch), $"barrier {topo} against PyTorch's {torch}");
        Assert.Equal(row.GetProperty("torch_images").GetInt32(), row.GetProperty("topo_images").GetInt32());
        Assert.True(row.GetProperty("torch_seconds").GetDouble() > 0);
    }

    [Fact]
    public void A_resolution_or_sample_count_out_of_range_is_one_line_with_exit_code_2()
    {
        var run = Topo.Run("bench", "slice", "--samples", "20000");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("topo: --samples: give 1 to 10000 test images, not 20000", Assert.Single(run.ErrorLines));
        var autoneb = Topo.Run("bench", "autoneb", "--samples", "0");
        Assert.Equal(2, autoneb.ExitCode);
        Assert.Equal("topo: --samples: give 1 to 60000 training images, not 0", Assert.Single(autoneb.ErrorLines));
    }
}
