using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;
using static TopoDsl.Homology.Tests.Rips.BarcodeAssert;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Hand-checkable clouds whose exact barcodes are known (Adamaszek–Adams for the regular polygons).</summary>
public class TinyCloudTests
{
    private const double Inf = double.PositiveInfinity;

    internal static PointCloud RegularPolygon(int n)
    {
        var coords = new float[2 * n];
        for (int i = 0; i < n; i++)
        {
            coords[2 * i] = (float)Math.Cos(2 * Math.PI * i / n);
            coords[2 * i + 1] = (float)Math.Sin(2 * Math.PI * i / n);
        }
        return new PointCloud(coords, 2);
    }

    [Fact]
    public void Square_has_one_loop_from_side_to_diagonal()
    {
        var square = new PointCloud(new float[] { 0, 0, 1, 0, 1, 1, 0, 1 }, 2);
        var result = VietorisRips.Compute(square, new RipsOptions { MaxDimension = 2, Threads = 1 });
        Equal(Bars([(0, 1), (0, 1), (0, 1), (0, Inf)], [(1, Math.Sqrt(2))], []), result.Barcode);
    }

    [Fact]
    public void Equilateral_triangle_has_no_loop_because_it_fills_at_once()
    {
        var triangle = new PointCloud(new float[] { 0, 0, 1, 0, 0.5f, (float)(Math.Sqrt(3) / 2) }, 2);
        var result = VietorisRips.Compute(triangle, new RipsOptions { MaxDimension = 1, Threads = 1 });
        Equal(Bars([(0, 1), (0, 1), (0, Inf)], []), result.Barcode);
    }

    [Fact]
    public void Regular_hexagon_has_a_loop_then_a_sphere()
    {
        var result = VietorisRips.Compute(RegularPolygon(6), new RipsOptions { MaxDimension = 2, Threads = 1 });
        Equal(Bars(
            [(0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, Inf)],
            [(1, Math.Sqrt(3))],
            [(Math.Sqrt(3), 2)]), result.Barcode);
    }

    [Fact]
    public void Regular_12_gon_is_a_wedge_of_three_spheres()
    {
        double side = 2 * Math.Sin(Math.PI / 12), longest = 2 * Math.Sin(5 * Math.PI / 12);
        var result = VietorisRips.Compute(RegularPolygon(12), new RipsOptions { MaxDimension = 2, Threads = 1 });
        var h0 = Enumerable.Repeat((0.0, side), 11).Append((0.0, Inf)).ToArray();
        Equal(Bars(h0, [(side, Math.Sqrt(3))], [(Math.Sqrt(3), longest), (Math.Sqrt(3), longest), (Math.Sqrt(3), longest)]),
            result.Barcode);
    }

    [Fact]
    public void Octahedron_encloses_a_sphere()
    {
        var octahedron = new PointCloud(new float[] { 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1 }, 3);
        var result = VietorisRips.Compute(octahedron, new RipsOptions { MaxDimension = 2, Threads = 1 });
        var h0 = Enumerable.Repeat((0.0, Math.Sqrt(2)), 5).Append((0.0, Inf)).ToArray();
        Equal(Bars(h0, [], [(Math.Sqrt(2), 2)]), result.Barcode);
    }

    [Fact]
    public void A_threshold_below_the_death_leaves_the_loop_essential()
    {
        var result = VietorisRips.Compute(RegularPolygon(6), new RipsOptions { MaxDimension = 1, Threshold = 1.2f, Threads = 1 });
        Equal(Bars([(0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, Inf)], [(1, Inf)]), result.Barcode);
        Assert.False(result.ThresholdIsEnclosingRadius);
    }

    [Fact]
    public void The_default_threshold_is_the_enclosing_radius()
    {
        var result = VietorisRips.Compute(RegularPolygon(6), new RipsOptions { MaxDimension = 1, Threads = 1 });
        Assert.True(result.ThresholdIsEnclosingRadius);
        Assert.Equal(2f, result.Threshold, 5);
    }

    [Fact]
    public void All_input_layouts_give_the_same_barcode()
    {
        var cloud = RegularPolygon(12);
        int n = cloud.Count;
        var full = new float[n * n];
        var lower = new List<float>();
        var upper = new List<float>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                full[i * n + j] = i == j ? 0 : cloud.Distance(i, j);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) lower.Add(full[i * n + j]);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) upper.Add(full[i * n + j]);
        var sources = new List<int>();
        var targets = new List<int>();
        var distances = new List<float>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++) { sources.Add(i); targets.Add(j); distances.Add(full[i * n + j]); }

        var options = new RipsOptions { MaxDimension = 2, Threads = 1, Threshold = 2f };
        var expected = VietorisRips.Compute(cloud, options).Barcode;
        var asList = Enumerable.Range(0, 3).Select(d => expected[d]).ToList();
        Equal(asList, VietorisRips.Compute(new DistanceMatrix(full, DistanceMatrixLayout.Full), options).Barcode);
        Equal(asList, VietorisRips.Compute(new DistanceMatrix(lower.ToArray(), DistanceMatrixLayout.LowerTriangular), options).Barcode);
        Equal(asList, VietorisRips.Compute(new DistanceMatrix(upper.ToArray(), DistanceMatrixLayout.UpperTriangular), options).Barcode);
        Equal(asList, VietorisRips.Compute(new SparseDistances(n, sources.ToArray(), targets.ToArray(), distances.ToArray()), options).Barcode);
    }
}
