namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>
/// A deliberately naive reference: at every threshold t, recompute the components of the subgraph
/// {v : f(v) &lt;= t} by breadth-first search. A vertex's bar lasts while it is the oldest vertex (by value, then
/// index) of its component; it dies at the first threshold where it is not.
/// </summary>
public sealed class NaiveSublevelReference
{
    public NaiveSublevelReference(double[] values, int[] sources, int[] targets)
    {
        int n = values.Length;
        Death = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        ComponentAt = new Dictionary<double, int[]>();
        foreach (double t in values.Distinct().Order())
        {
            var component = Components(values, sources, targets, t);
            ComponentAt[t] = component;
            var oldest = new Dictionary<int, int>();
            for (int v = 0; v < n; v++)
            {
                if (component[v] < 0) continue;
                if (!oldest.TryGetValue(component[v], out int o) || Older(values, v, o)) oldest[component[v]] = v;
            }
            for (int v = 0; v < n; v++)
                if (component[v] >= 0 && oldest[component[v]] != v && double.IsPositiveInfinity(Death[v]))
                    Death[v] = t; // t == values[v] when v joined an older component on arrival: a zero-length bar
        }
        Bars = Enumerable.Range(0, n)
            .Where(v => Death[v] > values[v])
            .Select(v => (values[v], Death[v]))
            .Order()
            .ToArray();
    }

    /// <summary>Death of each vertex as a minimum (its own value when it never was one; +inf when essential).</summary>
    public double[] Death { get; }

    /// <summary>Component label per vertex at each threshold (-1 when the vertex has not entered).</summary>
    public Dictionary<double, int[]> ComponentAt { get; }

    /// <summary>All bars of positive length, sorted.</summary>
    public (double Birth, double Death)[] Bars { get; }

    public static bool Older(double[] values, int a, int b) => values[a] < values[b] || (values[a] == values[b] && a < b);

    private static int[] Components(double[] values, int[] sources, int[] targets, double t)
    {
        int n = values.Length;
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int e = 0; e < sources.Length; e++)
        {
            int u = sources[e], v = targets[e];
            if (values[u] <= t && values[v] <= t)
            {
                adjacency[u].Add(v);
                adjacency[v].Add(u);
            }
        }
        var label = Enumerable.Repeat(-1, n).ToArray();
        int next = 0;
        for (int s = 0; s < n; s++)
        {
            if (values[s] > t || label[s] >= 0) continue;
            var queue = new Queue<int>([s]);
            label[s] = next;
            while (queue.Count > 0)
                foreach (int w in adjacency[queue.Dequeue()])
                    if (label[w] < 0)
                    {
                        label[w] = next;
                        queue.Enqueue(w);
                    }
            next++;
        }
        return label;
    }
}
