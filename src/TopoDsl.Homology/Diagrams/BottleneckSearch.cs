namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The exact bottleneck distance of two finite diagrams: the smallest candidate value at which the threshold
/// graph has a perfect matching. While many candidates remain, each pass over them probes the median of an
/// evenly strided sample, which about halves them without storing the n·m values; once few enough remain they
/// are kept from the same pass, sorted and binary searched.
/// </summary>
internal static class BottleneckSearch
{
    private const int DefaultSortedSearchLimit = 1 << 20;
    private const int PivotSampleSize = 255;

    /// <param name="a">The first diagram.</param>
    /// <param name="b">The second diagram.</param>
    /// <param name="metric">The ground metric.</param>
    /// <param name="sortedSearchLimit">How many candidates may be kept and sorted; lowered by tests to exercise the pivots.</param>
    public static double Compute(DiagramPoints a, DiagramPoints b, GroundMetric metric,
        int sortedSearchLimit = DefaultSortedSearchLimit)
    {
        // Everything matched to the diagonal.
        var upper = Math.Max(MaxDiagonalDistance(a, metric), MaxDiagonalDistance(b, metric));
        if (a.Count == 0 || b.Count == 0) return upper;

        var candidates = new BottleneckCandidates(a, b, metric);
        var matcher = new BottleneckMatcher(a, b, metric);
        // Invariant: the answer is a candidate in (infeasible, feasible], and feasible is achievable.
        var feasible = upper;
        var infeasible = Math.BitDecrement(candidates.LowerBound());
        var remaining = (long)a.Count * b.Count + a.Count + b.Count; // an upper bound on the candidates left
        var kept = new double[(int)Math.Min(remaining, sortedSearchLimit)];
        while (true)
        {
            var pass = new PassSink(Math.Max(1, remaining / PivotSampleSize), PivotSampleSize, kept);
            candidates.Visit(infeasible, feasible, ref pass);
            if (pass.Seen <= kept.Length) return SortedSearch(kept.AsSpan(0, (int)pass.Seen), matcher, feasible);
            var pivot = pass.SampleMedian();
            if (matcher.HasPerfectMatching(pivot)) feasible = pivot;
            else infeasible = pivot;
            remaining = pass.Seen;
        }
    }

    /// <summary>The smallest feasible value among the candidates, or <paramref name="feasible"/> if none is.</summary>
    private static double SortedSearch(Span<double> candidates, BottleneckMatcher matcher, double feasible)
    {
        candidates.Sort();
        int lo = 0, hi = candidates.Length; // candidates[hi] stands for `feasible`
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (matcher.HasPerfectMatching(candidates[mid])) hi = mid;
            else lo = mid + 1;
        }
        return lo < candidates.Length ? candidates[lo] : feasible;
    }

    private static double MaxDiagonalDistance(DiagramPoints diagram, GroundMetric metric)
    {
        var max = 0.0;
        for (var i = 0; i < diagram.Count; i++) max = Math.Max(max, metric.ToDiagonal(diagram.Births[i], diagram.Deaths[i]));
        return max;
    }

    /// <summary>Counts the candidates of a pass, samples every stride-th one, and keeps them all while they fit.</summary>
    private struct PassSink(long stride, int sampleSize, double[] kept) : BottleneckCandidates.ISink
    {
        private readonly double[] _sample = new double[sampleSize];
        private int _sampled;

        public long Seen { get; private set; }

        public void Add(double value)
        {
            if (Seen < kept.Length) kept[Seen] = value;
            if (Seen % stride == 0 && _sampled < _sample.Length) _sample[_sampled++] = value;
            Seen++;
        }

        public readonly double SampleMedian()
        {
            var sample = _sample.AsSpan(0, _sampled);
            sample.Sort();
            return sample[sample.Length / 2];
        }
    }
}
