using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// Union-find over vertices (path halving, union by rank) that remembers the oldest vertex of each set:
/// the one with the lowest value, ties going to the lower index.
/// </summary>
internal sealed class MinimumForest
{
    private readonly int[] _parent;
    private readonly byte[] _rank;
    private readonly int[] _minimum;

    public MinimumForest(int vertexCount)
    {
        _parent = new int[vertexCount];
        _rank = new byte[vertexCount];
        _minimum = new int[vertexCount];
        for (int v = 0; v < vertexCount; v++)
        {
            _parent[v] = v;
            _minimum[v] = v;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(int v)
    {
        while (_parent[v] != v)
        {
            _parent[v] = _parent[_parent[v]];
            v = _parent[v];
        }
        return v;
    }

    public bool IsRoot(int v) => _parent[v] == v;

    public int MinimumOf(int root) => _minimum[root];

    /// <summary>Joins two distinct roots; the joined set's minimum becomes survivingMinimum.</summary>
    public void Union(int rootA, int rootB, int survivingMinimum)
    {
        if (_rank[rootA] < _rank[rootB]) (rootA, rootB) = (rootB, rootA);
        _parent[rootB] = rootA;
        if (_rank[rootA] == _rank[rootB]) _rank[rootA]++;
        _minimum[rootA] = survivingMinimum;
    }
}
