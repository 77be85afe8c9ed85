using FsCheck.Xunit;
using TopoDsl.Experiments.Topology;

namespace TopoDsl.Experiments.Tests;

/// <summary>The vectorised sampling takes the points, in the order, and reports the radius that the plain greedy loop does.</summary>
public class FarthestPointSamplingTests
{
    [Property(MaxTest = 300)]
    public void Sampling_matches_the_plain_greedy_loop(int seed)
    {
        var random = new Random(seed);
        int dimension = random.Next(1, 6), total = random.Next(1, 90), count = random.Next(1, total + 1);
        var points = RandomClouds.RowMajor(random, total, dimension);

        var (indices, radius) = FarthestPointSampling.Sample(points, dimension, count);
        var (expectedIndices, expectedRadius) = Greedy(points, dimension, count);

        Assert.Equal(expectedIndices, indices);
        Assert.Equal(expectedRadius, radius);
    }

    [Fact]
    public void From_the_centre_the_corners_are_taken_in_index_order()
    {
        // Every corner is 0.707 from the centre, and the later ones tie again: ties go to the lower index.
        float[] points = [0.5f, 0.5f, 0, 0, 1, 1, 0, 1, 1, 0];

        var (indices, radius) = FarthestPointSampling.Sample(points, 2, 4);

        Assert.Equal([0, 1, 2, 3], indices);
        Assert.Equal(Math.Sqrt(0.5), radius, 1e-7); // (1, 0), left out, is 0.707 from the centre
    }

    /// <summary>Max-min sampling as written down: start at point 0, take the first point farthest from those taken.</summary>
    private static (int[], double) Greedy(float[] points, int dimension, int count)
    {
        int total = points.Length / dimension;
        var nearest = Enumerable.Repeat(double.PositiveInfinity, total).ToArray();
        var taken = new int[count];
        int next = 0;
        for (int k = 0; k < count; k++)
        {
            taken[k] = next;
            for (int i = 0; i < total; i++)
            {
                double sum = 0;
                for (int d = 0; d < dimension; d++)
                {
                    double difference = points[i * dimension + d] - points[next * dimension + d];
                    sum += difference * difference;
                }
                nearest[i] = Math.Min(nearest[i], sum);
            }
            next = Array.IndexOf(nearest, nearest.Max());
        }
        return (taken, Math.Sqrt(nearest.Max()));
    }
}
