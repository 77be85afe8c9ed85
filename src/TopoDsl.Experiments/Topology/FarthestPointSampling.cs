using System.Numerics;
using TopoDsl.Experiments.Clouds;

namespace TopoDsl.Experiments.Topology;

/// <summary>
/// Greedy farthest-point (max–min) sampling: starts from the first point and repeatedly adds the point farthest from
/// those already taken. The sample is a 2r-net of the cloud with r the last covering radius, so its persistence
/// diagrams are within r (bottleneck) of the full cloud's.
/// </summary>
public static class FarthestPointSampling
{
    /// <summary>The indices of <paramref name="count"/> points of the row-major <paramref name="points"/> (D per row), in the order taken, and the covering radius.</summary>
    public static (int[] Indices, double CoveringRadius) Sample(ReadOnlySpan<float> points, int dimension, int count) =>
        Sample(CloudAxes.FromRows(points, dimension), count);

    /// <summary>The same for a cloud stored one array per axis.</summary>
    internal static (int[] Indices, double CoveringRadius) Sample(float[][] axes, int count)
    {
        int total = axes[0].Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var taken = new int[count];
        var nearest = new double[total];
        Array.Fill(nearest, double.PositiveInfinity);
        int next = 0;
        double farthestDistance = 0;
        for (int k = 0; k < count; k++)
        {
            taken[k] = next;
            farthestDistance = UpdateNearest(axes, next, nearest);
            // The first point at that distance; compared as bits, which a vector compares many at a time (the
            // distances are sums of squares: never NaN, never -0).
            if (k + 1 < count)
                next = System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(nearest).IndexOf(BitConverter.DoubleToInt64Bits(farthestDistance));
        }
        return (taken, Math.Sqrt(Math.Max(0, farthestDistance)));
    }

    /// <summary>
    /// Lowers each point's squared distance to the sample by its distance to <paramref name="chosen"/>, a vector of points
    /// at a time, and returns the largest. Each difference is taken in float32 and squared and summed in double, axis by
    /// axis, so every lane computes what a loop over the points would.
    /// </summary>
    private static double UpdateNearest(float[][] axes, int chosen, double[] nearest)
    {
        int total = nearest.Length, width = Vector<float>.Count, i = 0;
        var largest = new Vector<double>(double.NegativeInfinity);
        for (; i + width <= total; i += width)
        {
            var low = Vector<double>.Zero;
            var high = Vector<double>.Zero;
            foreach (var axis in axes)
            {
                Vector.Widen(new Vector<float>(axis, i) - new Vector<float>(axis[chosen]), out var differenceLow, out var differenceHigh);
                low += differenceLow * differenceLow;
                high += differenceHigh * differenceHigh;
            }
            largest = Vector.Max(largest, Lower(nearest, i, low));
            largest = Vector.Max(largest, Lower(nearest, i + width / 2, high));
        }
        double result = double.NegativeInfinity;
        for (int lane = 0; lane < Vector<double>.Count; lane++) result = Math.Max(result, largest[lane]);
        for (; i < total; i++)
        {
            double sum = 0;
            foreach (var axis in axes)
            {
                double difference = axis[i] - axis[chosen];
                sum += difference * difference;
            }
            if (sum < nearest[i]) nearest[i] = sum;
            result = Math.Max(result, nearest[i]);
        }
        return result;
    }

    private static Vector<double> Lower(double[] nearest, int at, Vector<double> distance)
    {
        var current = new Vector<double>(nearest, at);
        var lowered = Vector.ConditionalSelect(Vector.LessThan(distance, current), distance, current);
        lowered.CopyTo(nearest, at);
        return lowered;
    }
}
