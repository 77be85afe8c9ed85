using System.Diagnostics;
using System.Globalization;
using System.Text;
using TopoDsl.Homology.IO;
using Xunit.Abstractions;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>Timed tests run alone, not beside the other test classes.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;

[Collection(nameof(TimingCollection))]
public sealed class ParseSpeedTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_4096_point_9_dimensional_cloud_parses_well_under_a_second()
    {
        var random = new Random(11);
        var text = new StringBuilder();
        for (int i = 0; i < 4096; i++)
            text.AppendJoin(' ', Enumerable.Range(0, 9).Select(_ => (random.NextDouble() * 2 - 1).ToString("G9", CultureInfo.InvariantCulture)))
                .Append('\n');
        var file = _folder.File(text.ToString());

        var elapsed = FastestOfThree(() => Assert.Equal(4096, PointCloudReader.Read(file).Count),
            $"4096 x 9 point cloud ({new FileInfo(file).Length / 1024} KiB)");

        Assert.True(elapsed < TimeSpan.FromSeconds(0.5), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void A_2000_by_2000_full_matrix_parses_well_under_a_second()
    {
        const int n = 2000;
        var random = new Random(12);
        var d = new string[n, n];
        for (int i = 0; i < n; i++)
        {
            d[i, i] = "0";
            for (int j = 0; j < i; j++)
                d[i, j] = d[j, i] = (random.NextDouble() * 10).ToString("G7", CultureInfo.InvariantCulture);
        }
        var text = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) text.Append(d[i, j]).Append(j + 1 < n ? ' ' : '\n');
        }
        var file = _folder.File(text.ToString());

        var elapsed = FastestOfThree(() => Assert.Equal(n, DistanceMatrixReader.ReadFull(file).Count),
            $"2000 x 2000 full matrix ({new FileInfo(file).Length / (1024 * 1024)} MiB)");

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>Times a cold run and two warm runs (the machine may be shared) and returns the fastest.</summary>
    private TimeSpan FastestOfThree(Action action, string what)
    {
        var times = new[] { Time(action), Time(action), Time(action) };
        output.WriteLine($"{what}: reads took {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:F0} ms"))} (first is cold)");
        return times.Min();
    }

    private static TimeSpan Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed;
    }
}
