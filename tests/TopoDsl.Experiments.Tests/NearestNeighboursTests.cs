using FsCheck.Xunit;
using TopoDsl.Experiments.Certificate;
using TopoDsl.Experiments.Clouds;

namespace TopoDsl.Experiments.Tests;

/// <summary>The sweep along the widest axis finds the same neighbours as the search over all points, ties included.</summary>
public class NearestNeighboursTests
{
    [Property(MaxTest = 300)]
    public void The_sweep_finds_what_the_row_search_finds(int seed)
    {
        var random = new Random(seed);
        int dimension = random.Next(1, NearestNeighbours.SweepDimensions + 1);
        int count = random.Next(2, 120);
        int k = random.Next(1, Math.Min(7, count));
        var axes = CloudAxes.FromRows(RandomClouds.RowMajor(random, count, dimension), dimension);

        Assert.Equal(NearestNeighbours.ByRows(axes, k), NearestNeighbours.BySweep(axes, k));
    }

    [Fact]
    public void Neighbours_are_ordered_by_distance_then_index()
    {
        // On a line at x = 0, 1, 2, 4: point 1 has 0 and 2 at distance 1 and lists 0, the lower index, first; point 2's
        // second nearest is 0 or 3 (both at distance 2) and is 0.
        float[][] axes = [[0, 1, 2, 4]];

        Assert.Equal([1, 2, 0, 2, 1, 0, 2, 1], NearestNeighbours.ByRows(axes, 2));
        Assert.Equal([1, 2, 0, 2, 1, 0, 2, 1], NearestNeighbours.BySweep(axes, 2));
    }
}
