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
        // Queries run in tree order: consecutive queries are neighbours in space and walk the same cells.
        return Collect(points, k, () => new double[points.Dimension],
            (t, best, offsets) => tree.Query(tree.PointAt(t), tree.IndexAt(t), best, offsets), tree.IndexAt);
    }

    public static ExactNearestNeighbors FindByBruteForce(PointCloud points, int k) =>
        Collect(points, k, () => Array.Empty<double>(), (i, best, _) =>
        {
            best.Clear();
            var all = points.Coordinates.Span;
            int d = points.Dimension;
            var query = all.Slice(i * d, d);
            for (int j = 0; j < points.Count; j++)
                if (j != i) best.Offer(EuclideanDistance.SquaredWithin(query, all.Slice(j * d, d), best.AdmissionBound), j);
        });

    /// <summary>Runs query number q (0..N-1) for point pointOf(q), in parallel, and tabulates the results.</summary>
    private static ExactNearestNeighbors Collect(PointCloud points, int k, Func<double[]> newScratch,
        Action<int, NeighborBuffer, double[]> query, Func<int, int>? pointOf = null)
    {
        if (k < 1 || k >= Math.Max(points.Count, 1))
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k} neighbours per point must lie in 1..{points.Count - 1} for {points.Count} points");
        var indices = new int[points.Count * k];
        var squaredDistances = new double[points.Count * k];
        Parallel.For(0, points.Count,
            () => (Best: new NeighborBuffer(k), Scratch: newScratch()),
            (q, _, local) =>
            {
                int i = pointOf?.Invoke(q) ?? q;
                query(q, local.Best, local.Scratch);
                local.Best.CopyTo(indices.AsSpan(i * k, k), squaredDistances.AsSpan(i * k, k));
                return local;
            },
            _ => { });
        return new ExactNearestNeighbors(k, indices, squaredDistances);
    }
}
