using System.Runtime.CompilerServices;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// A k-d tree over a point cloud for exact k-nearest-neighbour queries. Cells split at the median of their
/// widest coordinate; a query descends the near side first and visits a far cell unless its box distance
/// already exceeds the k-th best distance (Arya–Mount incremental box distance).
/// </summary>
internal sealed class KdTree
{
    private const int LeafSize = 12;

    // The box distance is summed differently from a point distance; this slack keeps pruning conservative so the
    // result is exactly the brute-force one, never missing a point at (nearly) the k-th distance.
    private const double PruneSlack = 1 - 1e-9;

    private readonly int _dimension;
    private readonly float[] _coordinates; // point coordinates in tree order
    private readonly int[] _pointIndex;    // tree order -> original index
    private readonly List<Node> _nodes = new();

    private readonly record struct Node(int Start, int End, int Axis, float Split, int Left, int Right)
    {
        public bool IsLeaf => Axis < 0;
    }

    public KdTree(PointCloud points)
    {
        _dimension = points.Dimension;
        _pointIndex = Enumerable.Range(0, points.Count).ToArray();
        var sortKeys = new float[points.Count];
        if (points.Count > 0) BuildNode(points, 0, points.Count, sortKeys);

        _coordinates = new float[points.Count * _dimension];
        for (int t = 0; t < points.Count; t++)
            points.Point(_pointIndex[t]).CopyTo(_coordinates.AsSpan(t * _dimension, _dimension));
    }

    /// <summary>The original index of the point at position t of the tree order.</summary>
    public int IndexAt(int t) => _pointIndex[t];

    /// <summary>The coordinates of the point at position t of the tree order.</summary>
    public ReadOnlySpan<float> PointAt(int t) => _coordinates.AsSpan(t * _dimension, _dimension);

    /// <summary>Fills best with the k nearest points to point `self` (itself excluded), by (distance, index).</summary>
    public void Query(ReadOnlySpan<float> query, int self, NeighborBuffer best, double[] axisOffsets)
    {
        best.Clear();
        if (_nodes.Count == 0) return;
        Array.Clear(axisOffsets);
        Search(0, 0.0, query, self, best, axisOffsets);
    }

    // Hot paths of a typically one-off computation: skip tiered JIT so the first run is already optimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(int nodeId, double boxDistance, ReadOnlySpan<float> query, int self, NeighborBuffer best,
        double[] axisOffsets)
    {
        var node = _nodes[nodeId];
        if (node.IsLeaf)
        {
            for (int t = node.Start; t < node.End; t++)
            {
                int index = _pointIndex[t];
                if (index == self) continue;
                var point = _coordinates.AsSpan(t * _dimension, _dimension);
                best.Offer(EuclideanDistance.SquaredWithin(query, point, best.AdmissionBound), index);
            }
            return;
        }

        double diff = (double)query[node.Axis] - node.Split;
        int near = diff <= 0 ? node.Left : node.Right;
        int far = diff <= 0 ? node.Right : node.Left;
        Search(near, boxDistance, query, self, best, axisOffsets);

        double oldOffset = axisOffsets[node.Axis];
        double farDistance = boxDistance + (diff * diff - oldOffset * oldOffset);
        if (best.IsFull && farDistance * PruneSlack > best.WorstSquaredDistance) return;
        axisOffsets[node.Axis] = diff;
        Search(far, farDistance, query, self, best, axisOffsets);
        axisOffsets[node.Axis] = oldOffset;
    }

    private int BuildNode(PointCloud points, int start, int end, float[] sortKeys)
    {
        int id = _nodes.Count;
        _nodes.Add(default);
        int axis = WidestAxis(points, start, end, out float spread);
        if (end - start <= LeafSize || spread == 0) // all-equal points cannot be split further
        {
            _nodes[id] = new Node(start, end, -1, 0, -1, -1);
            return id;
        }

        // Sorting the cell by the split coordinate (rather than selecting the median) costs an extra log factor
        // but keeps the build simple and deterministic; it is a small part of the total time.
        for (int t = start; t < end; t++) sortKeys[t] = points.Point(_pointIndex[t])[axis];
        sortKeys.AsSpan(start, end - start).Sort(_pointIndex.AsSpan(start, end - start));
        int mid = start + (end - start) / 2;
        float split = sortKeys[mid];
        // Left holds coordinates <= split and right >= split: both box bounds below rely on it.
        int left = BuildNode(points, start, mid, sortKeys);
        int right = BuildNode(points, mid, end, sortKeys);
        _nodes[id] = new Node(start, end, axis, split, left, right);
        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int WidestAxis(PointCloud points, int start, int end, out float spread)
    {
        int best = 0;
        spread = -1;
        for (int axis = 0; axis < _dimension; axis++)
        {
            float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
            for (int t = start; t < end; t++)
            {
                float x = points.Point(_pointIndex[t])[axis];
                if (x < lo) lo = x;
                if (x > hi) hi = x;
            }
            if (hi - lo > spread)
            {
                spread = hi - lo;
                best = axis;
            }
        }
        return best;
    }
}
