using System.Runtime.CompilerServices;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// 0-dimensional sublevel-set persistence of a vertex function f on a graph (lower-star filtration):
/// vertex v enters at f(v), edge (u, v) at max(f(u), f(v)). This is the minima barcode of Barannikov et al.
/// </summary>
/// <remarks>
/// Elder rule: when an edge joins two components, the component whose minimum is younger dies. Vertices are
/// ordered by (value, index), so among equal minima the one with the higher vertex index is younger and dies.
/// Edges are processed by (value, edge index); edges of equal value therefore merge in input order.
/// Self-loops (u == v) are ignored: they cannot join two components. Duplicate edges are harmless.
/// Zero-length bars (a vertex that joins an older component at its own value) are not reported, as in GUDHI
/// and ripser.
/// </remarks>
public static class SublevelPersistence
{
    // Called once on large inputs: skip tiered compilation so the first call runs optimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SublevelResult OnGraph(ReadOnlySpan<double> vertexValues, ReadOnlySpan<int> edgeSources,
        ReadOnlySpan<int> edgeTargets)
    {
        GraphInputValidation.Validate(vertexValues, edgeSources, edgeTargets);
        int[] edgeOrder = SortEdgesByValue(vertexValues, edgeSources, edgeTargets, [], weighted: false, out double[] edgeValues);
        return Sweep(vertexValues, edgeSources, edgeTargets, edgeOrder, edgeValues, lowerStar: true);
    }

    /// <summary>
    /// Sublevel persistence of a graph whose edges carry their own values, each at least as high as both its ends:
    /// the graph of minima of Barannikov et al. (vertex: a minimum's loss; edge: the barrier between two minima), so
    /// that an escape through an intermediate minimum counts. A merge happens at an edge, not a vertex, so
    /// <see cref="SublevelResult.Saddles"/> holds -1 for each merge; the merge's edge names the barrier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SublevelResult OnWeightedGraph(ReadOnlySpan<double> vertexValues, ReadOnlySpan<int> edgeSources,
        ReadOnlySpan<int> edgeTargets, ReadOnlySpan<double> edgeValues)
    {
        GraphInputValidation.Validate(vertexValues, edgeSources, edgeTargets);
        GraphInputValidation.ValidateEdgeValues(vertexValues, edgeSources, edgeTargets, edgeValues);
        int[] edgeOrder = SortEdgesByValue(vertexValues, edgeSources, edgeTargets, edgeValues, weighted: true, out double[] sortedValues);
        return Sweep(vertexValues, edgeSources, edgeTargets, edgeOrder, sortedValues, lowerStar: false);
    }

    // The union-find sweep over the edges in filtration order (elder rule). In a lower-star filtration the saddle of a
    // merge is the edge's end that entered last; a weighted edge's value belongs to no vertex.
    private static SublevelResult Sweep(ReadOnlySpan<double> vertexValues, ReadOnlySpan<int> edgeSources,
        ReadOnlySpan<int> edgeTargets, int[] edgeOrder, double[] edgeValues, bool lowerStar)
    {
        var forest = new MinimumForest(vertexValues.Length);
        var merges = new List<MergeEvent>();
        var saddles = new List<int>();
        var treeSources = new int[Math.Max(vertexValues.Length - 1, 0)];
        var treeTargets = new int[treeSources.Length];
        int treeEdges = 0;
        for (int position = 0; position < edgeOrder.Length; position++)
        {
            int edge = edgeOrder[position];
            int u = edgeSources[edge], v = edgeTargets[edge];
            int rootU = forest.Find(u), rootV = forest.Find(v);
            if (rootU == rootV) continue;

            int minimumU = forest.MinimumOf(rootU), minimumV = forest.MinimumOf(rootV);
            bool uIsOlder = IsOlder(vertexValues, minimumU, minimumV);
            int dying = uIsOlder ? minimumV : minimumU;
            int surviving = uIsOlder ? minimumU : minimumV;
            forest.Union(rootU, rootV, surviving);
            treeSources[treeEdges] = u;
            treeTargets[treeEdges++] = v;

            double death = edgeValues[position];
            if (death > vertexValues[dying])
            {
                merges.Add(new MergeEvent(dying, surviving, u, v, vertexValues[dying], death));
                saddles.Add(!lowerStar ? -1 : IsOlder(vertexValues, u, v) ? v : u);
            }
        }

        int[] componentMinima = ComponentMinima(vertexValues, forest);
        var bars = new PersistenceInterval[merges.Count + componentMinima.Length];
        for (int i = 0; i < merges.Count; i++) bars[i] = new PersistenceInterval(merges[i].Birth, merges[i].Death);
        for (int c = 0; c < componentMinima.Length; c++)
            bars[merges.Count + c] = new PersistenceInterval(vertexValues[componentMinima[c]], double.PositiveInfinity);
        var spanningForest = new MinimaxForest(vertexValues.Length, treeSources[..treeEdges], treeTargets[..treeEdges]);
        return new SublevelResult(bars, merges.ToArray(), componentMinima, vertexValues.Length, saddles.ToArray(), spanningForest);
    }

    /// <summary>
    /// Barannikov et al.'s Algorithm 1: sublevel persistence of one value per point on the symmetrised k-nearest-
    /// neighbour graph of the points (see <see cref="NearestNeighborGraph.Build"/>), optionally without edges
    /// longer than maxEdgeLength.
    /// </summary>
    public static SublevelResult OnPointCloud(PointCloud points, ReadOnlySpan<double> values, int k,
        double? maxEdgeLength = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (values.Length != points.Count)
            throw new ArgumentException(
                $"{values.Length} values given for {points.Count} points; give exactly one value per point", nameof(values));
        GraphInputValidation.ValidateValues(values, nameof(values), "point");
        var graph = NearestNeighborGraph.Build(points, k, maxEdgeLength);
        return OnGraph(values, graph.Sources.Span, graph.Targets.Span);
    }

    /// <summary>
    /// Sublevel persistence of values sampled on a regular grid (a loss-landscape slice, an image), numbered in
    /// row-major order: the last axis of <paramref name="shape"/> varies fastest. Vertex indices in the result are
    /// positions in <paramref name="values"/>.
    /// </summary>
    public static SublevelResult OnGrid(ReadOnlySpan<double> values, ReadOnlySpan<int> shape,
        GridConnectivity connectivity = GridConnectivity.Faces)
    {
        if (shape.Length == 0) throw new ArgumentException("the grid's shape is empty; give one size per axis", nameof(shape));
        long count = 1;
        for (int axis = 0; axis < shape.Length; axis++)
        {
            if (shape[axis] < 1) throw new ArgumentException($"axis {axis} of the grid has size {shape[axis]}; sizes must be 1 or more", nameof(shape));
            count *= shape[axis];
            if (count > Array.MaxLength) throw new ArgumentException($"a grid of shape [{string.Join(", ", shape.ToArray())}] has more points than one array holds", nameof(shape));
        }
        if (count != values.Length)
            throw new ArgumentException($"{values.Length} values given for a grid of shape [{string.Join(", ", shape.ToArray())}] ({count} points)", nameof(values));
        if (!Enum.IsDefined(connectivity)) throw new ArgumentOutOfRangeException(nameof(connectivity), connectivity, "use Faces or Full");
        GraphInputValidation.ValidateValues(values, nameof(values), "grid point");
        var (sources, targets) = GridGraph.Edges(shape, connectivity);
        return OnGraph(values, sources, targets);
    }

    /// <summary>True when vertex a precedes vertex b in the filtration order (value, then index).</summary>
    internal static bool IsOlder(ReadOnlySpan<double> values, int a, int b) =>
        values[a] < values[b] || (values[a] == values[b] && a < b);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] SortEdgesByValue(ReadOnlySpan<double> values, ReadOnlySpan<int> sources,
        ReadOnlySpan<int> targets, ReadOnlySpan<double> weights, bool weighted, out double[] sortedValues)
    {
        int loopFree = 0;
        for (int e = 0; e < sources.Length; e++)
            if (sources[e] != targets[e]) loopFree++;

        var keys = new double[loopFree];
        var ids = new int[loopFree];
        for (int e = 0, next = 0; e < sources.Length; e++)
        {
            if (sources[e] == targets[e]) continue;
            keys[next] = weighted ? weights[e] : Math.Max(values[sources[e]], values[targets[e]]);
            ids[next++] = e;
        }
        StableKeySort.SortByKeyThenId(keys, ids);
        sortedValues = keys;
        return ids;
    }

    private static int[] ComponentMinima(ReadOnlySpan<double> values, MinimumForest forest)
    {
        var minima = new List<int>();
        for (int v = 0; v < values.Length; v++)
            if (forest.IsRoot(v)) minima.Add(forest.MinimumOf(v));
        var ids = minima.ToArray();
        var keys = new double[ids.Length];
        for (int c = 0; c < ids.Length; c++) keys[c] = values[ids[c]];
        StableKeySort.SortByKeyThenId(keys, ids);
        return ids;
    }
}
