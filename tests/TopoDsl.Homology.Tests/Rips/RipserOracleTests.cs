using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>TopoDsl's barcodes equal Debian ripser's as multisets (rtol 1e-5) on random clouds in every format.</summary>
public class RipserOracleTests
{
    [RipserFact]
    public void Random_clouds_at_the_enclosing_radius()
    {
        foreach (var (seed, count, dimension, maxDim) in new[] { (1, 60, 3, 2), (2, 40, 5, 3), (3, 90, 2, 2), (4, 30, 8, 4) })
        {
            var cloud = RandomClouds.Uniform(seed, count, dimension);
            var expected = RipserOracle.Run(RandomClouds.PointCloudText(cloud), "point-cloud", maxDim);
            var actual = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = maxDim, Threads = 1 });
            BarcodeAssert.Equal(expected, actual.Barcode, context: $"seed {seed}");
        }
    }

    [RipserFact]
    public void Random_clouds_with_a_threshold_use_sparse_neighbour_lists()
    {
        foreach (var (seed, threshold) in new[] { (5, 0.35f), (6, 0.5f), (7, 0.7f) })
        {
            var cloud = RandomClouds.Uniform(seed, 120, 3);
            var expected = RipserOracle.Run(RandomClouds.PointCloudText(cloud), "point-cloud", 2, threshold);
            var actual = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 2, Threshold = threshold, Threads = 2 });
            BarcodeAssert.Equal(expected, actual.Barcode, context: $"seed {seed} t {threshold}");
        }
    }

    [RipserFact]
    public void Lower_distance_matrices_and_sparse_edge_lists()
    {
        var cloud = RandomClouds.NoisyCircle(8, 80, 0.3);
        var full = RandomClouds.FullMatrix(cloud);
        var expected = RipserOracle.Run(RandomClouds.LowerDistanceText(full, cloud.Count), "lower-distance", 2);
        var fromMatrix = VietorisRips.Compute(new DistanceMatrix(full, DistanceMatrixLayout.Full),
            new RipsOptions { MaxDimension = 2, Threads = 1 });
        BarcodeAssert.Equal(expected, fromMatrix.Barcode, context: "full matrix");

        var edges = new System.Text.StringBuilder();
        var sources = new List<int>();
        var targets = new List<int>();
        var distances = new List<float>();
        for (int i = 0; i < cloud.Count; i++)
            for (int j = 0; j < i; j++)
                if (full[i * cloud.Count + j] <= 0.6f)
                {
                    edges.AppendLine($"{i} {j} {full[i * cloud.Count + j]:R}");
                    sources.Add(i);
                    targets.Add(j);
                    distances.Add(full[i * cloud.Count + j]);
                }
        var sparseExpected = RipserOracle.Run(edges.ToString(), "sparse", 2);
        var sparse = VietorisRips.Compute(new SparseDistances(cloud.Count, sources.ToArray(), targets.ToArray(), distances.ToArray()),
            new RipsOptions { MaxDimension = 2, Threads = 1 });
        BarcodeAssert.Equal(sparseExpected, sparse.Barcode, context: "sparse");
    }

    [RipserCoeffFact]
    public void Coefficients_in_Z3_agree_with_ripser_coeff()
    {
        foreach (var seed in new[] { 9, 10 })
        {
            var cloud = RandomClouds.Uniform(seed, 50, 4);
            var expected = RipserOracle.Run(RandomClouds.PointCloudText(cloud), "point-cloud", 3, modulus: 3);
            var actual = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 3, Modulus = 3, Threads = 1 });
            BarcodeAssert.Equal(expected, actual.Barcode, context: $"Z/3 seed {seed}");
        }
    }

    [RipserCoeffFact]
    public void Projective_plane_sample_differs_between_Z2_and_Z3_as_ripser_says()
    {
        // Antipodal points of a sphere identified: a sample of RP^2 as a metric space (min of the two distances).
        var random = new Random(11);
        int n = 70;
        var points = new double[n][];
        for (int i = 0; i < n; i++)
        {
            double x = random.NextDouble() * 2 - 1, y = random.NextDouble() * 2 - 1, z = random.NextDouble() * 2 - 1;
            double r = Math.Sqrt(x * x + y * y + z * z);
            points[i] = [x / r, y / r, z / r];
        }
        var full = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                if (i == j) continue;
                double plus = 0, minus = 0;
                for (int k = 0; k < 3; k++)
                {
                    plus += Math.Pow(points[i][k] - points[j][k], 2);
                    minus += Math.Pow(points[i][k] + points[j][k], 2);
                }
                full[i * n + j] = (float)Math.Sqrt(Math.Min(plus, minus));
            }
        string text = RandomClouds.LowerDistanceText(full, n);
        foreach (int modulus in new[] { 2, 3 })
        {
            var expected = modulus == 2
                ? RipserOracle.Run(text, "lower-distance", 2)
                : RipserOracle.Run(text, "lower-distance", 2, modulus: 3);
            var actual = VietorisRips.Compute(new DistanceMatrix(full, DistanceMatrixLayout.Full),
                new RipsOptions { MaxDimension = 2, Modulus = modulus, Threads = 1 });
            BarcodeAssert.Equal(expected, actual.Barcode, context: $"RP2 Z/{modulus}");
        }
    }
}
