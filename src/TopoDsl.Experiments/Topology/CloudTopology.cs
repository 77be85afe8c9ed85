using System.Numerics.Tensors;
using TopoDsl.Experiments.Clouds;
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
        var axes = CloudAxes.FromRows(coordinates, dimension);
        double diameter = Diameter(axes);
        double scale = Options.FixedScale ?? Options.ScaleFraction * diameter;
        double truncation = Math.Max(scale, Options.TruncationFraction * diameter);

        float[] measured = coordinates;
        double covering = 0;
        if (neurons > Options.MaxPoints)
        {
            var (indices, radius) = FarthestPointSampling.Sample(axes, Options.MaxPoints);
            measured = new float[indices.Length * dimension];
            for (int k = 0; k < indices.Length; k++)
                coordinates.AsSpan(indices[k] * dimension, dimension).CopyTo(measured.AsSpan(k * dimension));
            covering = radius;
        }
        int points = measured.Length / dimension;

        // A subset of R^D has no homology in dimension D or above: such bars of its Rips filtration are artifacts of the
        // filtration, so a planar cloud is computed up to H1 only (and reports no H2), which also spares the costliest part.
        var barcode = Diagrams(measured, dimension, points, (float)truncation, Math.Min(Options.MaxDimension, dimension - 1));
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

    private Barcode Diagrams(float[] points, int dimension, int count, float truncation, int maxDimension)
    {
        if (count < 2) return new Barcode([count == 1 ? [new PersistenceInterval(0, double.PositiveInfinity)] : []]);
        // A cloud of one point repeated has diameter 0: the threshold must still admit its zero-length edges.
        // A budget-sized cloud is too small for the engine's threads to pay: on farthest-point samples of the quick
        // FigureEight's last cloud (standardised, cut at 0.25 x the diameter, best of ten Measure calls) two threads
        // took longer than one at 256 and 512 points (17 against 26 ms, 72 against 86 ms) and saved 5 % at 1024.
        // That was before edge collapse, which now leaves the reduction a few hundred edges: the distances and the
        // collapse, both serial, are most of what remains (about 2 and 4 ms of 5 ms at 256 points).
        int ripsThreads = count <= SerialRipsPoints ? 1 : threads;
        var options = new RipsOptions
        {
            MaxDimension = Math.Max(0, maxDimension), Threshold = Math.Max(truncation, 0f), Modulus = Options.Modulus, Threads = ripsThreads,
            CollapseEdges = true,
        };
        return VietorisRips.Compute(new PointCloud(points, dimension), options).Barcode;
    }

    private const int SerialRipsPoints = 1024;

    /// <summary>The largest distance between two points of a cloud stored by axis, a SIMD vector of points at a time.</summary>
    internal static double Diameter(float[][] axes)
    {
        int count = axes[0].Length;
        int width = System.Numerics.Vector<float>.Count;
        var largest = System.Numerics.Vector<float>.Zero;
        float tail = 0;
        for (int i = 0; i < count; i++)
        {
            int j = i + 1;
            for (; j + width <= count; j += width)
            {
                var sum = System.Numerics.Vector<float>.Zero;
                foreach (var axis in axes)
                {
                    var difference = new System.Numerics.Vector<float>(axis, j) - new System.Numerics.Vector<float>(axis[i]);
                    sum += difference * difference;
                }
                largest = System.Numerics.Vector.Max(largest, sum);
            }
            for (; j < count; j++)
            {
                float sum = 0;
                foreach (var axis in axes) sum += (axis[j] - axis[i]) * (axis[j] - axis[i]);
                tail = Math.Max(tail, sum);
            }
        }
        for (int lane = 0; lane < width; lane++) tail = Math.Max(tail, largest[lane]);
        return Math.Sqrt(tail);
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
