namespace TopoDsl.Experiments.Topology;

/// <summary>
/// Greedy farthest-point (max–min) sampling: starts from the first point and repeatedly adds the point farthest from
/// those already taken. The sample is a 2r-net of the cloud with r the last covering radius, so its persistence
/// diagrams are within r (bottleneck) of the full cloud's.
/// </summary>
public static class FarthestPointSampling
{
    /// <summary>The indices of <paramref name="count"/> points of the row-major <paramref name="points"/> (D per row), in the order taken, and the covering radius.</summary>
    public static (int[] Indices, double CoveringRadius) Sample(ReadOnlySpan<float> points, int dimension, int count)
    {
        int total = points.Length / dimension;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var taken = new int[count];
        var nearest = new double[total];
        Array.Fill(nearest, double.PositiveInfinity);
        int next = 0;
        for (int k = 0; k < count; k++)
        {
            taken[k] = next;
            var chosen = points.Slice(next * dimension, dimension);
            int farthest = 0;
            double farthestDistance = -1;
            for (int i = 0; i < total; i++)
            {
                double sum = 0;
                var point = points.Slice(i * dimension, dimension);
                for (int d = 0; d < dimension; d++)
                {
                    double difference = point[d] - chosen[d];
                    sum += difference * difference;
                }
                if (sum < nearest[i]) nearest[i] = sum;
                if (nearest[i] > farthestDistance) (farthest, farthestDistance) = (i, nearest[i]);
            }
            next = farthest;
        }
        double radius = 0;
        foreach (double d in nearest) radius = Math.Max(radius, d);
        return (taken, Math.Sqrt(radius));
    }
}
