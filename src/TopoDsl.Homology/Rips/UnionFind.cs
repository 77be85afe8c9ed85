namespace TopoDsl.Homology.Rips;

/// <summary>Disjoint sets over 0..n-1 with path halving and union by rank.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly byte[] _rank;

    public UnionFind(int n)
    {
        _parent = new int[n];
        _rank = new byte[n];
        for (int i = 0; i < n; i++) _parent[i] = i;
    }

    public int Find(int x)
    {
        var parent = _parent;
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /// <summary>Links two distinct roots.</summary>
    public void Link(int rootA, int rootB)
    {
        if (_rank[rootA] < _rank[rootB]) (rootA, rootB) = (rootB, rootA);
        _parent[rootB] = rootA;
        if (_rank[rootA] == _rank[rootB]) _rank[rootA]++;
    }
}
