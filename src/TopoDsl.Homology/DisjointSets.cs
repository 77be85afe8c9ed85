namespace TopoDsl.Homology;

/// <summary>
/// Disjoint sets over 0..n-1 (union-find with path halving and union by rank): the components of the Rips edges,
/// of the graph of minima's search, and of homotopy classes.
/// </summary>
public sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly byte[] _rank;

    /// <summary><paramref name="count"/> sets of one element each.</summary>
    public DisjointSets(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _parent = new int[count];
        _rank = new byte[count];
        for (int i = 0; i < count; i++) _parent[i] = i;
    }

    /// <summary>The root of the set holding <paramref name="x"/>.</summary>
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

    /// <summary>Joins the sets of <paramref name="a"/> and <paramref name="b"/>; false when they were one set already.</summary>
    public bool Union(int a, int b)
    {
        int rootA = Find(a), rootB = Find(b);
        if (rootA == rootB) return false;
        Link(rootA, rootB);
        return true;
    }
}
