using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// A full n x n distance matrix. Rows are contiguous, so testing a candidate vertex against the simplex's
/// vertices reads each vertex's row sequentially as the candidate descends.
/// </summary>
internal readonly unsafe struct DenseMetric(float* data, int n) : IRipsMetric<DenseCofacetCursor>
{
    public readonly float* Data = data;
    public int VertexCount { get; } = n;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Distance(int i, int j) => Data[(long)i * VertexCount + j];

    public DenseCofacetCursor CreateCursor(BinomialTable binomials, int maxDimension) =>
        new(this, binomials, maxDimension);
}

internal unsafe struct DenseCofacetCursor : ICofacetCursor
{
    private readonly DenseMetric _metric;
    private readonly BinomialTable _binomials;
    private readonly int[] _vertices; // descending
    private readonly IntPtr[] _rows;
    private int _dimension;
    private CofacetIndex _index;
    private int _candidate, _nextVertexSlot;
    private float _diameter;
    private bool _aboveTopOnly;

    public DenseCofacetCursor(DenseMetric metric, BinomialTable binomials, int maxDimension)
    {
        _metric = metric;
        _binomials = binomials;
        _vertices = new int[maxDimension + 2];
        _rows = new IntPtr[maxDimension + 2];
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
        for (int r = 0; r <= dimension; r++)
            _rows[r] = (IntPtr)(_metric.Data + (long)_vertices[r] * _metric.VertexCount);
        _index.Reset(index, dimension);
        _candidate = _metric.VertexCount - 1;
        _nextVertexSlot = 0;
        _diameter = diameter;
        _aboveTopOnly = aboveTopVertexOnly;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool MoveNext(float maxDiameter)
    {
        while (_candidate >= _index.Position)
        {
            int w = _candidate--;
            if (_nextVertexSlot <= _dimension && _vertices[_nextVertexSlot] == w)
            {
                if (_aboveTopOnly) return false;
                _index.Pass(w, _binomials);
                _nextVertexSlot++;
                continue;
            }

            float diameter = _diameter;
            bool within = true;
            for (int r = 0; r <= _dimension; r++)
            {
                float d = ((float*)_rows[r])[w];
                if (d > diameter)
                {
                    if (d > maxDiameter) { within = false; break; }
                    diameter = d;
                }
            }
            if (!within) continue;
            Diameter = diameter;
            Index = _index.With(w, _binomials);
            Position = _index.Position;
            NewVertex = w;
            return true;
        }
        return false;
    }
}
