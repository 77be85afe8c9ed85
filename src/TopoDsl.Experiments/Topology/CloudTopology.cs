using System.Numerics.Tensors;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Experiments.Topology;

/// <summary>
/// Measures a neuron cloud's topology: persistence diagrams of its Vietoris–Rips filtration (on a farthest-point
/// sample when the cloud exceeds the budget), the Betti numbers at a scale, and the persistent Betti numbers.
/// </summary>
public sealed class CloudTopology(TopologyOptions options, int threads = 1)
{
    /// <summary>The options in force.</summary>
    public TopologyOptions Options { get; } = options;

    /// <summary>Measures the row-major H x D <paramref name="cloud"/>.</summary>
    public TopologySnapshot Measure(ReadOnlySpan<float> cloud, int dimension, int step)
    {
        int neurons = cloud.Length / dimension;
        var coordinates = Options.Coordinates == CloudCoordinates.Standardized ? Standardize(cloud, dimension) : cloud.ToArray();
        double diameter = Diameter(coordinates, dimension);
        double scale = Options.FixedScale ?? Options.ScaleFraction * diameter;
        double truncation = Math.Max(scale, Options.TruncationFraction * diameter);

        float[] measured = coordinates;
        double covering = 0;
        if (neurons > Options.MaxPoints)
        {
            var (indices, radius) = FarthestPointSampling.Sample(coordinates, dimension, Options.MaxPoints);
            measured = new float[indices.Length * dimension];
            for (int k = 0; k < indices.Length; k++)
                coordinates.AsSpan(indices[k] * dimension, dimension).CopyTo(measured.AsSpan(k * dimension));
            covering = radius;
        }
        int points = measured.Length / dimension;

        var barcode = Diagrams(measured, dimension, points, (float)truncation);
        var diagrams = new IReadOnlyList<PersistenceInterval>[Options.MaxDimension + 1];
        var betti = new int[Options.MaxDimension + 1];
        var persistent = new int[Options.MaxDimension + 1];
        double longEnough = Options.PersistentFraction * diameter;
        for (int k = 0; k <= Options.MaxDimension; k++)
        {
            var bars = k <= barcode.MaxDimension ? barcode[k] : [];
            betti[k] = bars.Count(bar => bar.IsAliveAt(scale));
            diagrams[k] = bars.Select(bar => bar with { Death = Math.Min(bar.Death, truncation) }).ToArray();
            persistent[k] = diagrams[k].Count(bar => bar.Persistence >= longEnough && longEnough > 0);
        }
        return new TopologySnapshot(step, diameter, scale, truncation, points, neurons, covering, diagrams, betti, persistent);
    }

    private Barcode Diagrams(float[] points, int dimension, int count, float truncation)
    {
        if (count < 2) return new Barcode([count == 1 ? [new PersistenceInterval(0, double.PositiveInfinity)] : []]);
        // A cloud of one point repeated has diameter 0: the threshold must still admit its zero-length edges.
        var options = new RipsOptions { MaxDimension = Options.MaxDimension, Threshold = Math.Max(truncation, 0f), Modulus = Options.Modulus, Threads = threads };
        return VietorisRips.Compute(new PointCloud(points, dimension), options).Barcode;
    }

    /// <summary>The largest distance between two rows.</summary>
    internal static double Diameter(float[] points, int dimension)
    {
        int count = points.Length / dimension;
        double largest = 0;
        for (int i = 0; i < count; i++)
        {
            var a = points.AsSpan(i * dimension, dimension);
            for (int j = i + 1; j < count; j++)
                largest = Math.Max(largest, TensorPrimitives.Distance(a, points.AsSpan(j * dimension, dimension)));
        }
        return largest;
    }

    /// <summary>Each axis minus its mean, divided by its (population) standard deviation; a constant axis is only centred.</summary>
    internal static float[] Standardize(ReadOnlySpan<float> cloud, int dimension)
    {
        int count = cloud.Length / dimension;
        var result = new float[cloud.Length];
        for (int d = 0; d < dimension; d++)
        {
            double mean = 0, squares = 0;
            for (int i = 0; i < count; i++) mean += cloud[i * dimension + d];
            mean /= count;
            for (int i = 0; i < count; i++) squares += Math.Pow(cloud[i * dimension + d] - mean, 2);
            double std = Math.Sqrt(squares / count);
            double divisor = std > 0 ? std : 1;
            for (int i = 0; i < count; i++) result[i * dimension + d] = (float)((cloud[i * dimension + d] - mean) / divisor);
        }
        return result;
    }
}
