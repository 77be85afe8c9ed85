namespace TopoDsl.Landscape.Geometry;

/// <summary>Points of a path in parameter space: the distance between two and the point a fraction of the way between them.</summary>
internal static class Polyline
{
    public static double Distance(double[] a, double[] b)
    {
        double sum = 0;
        for (int k = 0; k < a.Length; k++) sum += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.Sqrt(sum);
    }

    /// <summary>(1 - t) a + t b, written into <paramref name="into"/>.</summary>
    public static void Interpolate(double[] a, double[] b, double t, double[] into)
    {
        for (int k = 0; k < a.Length; k++) into[k] = (1 - t) * a[k] + t * b[k];
    }
}
