namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// The edges that joined two components during the sublevel sweep: a minimum spanning forest of the graph under
/// the edge values max(f(u), f(v)). The path between two vertices in it is a minimax path of the graph: no path
/// between them reaches a lower highest value (the cut property of minimum spanning trees). Between two minima that
/// path climbs over the saddle at which their components merged, as BarcodeCalc's <c>FindWays</c> does.
/// </summary>
internal sealed class MinimaxForest
{
    private readonly int _vertexCount;
    private readonly int[] _sources, _targets;
    private Hanging? _hanging;

    // Parents and depths of the trees hung from their lowest-numbered vertices; one object, so that threads asking
    // for paths at once see either none or a whole one (two may build it; they build the same).
    private sealed record Hanging(int[] Parent, int[] Depth);

    public MinimaxForest(int vertexCount, int[] sources, int[] targets)
    {
        _vertexCount = vertexCount;
        _sources = sources;
        _targets = targets;
    }

    /// <summary>The vertices from <paramref name="from"/> to <paramref name="to"/>, both included; null when no path joins them.</summary>
    public int[]? Path(int from, int to)
    {
        var (parent, depth) = _hanging ??= Hang();
        var climbFrom = new List<int>();
        var climbTo = new List<int>();
        int a = from, b = to;
        while (depth[a] > depth[b]) { climbFrom.Add(a); a = parent[a]; }
        while (depth[b] > depth[a]) { climbTo.Add(b); b = parent[b]; }
        while (a != b)
        {
            if (parent[a] == a) return null; // two roots: different components
            climbFrom.Add(a);
            climbTo.Add(b);
            a = parent[a];
            b = parent[b];
        }
        climbFrom.Add(a);
        climbTo.Reverse();
        climbFrom.AddRange(climbTo);
        return climbFrom.ToArray();
    }

    // Each tree is hung from its lowest-numbered vertex by one breadth-first pass, the first time a path is asked for.
    private Hanging Hang()
    {
        var start = new int[_vertexCount + 1];
        foreach (int v in _sources) start[v + 1]++;
        foreach (int v in _targets) start[v + 1]++;
        for (int v = 0; v < _vertexCount; v++) start[v + 1] += start[v];
        var next = start[.._vertexCount];
        var neighbours = new int[2 * _sources.Length];
        for (int e = 0; e < _sources.Length; e++)
        {
            neighbours[next[_sources[e]]++] = _targets[e];
            neighbours[next[_targets[e]]++] = _sources[e];
        }

        var parent = new int[_vertexCount];
        var depth = new int[_vertexCount];
        Array.Fill(parent, -1);
        var queue = new int[_vertexCount];
        for (int root = 0; root < _vertexCount; root++)
        {
            if (parent[root] >= 0) continue;
            parent[root] = root;
            int head = 0, tail = 0;
            queue[tail++] = root;
            while (head < tail)
            {
                int v = queue[head++];
                for (int k = start[v]; k < start[v + 1]; k++)
                {
                    int w = neighbours[k];
                    if (parent[w] >= 0) continue;
                    parent[w] = v;
                    depth[w] = depth[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        return new Hanging(parent, depth);
    }
}
