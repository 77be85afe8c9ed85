using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// 0-dimensional sublevel-set persistence of a function on a graph, with its merge tree.
/// Bars[i] is the bar of Merges[i] for i &lt; Merges.Count (in the order the merges happened, so by
/// non-decreasing death); the remaining bars are the essential ones, Bars[Merges.Count + c] belonging to
/// ComponentMinima[c].
/// </summary>
public sealed class SublevelResult
{
    private readonly MinimaxForest _forest;

    internal SublevelResult(PersistenceInterval[] bars, MergeEvent[] merges, int[] componentMinima, int vertexCount,
        int[] saddles, MinimaxForest forest)
    {
        Bars = bars;
        Merges = merges;
        ComponentMinima = componentMinima;
        VertexCount = vertexCount;
        Minima = [.. merges.Select(m => m.DyingMinimum), .. componentMinima];
        Saddles = saddles;
        _forest = forest;
    }

    /// <summary>The finite bars (positive length only) followed by one essential bar per connected component.</summary>
    public IReadOnlyList<PersistenceInterval> Bars { get; }

    /// <summary>One event per finite bar; merges at which the dying minimum had the edge's own value are omitted.</summary>
    public IReadOnlyList<MergeEvent> Merges { get; }

    /// <summary>The minimum vertex of each connected component, ordered by (value, vertex index): the first is the global minimum.</summary>
    public IReadOnlyList<int> ComponentMinima { get; }

    public int VertexCount { get; }

    /// <summary>The local minimum (a vertex) born with each bar: Minima[i] belongs to Bars[i].</summary>
    public IReadOnlyList<int> Minima { get; }

    /// <summary>
    /// The saddle (a vertex) of each merge: Saddles[i] is the endpoint of Merges[i]'s edge that entered the filtration
    /// last, whose value is the merge's death. On a graph whose edges carry their own values
    /// (<see cref="SublevelPersistence.OnWeightedGraph"/>) a merge happens at an edge, not a vertex, and Saddles[i] is -1.
    /// </summary>
    public IReadOnlyList<int> Saddles { get; }

    /// <summary>
    /// A path through the graph from one vertex to another whose highest value is as low as any path's: between the
    /// two minima of a merge it climbs over that merge's saddle and no higher (BarcodeCalc's <c>FindWays</c>).
    /// The vertices run from <paramref name="from"/> to <paramref name="to"/>, both included; consecutive ones share an edge.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A vertex outside 0..VertexCount-1.</exception>
    /// <exception cref="ArgumentException">The two vertices lie in different components: no path joins them.</exception>
    public IReadOnlyList<int> MinimaxPath(int from, int to)
    {
        if ((uint)from >= (uint)VertexCount) throw new ArgumentOutOfRangeException(nameof(from), from, $"vertex {from} is outside 0..{VertexCount - 1}");
        if ((uint)to >= (uint)VertexCount) throw new ArgumentOutOfRangeException(nameof(to), to, $"vertex {to} is outside 0..{VertexCount - 1}");
        return _forest.Path(from, to)
            ?? throw new ArgumentException($"vertices {from} and {to} lie in different components of the graph: no path joins them", nameof(to));
    }

    public IEnumerable<PersistenceInterval> FiniteBars => Bars.Take(Merges.Count);

    public IEnumerable<PersistenceInterval> EssentialBars => Bars.Skip(Merges.Count);
}
