using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// The symmetrised k-nearest-neighbour graph of a point cloud: every point is joined to its k nearest other
/// points (exact, Euclidean, ties in distance to the lower index), then orientation is dropped and duplicate
/// edges are merged, so every degree is at least k. Each edge is listed once as (lower index, higher index).
/// </summary>
public sealed class NearestNeighborGraph
{
    private NearestNeighborGraph(int vertexCount, int k, int[] sources, int[] targets, double[] lengths)
    {
        VertexCount = vertexCount;
        NeighborsPerPoint = k;
        Sources = sources;
        Targets = targets;
        Lengths = lengths;
    }

    public int VertexCount { get; }

    /// <summary>The k actually used: the requested k, capped at VertexCount - 1.</summary>
    public int NeighborsPerPoint { get; }

    public ReadOnlyMemory<int> Sources { get; }
    public ReadOnlyMemory<int> Targets { get; }

    /// <summary>Euclidean length of each edge.</summary>
    public ReadOnlyMemory<double> Lengths { get; }

    public int EdgeCount => Sources.Length;

    /// <summary>
    /// Builds the graph. k is capped at N - 1 (a complete graph). Edges longer than maxEdgeLength, when given,
    /// are left out (an edge of exactly that length is kept).
    /// </summary>
    public static NearestNeighborGraph Build(PointCloud points, int k, double? maxEdgeLength = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, $"k = {k}: need at least one neighbour per point");
        if (maxEdgeLength is double limit && (double.IsNaN(limit) || limit < 0))
            throw new ArgumentOutOfRangeException(nameof(maxEdgeLength), limit, $"the longest edge kept must be a non-negative length, not {limit}");

        int n = points.Count;
        int kUsed = Math.Min(k, Math.Max(n - 1, 0));
        if (kUsed == 0) return new NearestNeighborGraph(n, 0, [], [], []);

        var knn = ExactNearestNeighbors.Find(points, kUsed);
        var sources = new List<int>(n * kUsed);
        var targets = new List<int>(n * kUsed);
        var lengths = new List<double>(n * kUsed);
        for (int i = 0; i < n; i++)
        {
            var neighbors = knn.NeighborsOf(i);
            for (int r = 0; r < kUsed; r++)
            {
                int j = neighbors[r];
                // (i, j) with j < i was already listed from j's side when i is among j's neighbours.
                if (j < i && knn.NeighborsOf(j).Contains(i)) continue;
                double length = Math.Sqrt(knn.SquaredDistances[i * kUsed + r]);
                if (length > maxEdgeLength) continue;
                sources.Add(Math.Min(i, j));
                targets.Add(Math.Max(i, j));
                lengths.Add(length);
            }
        }
        return new NearestNeighborGraph(n, kUsed, sources.ToArray(), targets.ToArray(), lengths.ToArray());
    }
}
