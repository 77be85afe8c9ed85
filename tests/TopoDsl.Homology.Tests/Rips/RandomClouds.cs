using System.Globalization;
using System.Text;
using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Seeded random point clouds and their text forms in ripser's formats.</summary>
internal static class RandomClouds
{
    public static PointCloud Uniform(int seed, int count, int dimension)
    {
        var random = new Random(seed);
        var coords = new float[count * dimension];
        for (int k = 0; k < coords.Length; k++) coords[k] = (float)random.NextDouble();
        return new PointCloud(coords, dimension);
    }

    /// <summary>Noisy samples of a circle of radius 1 in the plane.</summary>
    public static PointCloud NoisyCircle(int seed, int count, double noise)
    {
        var random = new Random(seed);
        var coords = new float[2 * count];
        for (int i = 0; i < count; i++)
        {
            double angle = 2 * Math.PI * random.NextDouble();
            coords[2 * i] = (float)(Math.Cos(angle) + noise * (random.NextDouble() - 0.5));
            coords[2 * i + 1] = (float)(Math.Sin(angle) + noise * (random.NextDouble() - 0.5));
        }
        return new PointCloud(coords, 2);
    }

    public static string PointCloudText(PointCloud cloud)
    {
        var text = new StringBuilder();
        for (int i = 0; i < cloud.Count; i++)
            text.AppendLine(string.Join(" ", cloud.Point(i).ToArray().Select(x => x.ToString("R", CultureInfo.InvariantCulture))));
        return text.ToString();
    }

    public static float[] FullMatrix(PointCloud cloud) => MetricBuilder.FullMatrix(cloud, threads: 1);

    public static string LowerDistanceText(float[] full, int n)
    {
        var text = new StringBuilder();
        for (int i = 1; i < n; i++)
            text.AppendLine(string.Join(",", Enumerable.Range(0, i).Select(j => full[i * n + j].ToString("R", CultureInfo.InvariantCulture))));
        return text.ToString();
    }
}
