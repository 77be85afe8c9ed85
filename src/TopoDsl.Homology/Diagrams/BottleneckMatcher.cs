namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// Decides whether the bottleneck threshold graph of two finite diagrams A (n points) and B (m points) has a
/// perfect matching, with Hopcroft–Karp on the standard reduction: the left side is A ∪ proj(B), the right side
/// B ∪ proj(A). At threshold r the edges are a_i–b_j when their distance is &lt;= r, a_i–proj(a_i) and
/// proj(b_j)–b_j when the distance to the diagonal is &lt;= r, and every proj(b_j)–proj(a_i) (cost 0).
/// </summary>
/// <remarks>
/// The diagonal block is complete bipartite, so it is never stored: within one Hopcroft–Karp phase only the
/// proj(b) nodes of the first layer that reaches it can use it (every proj(a) node gets its layer then), and
/// all of them see the same neighbours, so they share one cursor over proj(A). That keeps a phase linear in
/// the point-to-point edges instead of n·m.
/// The matching is kept between calls: edges costlier than the new threshold are dropped and the rest is a
/// valid starting matching, which makes the probes of a threshold search cheap.
/// </remarks>
internal sealed class BottleneckMatcher
{
    private const int Free = -1;
    private const int Unreached = int.MaxValue;

    // Left nodes: 0..n-1 are the points of A, n..n+m-1 the projections of B.
    // Right nodes: 0..m-1 are the points of B, m..m+n-1 the projections of A.
    private readonly int _n;
    private readonly int _m;
    private readonly GroundMetric _metric;
    private readonly double[] _aBirth, _aDeath, _aDiagonal;
    private readonly double[] _bBirth, _bDeath, _bDiagonal; // B sorted by birth, for window queries

    private readonly int[] _matchLeft, _matchRight;
    private readonly int[] _layer, _cursor, _queue, _pathLeft, _pathRight;
    private readonly int[] _edgeStart;
    private int[] _edges = new int[1024];

    private double _threshold;
    private int _freeLayer;      // layer at which a free right node is reached; Unreached when none
    private int _diagonalLayer;  // layer of the proj(b) nodes that reach the diagonal block
    private int _diagonalCursor; // next proj(a) node offered to those nodes

    public BottleneckMatcher(DiagramPoints a, DiagramPoints b, GroundMetric metric)
    {
        _n = a.Count;
        _m = b.Count;
        _metric = metric;
        _aBirth = a.Births;
        _aDeath = a.Deaths;
        _aDiagonal = DiagonalDistances(_aBirth, _aDeath);

        var order = Enumerable.Range(0, _m).OrderBy(j => b.Births[j]).ToArray();
        _bBirth = order.Select(j => b.Births[j]).ToArray();
        _bDeath = order.Select(j => b.Deaths[j]).ToArray();
        _bDiagonal = DiagonalDistances(_bBirth, _bDeath);

        var size = _n + _m;
        _matchLeft = Filled(size, Free);
        _matchRight = Filled(size, Free);
        _layer = new int[size];
        _cursor = new int[size];
        _queue = new int[size];
        _pathLeft = new int[size];
        _pathRight = new int[size];
        _edgeStart = new int[_n + 1];
    }

    public bool HasPerfectMatching(double threshold)
    {
        _threshold = threshold;
        BuildPointEdges();
        var matched = DropEdgesAbove(threshold);
        while (BuildLayers())
        {
            Array.Clear(_cursor);
            _diagonalCursor = _m;
            for (var u = 0; u < _n + _m; u++)
            {
                if (_matchLeft[u] == Free && Augment(u)) matched++;
            }
        }
        return matched == _n + _m;
    }

    private void BuildPointEdges()
    {
        // |Δbirth| never exceeds the distance, so only a window of births can be close enough; it is widened a
        // little because a rounded L_q distance may come out an ulp below |Δbirth|. The distance itself decides.
        var window = _threshold * (1 + 1e-9);
        var count = 0;
        for (var i = 0; i < _n; i++)
        {
            _edgeStart[i] = count;
            var birth = _aBirth[i];
            for (var j = FirstWithinBirthWindow(birth, window); j < _m && _bBirth[j] - birth <= window; j++)
            {
                if (_metric.Distance(birth, _aDeath[i], _bBirth[j], _bDeath[j]) > _threshold) continue;
                if (count == _edges.Length) Array.Resize(ref _edges, 2 * count);
                _edges[count++] = j;
            }
        }
        _edgeStart[_n] = count;
    }

