using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// The k nearest other points of every point (exact, Euclidean), as row-major N x k tables sorted by
/// (distance, index): ties in distance go to the lower index.
/// </summary>
internal sealed class ExactNearestNeighbors
{
    // Below this size a k-d tree does not pay for itself; above this dimension it prunes almost nothing.
    private const int BruteForceMaxPoints = 256;
    private const int KdTreeMaxDimension = 24;

    private ExactNearestNeighbors(int k, int[] indices, double[] squaredDistances)
    {
        K = k;
        Indices = indices;
        SquaredDistances = squaredDistances;
    }

    public int K { get; }
    public int[] Indices { get; }
    public double[] SquaredDistances { get; }

    public ReadOnlySpan<int> NeighborsOf(int point) => Indices.AsSpan(point * K, K);

    /// <summary>k must lie in 1..N-1.</summary>
    public static ExactNearestNeighbors Find(PointCloud points, int k) =>
        points.Count <= BruteForceMaxPoints || points.Dimension > KdTreeMaxDimension
            ? FindByBruteForce(points, k)
            : FindWithKdTree(points, k);

    public static ExactNearestNeighbors FindWithKdTree(PointCloud points, int k)
    {
        var tree = new KdTree(points);
        return Collect(points, k, () => new double[points.Dimension],
            (i, best, offsets) => tree.Query(points.Point(i), i, best, offsets));
    }

    public static ExactNearestNeighbors FindByBruteForce(PointCloud points, int k) =>
        Collect(points, k, () => Array.Empty<double>(), (i, best, _) =>
        {
            best.Clear();
            var query = points.Point(i);
            for (int j = 0; j < points.Count; j++)
                if (j != i) best.Offer(EuclideanDistance.SquaredWithin(query, points.Point(j), best.AdmissionBound), j);
        });

    private static ExactNearestNeighbors Collect(PointCloud points, int k, Func<double[]> newScratch,
        Action<int, NeighborBuffer, double[]> query)
    {
        if (k < 1 || k >= Math.Max(points.Count, 1))
            throw new ArgumentOutOfRangeException(nameof(k), k, $"must lie in 1..{points.Count - 1}");
        var indices = new int[points.Count * k];
        var squaredDistances = new double[points.Count * k];
        Parallel.For(0, points.Count,
            () => (Best: new NeighborBuffer(k), Scratch: newScratch()),
            (i, _, local) =>
            {
                query(i, local.Best, local.Scratch);
                local.Best.CopyTo(indices.AsSpan(i * k, k), squaredDistances.AsSpan(i * k, k));
                return local;
            },
            _ => { });
        return new ExactNearestNeighbors(k, indices, squaredDistances);
    }
}
