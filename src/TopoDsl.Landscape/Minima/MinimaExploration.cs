using TopoDsl.Homology;
using TopoDsl.Landscape.Paths;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Minima;

/// <summary>One pair of minima connected by AutoNEB: their indices and the relaxed path between them.</summary>
public sealed record ConnectedPair(int First, int Second, MinimumEnergyPath Path);

/// <summary>What <see cref="MinimaExploration.Explore"/> found: the barrier of every pair it chose (NaN for the others), the paths it connected in this call, and the barcode.</summary>
public sealed record ExplorationResult(IReadOnlyList<double> Losses, double[,] Barriers, IReadOnlyList<ConnectedPair> Pairs, MinimaBarcode Barcode);

/// <summary>
/// Which pairs of minima to connect, and connecting them: PyTorch-AutoNEB's landscape exploration. While the graph of
/// connected pairs falls apart, the lowest minima of two groups are joined; then, as in its "mst" suggestion, the highest
/// edge of the minimum spanning tree of barriers is set aside and a pair not yet tried across the two groups it
/// separated (lowest minima first) is connected, which may find a lower way around. It stops when no such pair is left
/// or after the budget of pairs. A pair's barrier is the highest loss of its AutoNEB path.
/// </summary>
public static class MinimaExploration
{
    /// <summary>
    /// Connects pairs of <paramref name="minima"/> on <paramref name="surface"/>, at most <paramref name="maxPairs"/>.
    /// Whenever the exploration chooses a pair it first asks <paramref name="saved"/> for a barrier computed before (null
    /// when there is none), and connects the pair only without one; so an exploration resumed from saved pairs chooses,
    /// and counts against the budget, exactly the pairs of one never stopped, whatever was saved. Each newly connected
    /// pair is reported to <paramref name="pairDone"/> as soon as it is connected.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two minima, a minimum of the wrong length, or a saved barrier below its minima or not finite.</exception>
    public static ExplorationResult Explore(ILossSurface surface, IReadOnlyList<double[]> minima, AutoNebOptions? options = null,
        int? maxPairs = null, Func<int, int, double?>? saved = null, Action<ConnectedPair>? pairDone = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(minima);
        int count = minima.Count;
        if (count < 2) throw new ArgumentException($"{count} minima: a barcode of minima needs at least two", nameof(minima));
        if (maxPairs is int budget && budget < 0) throw new ArgumentOutOfRangeException(nameof(maxPairs), budget, "the budget of pairs must be 0 or more");
        for (int m = 0; m < count; m++)
            if (minima[m] is null || minima[m].Length != surface.Dimension)
                throw new ArgumentException($"minimum {m} has {minima[m]?.Length ?? 0} coordinates; the surface has {surface.Dimension}", nameof(minima));

        var losses = minima.Select(m => surface.Loss(m)).ToArray();
        var barriers = new double[count, count];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < count; j++) barriers[i, j] = double.NaN;
        var pairs = new List<ConnectedPair>();
        int chosen = 0;
        while (chosen < (maxPairs ?? int.MaxValue) && Suggest(losses, barriers) is (int first, int second))
        {
            cancellation.ThrowIfCancellationRequested();
            chosen++;
            if (saved?.Invoke(first, second) is double before)
            {
                if (!double.IsFinite(before) || before < Math.Max(losses[first], losses[second]))
                    throw new ArgumentException($"the saved barrier between minima {first} and {second} is {before}, below their losses ({losses[first]}, {losses[second]}) or not finite", nameof(saved));
                barriers[first, second] = barriers[second, first] = before;
                continue;
            }
            MinimumEnergyPath path;
            try
            {
                path = AutoNeb.Connect(surface, minima[first], minima[second], options, cancellation: cancellation);
            }
            catch (ArithmeticException e)
            {
                throw new ArithmeticException($"connecting minima {first} and {second}: {e.Message}", e);
            }
            // The highest point of a path is at least as high as its ends; rounding must not put it below them.
            double barrier = Math.Max(path.Barrier, Math.Max(losses[first], losses[second]));
            barriers[first, second] = barriers[second, first] = barrier;
            var pair = new ConnectedPair(first, second, path);
            pairs.Add(pair);
            pairDone?.Invoke(pair);
        }
        return new ExplorationResult(losses, barriers, pairs, MinimaBarcode.FromBarriers(losses, barriers));
    }

    /// <summary>The next pair to connect, or null when every useful pair has been tried.</summary>
    internal static (int, int)? Suggest(IReadOnlyList<double> losses, double[,] barriers)
    {
        int count = losses.Count;
        var byLoss = Enumerable.Range(0, count).OrderBy(m => losses[m]).ThenBy(m => m).ToList();
        bool Known(int i, int j) => !double.IsNaN(barriers[i, j]);

        var groups = Groups(count, Edges(barriers));
        if (groups.Distinct().Count() > 1)
        {
            // The lowest minimum of each group, groups ordered by it: join the first two.
            var lowest = byLoss.GroupBy(m => groups[m]).Select(g => g.First()).ToList();
            return (lowest[0], lowest[1]);
        }

        var tree = SpanningTree(count, barriers);
        foreach (var (i, j) in tree.OrderByDescending(e => barriers[e.Item1, e.Item2]))
        {
            var split = Groups(count, tree.Where(e => e != (i, j)));
            foreach (int source in byLoss.Where(m => split[m] == split[i]))
                foreach (int target in byLoss.Where(m => split[m] != split[i]))
                    if (!Known(source, target)) return (source, target);
        }
        return null;
    }

    private static IEnumerable<(int, int)> Edges(double[,] barriers)
    {
        int count = barriers.GetLength(0);
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
                if (!double.IsNaN(barriers[i, j])) yield return (i, j);
    }

    // Kruskal's minimum spanning tree over the known barriers (ties by pair order).
    private static List<(int, int)> SpanningTree(int count, double[,] barriers)
    {
        var sets = new DisjointSets(count);
        return Edges(barriers).OrderBy(e => barriers[e.Item1, e.Item2]).Where(e => sets.Union(e.Item1, e.Item2)).ToList();
    }

    // A label per minimum, equal for minima the edges connect.
    private static int[] Groups(int count, IEnumerable<(int, int)> edges)
    {
        var sets = new DisjointSets(count);
        foreach (var (i, j) in edges) sets.Union(i, j);
        return Enumerable.Range(0, count).Select(sets.Find).ToArray();
    }
}
