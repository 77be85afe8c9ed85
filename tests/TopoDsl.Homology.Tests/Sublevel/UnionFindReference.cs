namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>
/// A second, independent elder-rule reference: plain union-find over (value, u, v) triples sorted with LINQ,
/// each root remembering the lowest value of its set. Returns the sorted bars of positive length.
/// </summary>
public static class UnionFindReference
{
    public static (double Birth, double Death)[] Bars(double[] values, int[] sources, int[] targets)
    {
        var parent = Enumerable.Range(0, values.Length).ToArray();
        var lowest = (double[])values.Clone();
        int Find(int x)
        {
            int root = x;
            while (parent[root] != root) root = parent[root];
            while (parent[x] != root) (parent[x], x) = (root, parent[x]);
            return root;
        }

        var bars = new List<(double, double)>();
        var edges = Enumerable.Range(0, sources.Length)
            .Select(e => (Value: Math.Max(values[sources[e]], values[targets[e]]), U: sources[e], V: targets[e]))
            .OrderBy(e => e.Value);
        foreach (var (w, u, v) in edges)
        {
            int a = Find(u), b = Find(v);
            if (a == b) continue;
            if (lowest[a] < lowest[b]) (a, b) = (b, a); // a is the younger (or an equal) one
            if (w > lowest[a]) bars.Add((lowest[a], w));
            parent[a] = b;
        }
        for (int x = 0; x < values.Length; x++)
            if (Find(x) == x) bars.Add((lowest[x], double.PositiveInfinity));
        return bars.Order().ToArray();
    }
}
