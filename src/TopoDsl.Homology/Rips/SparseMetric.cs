using System.Runtime.CompilerServices;
namespace TopoDsl.Homology.Rips;

/// <summary>
/// Neighbour lists (compressed rows, each sorted by vertex) of the edges within the threshold. Cofacets of a
/// simplex are the common neighbours of its vertices, found by walking all its vertices' lists downwards.
/// </summary>
internal readonly struct SparseMetric(int[] offsets, int[] neighbours, float[] distances) : IRipsMetric<SparseCofacetCursor>
{
    public readonly int[] Offsets = offsets;
    public readonly int[] Neighbours = neighbours;
    public readonly float[] Distances = distances;

    public int VertexCount => Offsets.Length - 1;

    public long EdgeCount => Neighbours.LongLength / 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Distance(int i, int j)
    {
        int lo = Offsets[i], hi = Offsets[i + 1] - 1;
        var neighbours = Neighbours;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int v = neighbours[mid];
            if (v == j) return Distances[mid];
            if (v < j) lo = mid + 1;
            else hi = mid - 1;
        }
        return float.PositiveInfinity;
    }

    public SparseCofacetCursor CreateCursor(BinomialTable binomials, int maxDimension) =>
        new(this, binomials, maxDimension);
}

internal struct SparseCofacetCursor : ICofacetCursor
{
    private readonly SparseMetric _metric;
    private readonly BinomialTable _binomials;
    private readonly int[] _vertices; // descending
    private readonly int[] _cursor;   // per vertex: position in its neighbour list, walking down
    private readonly int[] _start;    // per vertex: first position of its neighbour list
    private int _dimension;
    private CofacetIndex _index;
    private int _nextVertexSlot;
    private float _diameter;
    private bool _aboveTopOnly;

    public SparseCofacetCursor(SparseMetric metric, BinomialTable binomials, int maxDimension)
    {
        _metric = metric;
        _binomials = binomials;
        _vertices = new int[maxDimension + 2];
        _cursor = new int[maxDimension + 2];
        _start = new int[maxDimension + 2];
    }

    public long Index { get; private set; }
    public float Diameter { get; private set; }
    public int Position { get; private set; }
    public int NewVertex { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Start(long index, float diameter, int dimension, bool aboveTopVertexOnly)
    {
        _binomials.Vertices(index, dimension, _vertices);
        Begin(index, diameter, dimension, aboveTopVertexOnly);
    }

    public void Start(long index, float diameter, ReadOnlySpan<int> descendingVertices, bool aboveTopVertexOnly)
    {
        descendingVertices.CopyTo(_vertices);
        Begin(index, diameter, descendingVertices.Length - 1, aboveTopVertexOnly);
    }

    private void Begin(long index, float diameter, int dimension, bool aboveTopVertexOnly)
    {
        _dimension = dimension;
        var offsets = _metric.Offsets;
        for (int r = 0; r <= dimension; r++)
        {
            _start[r] = offsets[_vertices[r]];
            _cursor[r] = offsets[_vertices[r] + 1] - 1;
        }
        _index.Reset(index, dimension);
        _nextVertexSlot = 0;
        _diameter = diameter;
        _aboveTopOnly = aboveTopVertexOnly;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext(float maxDiameter)
    {
        var neighbours = _metric.Neighbours;
        var distances = _metric.Distances;
        while (_cursor[0] >= _start[0])
        {
            int at = _cursor[0]--;
            int w = neighbours[at];
            if (_aboveTopOnly && w < _vertices[0]) return false;
            float diameter = Math.Max(_diameter, distances[at]);
            bool common = true;
            for (int r = 1; r <= _dimension; r++)
            {
                int c = _cursor[r];
                int start = _start[r];
                while (c >= start && neighbours[c] > w) c--;
                _cursor[r] = c;
                if (c < start) { _cursor[0] = _start[0] - 1; return false; } // a list ran out: no more common neighbours
                if (neighbours[c] != w) { common = false; break; }
                diameter = Math.Max(diameter, distances[c]);
            }
            if (!common || diameter > maxDiameter) continue;

            while (_nextVertexSlot <= _dimension && _vertices[_nextVertexSlot] > w)
                _index.Pass(_vertices[_nextVertexSlot++], _binomials);
            Diameter = diameter;
            Index = _index.With(w, _binomials);
            Position = _index.Position;
            NewVertex = w;
            return true;
        }
        return false;
    }
}
