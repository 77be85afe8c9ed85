using System.Runtime.CompilerServices;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// Vietoris–Rips persistence by persistent cohomology with clearing, implicit coboundaries, apparent and
/// emergent pairs (the design of Bauer's Ripser). Generic over the metric so that the dense and sparse
/// cofacet walks are compiled into the loops rather than called through an interface.
/// </summary>
internal sealed partial class RipsEngine<TMetric, TCursor>
    where TMetric : struct, IRipsMetric<TCursor>
    where TCursor : struct, ICofacetCursor
{
    private readonly TMetric _metric;
    private readonly BinomialTable _binomials;
    private readonly int _maxDimension;
    private readonly float _threshold;
    private readonly Field _field;
    private readonly int _threads;
    private readonly bool _wantCocycles;
    private readonly IProgress<RipsProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly List<PersistenceInterval>[] _bars;
    private readonly List<Cocycle> _cocycles = [];

    public RipsEngine(TMetric metric, int maxDimension, float threshold, int modulus, int threads, bool wantCocycles,
        IProgress<RipsProgress>? progress, CancellationToken cancellation)
    {
        _metric = metric;
        _maxDimension = maxDimension;
        _threshold = threshold;
        _field = new Field(modulus);
        _threads = Math.Max(1, threads);
        _wantCocycles = wantCocycles;
        _progress = progress;
        _cancellation = cancellation;
        _binomials = new BinomialTable(metric.VertexCount, maxDimension + 2, ColumnHeap.MaxIndex(modulus));
        _bars = new List<PersistenceInterval>[maxDimension + 1];
        for (int d = 0; d <= maxDimension; d++) _bars[d] = [];
    }

    public (Barcode Barcode, IReadOnlyList<Cocycle> Cocycles) Run(Simplex[] edges)
    {
        var columns = ComputeDimension0(edges);
        var simplices = edges;
        if (_maxDimension == 1)
        {
            long freed = (long)Unsafe.SizeOf<Simplex>() * edges.Length;
            edges = simplices = null!; // no further dimension needs them
            ReturnFreedMemory(freed);
        }
        for (int dimension = 1; dimension <= _maxDimension; dimension++)
        {
            var pivots = new PivotMap(columns.Length);
            Report(dimension, "reducing", columns.Length);
            Reduce(columns, pivots, dimension);
            if (dimension == _maxDimension) break;
            Report(dimension + 1, "assembling", simplices.Length);
            long freed = (long)Unsafe.SizeOf<Simplex>() * (columns.Length + simplices.Length);
            (columns, simplices) = AssembleColumns(simplices, pivots, dimension + 1);
            edges = null!;
            ReturnFreedMemory(freed);
        }
        return (new Barcode(_bars), _cocycles);
    }

    /// <summary>
    /// Hands the memory of arrays that just died back to the system before the reduction starts. Its heaps live
    /// outside the garbage-collected heap and cannot reuse that memory, so without this the peak would hold both.
    /// Small runs skip it: a full collection (about a millisecond) is not worth a few kilobytes.
    /// </summary>
    private static void ReturnFreedMemory(long freedBytes)
    {
        if (freedBytes >= 256 << 10) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private void Report(int dimension, string stage, long work) =>
        _progress?.Report(new RipsProgress(dimension, stage, work));

    /// <summary>H0 by union–find over the edges in filtration order; returns the H1 columns to reduce.</summary>
    /// <remarks>
    /// Cycle-closing edges are marked in a byte per edge and counted before the columns are allocated, so no
    /// list grows and copies: on a dense cloud the edges are most of the memory a run needs.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Simplex[] ComputeDimension0(Simplex[] edges)
    {
        Report(0, "sorting edges", edges.Length);
        edges.AsSpan().Sort(new FiltrationOrder());
        var components = new DisjointSets(_metric.VertexCount);
        var isColumn = _maxDimension > 0 ? new bool[edges.Length] : null;
        var bars = _bars[0];
        for (int k = 0; k < edges.Length; k++)
        {
            var edge = edges[k];
            int u = _binomials.MaxVertex(edge.Index, 2, _metric.VertexCount - 1);
            int v = (int)(edge.Index - _binomials[u, 2]);
            int ru = components.Find(u), rv = components.Find(v);
            if (ru != rv)
            {
                components.Link(ru, rv);
                if (edge.Diameter > 0) bars.Add(new PersistenceInterval(0, edge.Diameter));
            }
            else if (isColumn is not null)
            {
                isColumn[k] = true;
            }
        }
        for (int i = 0; i < _metric.VertexCount; i++)
            if (components.Find(i) == i) bars.Add(new PersistenceInterval(0, double.PositiveInfinity));

        if (isColumn is null) return [];
        // Edges that close a cycle and are not the lower half of an apparent pair, in reduction order.
        var counts = ParallelChunks(edges.Length, (from, to) =>
        {
            var apparent = new ApparentPairs(this);
            int count = 0;
            for (int k = from; k < to; k++)
            {
                if (isColumn[k] && apparent.HasZeroApparentCofacet(edges[k], 1)) isColumn[k] = false;
                if (isColumn[k]) count++;
            }
            return count;
        });
        var columns = new Simplex[counts.Sum()];
        int at = 0;
        for (int k = edges.Length - 1; k >= 0; k--)
            if (isColumn[k]) columns[at++] = edges[k];
        return columns;
    }
}

/// <summary>Progress of a Rips computation: the dimension, the stage, and how many items that stage handles.</summary>
public readonly record struct RipsProgress(int Dimension, string Stage, long Items);
