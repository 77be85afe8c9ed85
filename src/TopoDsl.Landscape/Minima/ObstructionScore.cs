namespace TopoDsl.Landscape.Minima;

/// <summary>
/// The topological obstructions score (TO-score) of Barannikov et al.: an aggregate of the minima's segment lengths,
/// which they report to fall with a network's depth and width. Their exact aggregation is not public (the paper's
/// formula could not be retrieved); this offers the L2 norm by default, the L1 norm and the maximum, each optionally
/// divided by the loss range, so that results state which one they use.
/// </summary>
public static class ObstructionScore
{
    /// <summary>The aggregate of the lengths, divided by <paramref name="lossRange"/> when one is given (0 for no segments).</summary>
    public static double Compute(IReadOnlyList<double> lengths, SegmentNorm norm = SegmentNorm.L2, double? lossRange = null)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lossRange is double range && !(range > 0 && double.IsFinite(range)))
            throw new ArgumentOutOfRangeException(nameof(lossRange), range, "the loss range must be positive and finite");
        foreach (double length in lengths)
            if (!(length >= 0) || !double.IsFinite(length))
                throw new ArgumentException($"segment length {length}: lengths must be finite and non-negative", nameof(lengths));
        double score = norm switch
        {
            SegmentNorm.L2 => Math.Sqrt(lengths.Sum(l => l * l)),
            SegmentNorm.L1 => lengths.Sum(),
            SegmentNorm.Max => lengths.Count == 0 ? 0 : lengths.Max(),
            _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, "use L2, L1 or Max"),
        };
        return lossRange is double r ? score / r : score;
    }
}
