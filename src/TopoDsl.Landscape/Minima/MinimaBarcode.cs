using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Landscape.Minima;

/// <summary>
/// The barcode of a set of minima from the barriers between pairs of them (Barannikov et al., the TO-score paper):
/// the graph whose vertices are the minima, at their losses, and whose edges are the barriers, swept by the
/// persistence engine's union-find, so that a minimum escapes through intermediate minima when that way is lower
/// (their Proposition 2.1), not only over its direct barriers.
/// </summary>
public sealed class MinimaBarcode
{
    private MinimaBarcode(SublevelResult persistence, IReadOnlyList<MinimumSegment> segments, double lossRange)
    {
        Persistence = persistence;
        Segments = segments;
        LossRange = lossRange;
    }

    /// <summary>The sweep's result: bars, merges and the minimax paths through the graph of minima.</summary>
    public SublevelResult Persistence { get; }

    /// <summary>
    /// One segment per minimum that escapes to a lower one, in the order they join (by saddle); a minimum whose barrier
    /// equals its own loss gives none (its length would be 0), and the lowest minimum of each connected group none.
    /// </summary>
    public IReadOnlyList<MinimumSegment> Segments { get; }

    /// <summary>
    /// The highest value given (a barrier, or a loss when there are no barriers) minus the lowest minimum's loss; what
    /// <see cref="Score"/> may normalise by.
    /// </summary>
    public double LossRange { get; }

    /// <summary>The TO-score of the segment lengths (see <see cref="ObstructionScore"/>); 0 when no minimum has a segment.</summary>
    public double Score(SegmentNorm norm = SegmentNorm.L2, bool normalised = false) => Segments.Count == 0 ? 0
        : ObstructionScore.Compute(Segments.Select(s => s.Length).ToList(), norm, normalised ? LossRange : null);

    /// <summary>
    /// The barcode of minima at <paramref name="losses"/> whose pairwise barriers are <paramref name="barriers"/>
    /// (symmetric; NaN where a pair was not connected; the diagonal is not read).
    /// </summary>
    /// <exception cref="ArgumentException">A matrix of the wrong size, a non-finite loss, an asymmetric pair, or a barrier below one of its minima.</exception>
    public static MinimaBarcode FromBarriers(IReadOnlyList<double> losses, double[,] barriers)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(barriers);
        int count = losses.Count;
        if (barriers.GetLength(0) != count || barriers.GetLength(1) != count)
            throw new ArgumentException($"the barrier matrix is {barriers.GetLength(0)} x {barriers.GetLength(1)} for {count} minima", nameof(barriers));
        for (int i = 0; i < count; i++)
            if (!double.IsFinite(losses[i])) throw new ArgumentException($"minimum {i} has loss {losses[i]}; losses must be finite", nameof(losses));
        var sources = new List<int>();
        var targets = new List<int>();
        var heights = new List<double>();
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
            {
                double b = barriers[i, j];
                if (!b.Equals(barriers[j, i]))
                    throw new ArgumentException($"the barrier between minima {i} and {j} is {b} one way and {barriers[j, i]} the other", nameof(barriers));
                if (double.IsNaN(b)) continue;
                if (b < Math.Max(losses[i], losses[j]))
                    throw new ArgumentException($"the barrier between minima {i} and {j} is {b}, below the minima's losses ({losses[i]}, {losses[j]})", nameof(barriers));
                sources.Add(i);
                targets.Add(j);
                heights.Add(b);
            }
        var values = losses.ToArray();
        var persistence = SublevelPersistence.OnWeightedGraph(values, sources.ToArray(), targets.ToArray(), heights.ToArray());
        var segments = persistence.Merges.Select(m => new MinimumSegment(m.DyingMinimum, m.Birth, m.Death, m.SurvivingMinimum)).ToList();
        double lowest = values.Length == 0 ? 0 : values.Min();
        double highest = heights.Count == 0 ? lowest : Math.Max(heights.Max(), values.Max());
        return new MinimaBarcode(persistence, segments, highest - lowest);
    }
}
