namespace TopoDsl.Experiments.Tests;

/// <summary>Random clouds for property tests: half of them on a coarse lattice, where points repeat and distances tie.</summary>
internal static class RandomClouds
{
    /// <summary><paramref name="count"/> points of <paramref name="dimension"/> coordinates, row-major.</summary>
    public static float[] RowMajor(Random random, int count, int dimension)
    {
        bool lattice = random.Next(2) == 0;
        var points = new float[count * dimension];
        for (int k = 0; k < points.Length; k++) points[k] = lattice ? random.Next(0, 4) * 0.3f : (float)random.NextDouble();
        return points;
    }
}
