using System.Globalization;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// What a Rips computation is expected to hold at its peak. Estimated twice: before the metric and the edges
/// are built, from the vertex count and a sampled edge count (<see cref="BeforeEdges"/>), and again before the
/// reduction starts, from the edge count and sampled simplex and apparent-pair counts. An estimate, typically
/// within a factor of two.
/// </summary>
public sealed record MemoryEstimate(long Bytes, IReadOnlyList<double> SimplexCounts, IReadOnlyList<double> ColumnCounts)
{
    /// <summary>Managed runtime, code and buffers that every run needs regardless of the input.</summary>
    internal const long BaselineBytes = 24L << 20;

    /// <summary>True when <see cref="Bytes"/> counts only the fewest edges the input can have: the run needs at least that.</summary>
    public bool IsLowerBound { get; init; }

    /// <summary>One simplex in a list (<see cref="Simplex"/>).</summary>
    private const int SimplexBytes = 12;

    /// <summary>One column of a reduction: assembled twice, its pivot table entry and its reduction record.</summary>
    private const int ColumnBytes = 2 * 12 + 32 + 2 * 16;

    public override string ToString() => FormatBytes(Bytes);

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
    };

    /// <summary>The full n x n float matrix of a dense run.</summary>
    internal static long DenseMetricBytes(int n) => 4L * n * n;

    /// <summary>Neighbour lists: each edge twice, as a vertex and a distance, and the row offsets.</summary>
    internal static long SparseMetricBytes(int n, double edges) => (long)(2 * 8 * edges) + 4L * (n + 1);

    /// <summary>
    /// The estimate that needs no edges yet: the metric, the edge list and the reduction of H1 (whose columns
    /// are edges). It lets a run that cannot fit be refused before the matrix and the edges are allocated; the
    /// higher dimensions are added by the engine's estimate once there are edges to sample.
    /// </summary>
    internal static MemoryEstimate BeforeEdges(int n, double edges, long metricBytes, int maxDimension)
    {
        double[] counts = [n, edges];
        double[] columns = [0, edges];
        return new MemoryEstimate(BaselineBytes + metricBytes + PeakBytes(maxDimension, counts, columns), counts, columns);
    }

    /// <summary>
    /// The largest of what the reduction of each dimension d (as far as <paramref name="columns"/> reaches) holds
    /// at once: the edges, the facets its columns were built from, the simplices kept for the next dimension, and
    /// its columns. H0 holds the edges alone.
    /// </summary>
    internal static long PeakBytes(int maxDimension, IReadOnlyList<double> counts, IReadOnlyList<double> columns)
    {
        double edgeBytes = SimplexBytes * counts[1];
        double peak = edgeBytes;
        for (int d = 1; d <= Math.Min(maxDimension, columns.Count - 1); d++)
        {
            double bytes = edgeBytes
                + (d >= 2 ? SimplexBytes * counts[d - 1] : 0)
                + (d < maxDimension ? SimplexBytes * counts[d] : 0)
                + columns[d] * ColumnBytes;
            peak = Math.Max(peak, bytes);
        }
        return (long)peak;
    }
}

/// <summary>The run would need more memory than the caller allowed.</summary>
public sealed class InsufficientMemoryBudgetException(MemoryEstimate estimate, long budget, string? limit = null)
    : Exception($"this computation needs {(estimate.IsLowerBound ? "at least" : "about")} {estimate} (estimated; simplices per dimension: " +
                $"{string.Join(", ", estimate.SimplexCounts.Select(c => c.ToString("0.##e0", CultureInfo.InvariantCulture)))}), " +
                $"more than {limit ?? "the limit of " + MemoryEstimate.FormatBytes(budget)}. " +
                $"Lower the dimension, set a smaller threshold, or {(limit is null ? "raise the limit" : "use a machine with more memory")}.")
{
    public MemoryEstimate Estimate { get; } = estimate;
    public long Budget { get; } = budget;
}
