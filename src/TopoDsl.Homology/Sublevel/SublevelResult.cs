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
    internal SublevelResult(PersistenceInterval[] bars, MergeEvent[] merges, int[] componentMinima, int vertexCount)
    {
        Bars = bars;
        Merges = merges;
        ComponentMinima = componentMinima;
        VertexCount = vertexCount;
    }

    /// <summary>The finite bars (positive length only) followed by one essential bar per connected component.</summary>
    public IReadOnlyList<PersistenceInterval> Bars { get; }

    /// <summary>One event per finite bar; merges at which the dying minimum had the edge's own value are omitted.</summary>
    public IReadOnlyList<MergeEvent> Merges { get; }

    /// <summary>The minimum vertex of each connected component, ordered by (value, vertex index): the first is the global minimum.</summary>
    public IReadOnlyList<int> ComponentMinima { get; }

    public int VertexCount { get; }

    public IEnumerable<PersistenceInterval> FiniteBars => Bars.Take(Merges.Count);

    public IEnumerable<PersistenceInterval> EssentialBars => Bars.Skip(Merges.Count);
}