    /// <summary>The first j with birth - bBirth[j] &lt;= window (B is sorted by birth).</summary>
    private int FirstWithinBirthWindow(double birth, double window)
    {
        int lo = 0, hi = _m;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (birth - _bBirth[mid] > window) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Unmatches every pair costlier than the threshold; returns the number of pairs kept.</summary>
    private int DropEdgesAbove(double threshold)
    {
        var kept = 0;
        for (var u = 0; u < _n + _m; u++)
        {
            var v = _matchLeft[u];
            if (v == Free) continue;
            if (EdgeCost(u, v) <= threshold)
            {
                kept++;
                continue;
            }
            _matchLeft[u] = Free;
            _matchRight[v] = Free;
        }
        return kept;
    }

    private double EdgeCost(int left, int right)
    {
        if (left < _n && right < _m)
            return _metric.Distance(_aBirth[left], _aDeath[left], _bBirth[right], _bDeath[right]);
        if (left < _n) return _aDiagonal[left];
        if (right < _m) return _bDiagonal[right];
        return 0;
    }

    /// <summary>The breadth-first phase: layers from the free left nodes; true when a free right node is reachable.</summary>
    private bool BuildLayers()
    {
        int head = 0, tail = 0;
        for (var u = 0; u < _n + _m; u++)
        {
            if (_matchLeft[u] == Free)
            {
                _layer[u] = 0;
                _queue[tail++] = u;
            }
            else
            {
                _layer[u] = Unreached;
            }
        }
        _freeLayer = Unreached;
        _diagonalLayer = Unreached;
        while (head < tail)
        {
            var u = _queue[head++];
            if (_layer[u] >= _freeLayer) continue;
            if (u < _n)
            {
                for (var e = _edgeStart[u]; e < _edgeStart[u + 1]; e++) Reach(u, _edges[e], ref tail);
                if (_aDiagonal[u] <= _threshold) Reach(u, _m + u, ref tail);
            }
            else
            {
                if (_bDiagonal[u - _n] <= _threshold) Reach(u, u - _n, ref tail);
                if (_diagonalLayer == Unreached)
                {
                    _diagonalLayer = _layer[u];
                    for (var v = _m; v < _m + _n; v++) Reach(u, v, ref tail);
                }
            }
        }
        return _freeLayer != Unreached;
    }

    private void Reach(int u, int v, ref int tail)
    {
        var w = _matchRight[v];
        if (w == Free)
        {
            if (_freeLayer == Unreached) _freeLayer = _layer[u] + 1;
        }
        else if (_layer[w] == Unreached)
        {
            _layer[w] = _layer[u] + 1;
            _queue[tail++] = w;
        }
    }

    /// <summary>The depth-first phase from one free left node, iterative because paths can be thousands long.</summary>
    private bool Augment(int root)
    {
        var depth = 0;
        _pathLeft[0] = root;
        while (depth >= 0)
        {
            var u = _pathLeft[depth];
            var v = NextLayeredNeighbour(u);
            if (v == Free)
            {
                _layer[u] = Unreached; // dead end for the rest of this phase
                depth--;
                continue;
            }
            _pathRight[depth] = v;
            var w = _matchRight[v];
            if (w == Free)
            {
                for (var k = 0; k <= depth; k++)
                {
                    _matchLeft[_pathLeft[k]] = _pathRight[k];
                    _matchRight[_pathRight[k]] = _pathLeft[k];
                }
                return true;
            }
            _pathLeft[++depth] = w;
        }
        return false;
    }

    /// <summary>The next right neighbour of u one layer further on, advancing u's cursor; Free when none is left.</summary>
    private int NextLayeredNeighbour(int u)
    {
        var next = _layer[u] + 1;
        if (u < _n)
        {
            var start = _edgeStart[u];
            var degree = _edgeStart[u + 1] - start;
            while (_cursor[u] < degree)
            {
                var v = _edges[start + _cursor[u]++];
                if (IsOnLayer(v, next)) return v;
            }
            if (_cursor[u] == degree)
            {
                _cursor[u]++;
                if (_aDiagonal[u] <= _threshold && IsOnLayer(_m + u, next)) return _m + u;
            }
            return Free;
        }
        if (_cursor[u] == 0)
        {
            _cursor[u] = 1;
            var j = u - _n;
            if (_bDiagonal[j] <= _threshold && IsOnLayer(j, next)) return j;
        }
        if (_layer[u] == _diagonalLayer)
        {
            while (_diagonalCursor < _m + _n)
            {
                var v = _diagonalCursor++;
                if (IsOnLayer(v, next)) return v;
            }
        }
        return Free;
    }

    private bool IsOnLayer(int right, int layer)
    {
        var w = _matchRight[right];
        return w == Free ? layer == _freeLayer : _layer[w] == layer;
    }

    private double[] DiagonalDistances(double[] births, double[] deaths)
    {
        var result = new double[births.Length];
        for (var i = 0; i < result.Length; i++) result[i] = _metric.ToDiagonal(births[i], deaths[i]);
        return result;
    }

    private static int[] Filled(int length, int value)
    {
        var result = new int[length];
        Array.Fill(result, value);
        return result;
    }
}
