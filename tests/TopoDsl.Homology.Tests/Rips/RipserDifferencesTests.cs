using System.Globalization;
using System.Text;
using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>
/// The deliberate differences from ripser 1.2.1 that the README lists, pinned on both sides: what TopoDsl does, and
/// (where ripser is installed) that ripser still does otherwise.
/// </summary>
public class RipserDifferencesTests
{
    // A unit square: sides 1, diagonals 3 (a 4-cycle that a triangle fills only at 3).
    private static readonly SparseDistances Square = new(4, new[] { 0, 1, 2, 3, 0, 1 }, new[] { 1, 2, 3, 0, 2, 3 },
        new[] { 1f, 1f, 1f, 1f, 3f, 3f });

    [Fact]
    public void Edges_above_the_threshold_are_left_out_so_no_bar_is_born_above_it()
    {
        var below = VietorisRips.Compute(Square, new RipsOptions { MaxDimension = 1, Threshold = 0.5f, Threads = 1 }).Barcode;
        BarcodeAssert.Equal(BarcodeAssert.Bars(
            [(0, double.PositiveInfinity), (0, double.PositiveInfinity), (0, double.PositiveInfinity), (0, double.PositiveInfinity)],
            []), below);

        var between = VietorisRips.Compute(Square, new RipsOptions { MaxDimension = 1, Threshold = 2f, Threads = 1 }).Barcode;
        BarcodeAssert.Equal(BarcodeAssert.Bars([(0, 1), (0, 1), (0, 1), (0, double.PositiveInfinity)], [(1, double.PositiveInfinity)]), between);

        var all = VietorisRips.Compute(Square, new RipsOptions { MaxDimension = 1, Threads = 1 }).Barcode;
        BarcodeAssert.Equal(BarcodeAssert.Bars([(0, 1), (0, 1), (0, 1), (0, double.PositiveInfinity)], [(1, 3)]), all);
    }

    [RipserFact]
    public void Sparse_with_a_threshold_equals_ripser_on_the_edges_within_it_and_on_the_point_cloud_and_not_ripser_sparse()
    {
        var cloud = RandomClouds.Uniform(47, 40, 3);
        var full = RandomClouds.FullMatrix(cloud);
        int n = cloud.Count;
        const float threshold = 0.45f;
        var sources = new List<int>();
        var targets = new List<int>();
        var distances = new List<float>();
        var allEdges = new StringBuilder();
        var edgesWithin = new StringBuilder();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                float d = full[i * n + j];
                string line = $"{i} {j} {d.ToString("R", CultureInfo.InvariantCulture)}";
                allEdges.AppendLine(line);
                if (d <= threshold) edgesWithin.AppendLine(line);
                sources.Add(i);
                targets.Add(j);
                distances.Add(d);
            }

        var ours = VietorisRips.Compute(new SparseDistances(n, sources.ToArray(), targets.ToArray(), distances.ToArray()),
            new RipsOptions { MaxDimension = 2, Threshold = threshold, Threads = 1 }).Barcode;

        BarcodeAssert.Equal(RipserOracle.Run(edgesWithin.ToString(), "sparse", 2), ours, context: "ripser on the edges within the threshold");
        BarcodeAssert.Equal(RipserOracle.Run(RandomClouds.PointCloudText(cloud), "point-cloud", 2, threshold), ours,
            context: "ripser on the point cloud with the threshold");
        // What this departs from: ripser keeps the long edges of a sparse file, so it prints bars born above the threshold.
        var ripserSparse = RipserOracle.Run(allEdges.ToString(), "sparse", 2, threshold);
        Assert.Contains(ripserSparse.SelectMany(bars => bars), bar => bar.Birth > threshold);
        Assert.DoesNotContain(Enumerable.Range(0, 3).SelectMany(d => ours[d]), bar => bar.Birth > threshold);
    }

    [Fact]
    public void A_sparse_pair_listed_twice_keeps_its_smaller_distance()
    {
        var twice = new SparseDistances(4, new[] { 0, 1, 2, 3, 0 }, new[] { 1, 2, 3, 0, 1 }, new[] { 1f, 1f, 1f, 1f, 5f });

        var barcode = VietorisRips.Compute(twice, new RipsOptions { MaxDimension = 1, Threads = 1 }).Barcode;

        BarcodeAssert.Equal(BarcodeAssert.Bars([(0, 1), (0, 1), (0, 1), (0, double.PositiveInfinity)], [(1, double.PositiveInfinity)]), barcode);
    }

    [RipserFact]
    public void Ripser_keeps_both_entries_of_a_pair_listed_twice_and_prints_a_spurious_bar()
    {
        var barcode = RipserOracle.Run("0 1 1\n1 2 1\n2 3 1\n3 0 1\n0 1 5\n", "sparse", 1);

        Assert.Contains(barcode[1], bar => bar.Birth == 5);
    }

    [RipserFact]
    public void Ripser_stops_at_indices_of_2_to_the_55_after_building_its_matrix()
    {
        // C(200, 42) is far beyond 2^55; TopoDsl refuses the same input before computing a distance.
        var cloud = RandomClouds.Uniform(48, 200, 3);
        var file = Path.Combine(Path.GetTempPath(), $"topodsl-oracle-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, RandomClouds.PointCloudText(cloud));
        try
        {
            var (code, stdout, stderr) = OracleTools.Run("ripser", ["--format", "point-cloud", "--dim", "40", file]);
            Assert.NotEqual(0, code);
            Assert.Contains("distance matrix with 200 points", stdout);
            Assert.Contains("larger than maximum index 36028797018963967", stderr); // 2^55 - 1
        }
        finally
        {
            File.Delete(file);
        }
        var error = Assert.Throws<SimplexIndexOverflowException>(() => VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 40 }));
        Assert.Contains("beyond 2^63 - 1", error.Message);
    }
}
