namespace TopoDsl.Homology.Rips;

internal sealed partial class RipsEngine<TMetric, TCursor>
{
    private const int EstimateSamples = 1500;

    /// <summary>
    /// Estimates the peak memory of <see cref="Run"/>. The number of k-simplices is extrapolated from sampled
    /// (k-1)-simplices: N_k ~ N_(k-1) * mean cofacet count / (k + 1); the share of columns that survive clearing
    /// and apparent pairs is measured on sampled cofacets.
    /// </summary>
    public MemoryEstimate EstimateMemory(Simplex[] edges, long metricBytes)
    {
        var random = new Random(12345);
        var counts = new List<double> { _metric.VertexCount, edges.Length };
        var columns = new List<double> { 0, edges.Length };
        var cursor = _metric.CreateCursor(_binomials, _maxDimension + 1);
        var apparent = new ApparentPairs(this);
        Span<int> vertices = stackalloc int[_maxDimension + 3];

        var samples = new List<Simplex>();
        if (edges.Length > 0)
            for (int s = 0; s < EstimateSamples; s++) samples.Add(edges[random.Next(edges.Length)]);

        for (int k = 2; k <= _maxDimension; k++)
        {
            double cofacetSum = 0;
            int kept = 0, tried = 0;
            var next = new List<Simplex>();
            foreach (var sample in samples)
            {
                cursor.Start(sample.Index, sample.Diameter, k - 1, aboveTopVertexOnly: false);
                var found = new List<Simplex>();
                while (cursor.MoveNext(_threshold)) found.Add(new Simplex(cursor.Diameter, cursor.Index));
                cofacetSum += found.Count;
                if (found.Count == 0) continue;
                var chosen = found[random.Next(found.Count)];
                next.Add(chosen);
                tried++;
                if (!apparent.IsInZeroApparentPair(chosen, k)) kept++;
            }
            double count = samples.Count == 0 ? 0 : counts[k - 1] * (cofacetSum / samples.Count) / (k + 1);
            counts.Add(count);
            columns.Add(tried == 0 ? 0 : count * kept / tried);
            samples = next;
        }

        return new MemoryEstimate(MemoryEstimate.BaselineBytes + metricBytes + MemoryEstimate.PeakBytes(_maxDimension, counts, columns),
            counts, columns);
    }
}
