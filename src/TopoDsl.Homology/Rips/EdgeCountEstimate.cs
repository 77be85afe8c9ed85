using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Rips;

/// <summary>Writes the distances from vertex <paramref name="row"/> to every vertex into <paramref name="distances"/>.</summary>
internal delegate void DistanceRow(int row, Span<float> distances);

/// <summary>
/// How many edges a run will build, estimated from the distances of a few sampled rows before any n x n
/// structure exists. Exact when every row is sampled (small inputs).
/// </summary>
internal static class EdgeCountEstimate
{
    private const int SampledRows = 64;
    private const int ClimbNeighbours = 16;
    private const int ClimbSteps = 16;

    public static DistanceRow Rows(PointCloud points) => (i, distances) =>
    {
        for (int j = 0; j < distances.Length; j++) distances[j] = points.Distance(i, j);
    };

    public static DistanceRow Rows(DistanceMatrix matrix) => (i, distances) =>
    {
        for (int j = 0; j < distances.Length; j++) distances[j] = i == j ? 0 : matrix[i, j];
    };

    /// <summary>Pairs with d(i, j) &lt;= <paramref name="threshold"/>.</summary>
    public static double WithinThreshold(int n, DistanceRow row, float threshold) =>
        Extrapolate(n, SampleRows(n), row, threshold);

    /// <summary>
    /// Pairs within the enclosing radius min_i max_j d(i, j). The radius is bounded from above by the smallest
    /// eccentricity found, so a sampled estimate errs towards more edges, never fewer.
    /// </summary>
    public static double WithinEnclosingRadius(int n, DistanceRow row)
    {
        var rows = SampleRows(n);
        return Extrapolate(n, rows, row, SmallestEccentricity(n, rows, row));
    }

    /// <summary>
    /// The smallest eccentricity of the sampled rows, then improved by walking to a more central neighbour while
    /// one exists: random rows alone overshoot the radius, and the edge count grows fast with it.
    /// </summary>
    private static float SmallestEccentricity(int n, int[] rows, DistanceRow row)
    {
        var distances = new float[n];
        int best = rows[0];
        float radius = float.PositiveInfinity;
        foreach (int i in rows) Improve(i, ref best, ref radius, row, distances);
        if (rows.Length == n) return radius;
        for (int step = 0; step < ClimbSteps; step++)
        {
            int from = best;
            foreach (int i in Nearest(from, row, distances)) Improve(i, ref best, ref radius, row, distances);
            if (best == from) break;
        }
        return radius;
    }

    private static void Improve(int i, ref int best, ref float radius, DistanceRow row, float[] distances)
    {
        row(i, distances);
        float eccentricity = 0;
        foreach (float d in distances) eccentricity = Math.Max(eccentricity, d);
        if (eccentricity < radius) (best, radius) = (i, eccentricity);
    }

    private static int[] Nearest(int from, DistanceRow row, float[] distances)
    {
        row(from, distances);
        var vertices = Enumerable.Range(0, distances.Length).ToArray();
        Array.Sort(distances, vertices);
        return vertices.AsSpan(1, Math.Min(ClimbNeighbours, vertices.Length - 1)).ToArray();
    }

    private static double Extrapolate(int n, int[] rows, DistanceRow row, float threshold)
    {
        if (n < 2) return 0;
        var distances = new float[n];
        long within = 0;
        foreach (int i in rows)
        {
            row(i, distances);
            foreach (float d in distances)
                if (d <= threshold) within++;
            within--; // d(i, i) = 0
        }
        double pairs = (double)n * (n - 1) / 2;
        return Math.Ceiling(pairs * within / ((double)rows.Length * (n - 1)));
    }

    private static int[] SampleRows(int n)
    {
        if (n <= SampledRows) return Enumerable.Range(0, n).ToArray();
        var random = new Random(12345);
        var rows = new int[SampledRows];
        for (int s = 0; s < rows.Length; s++) rows[s] = random.Next(n);
        return rows;
    }
}
