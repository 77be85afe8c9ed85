namespace TopoDsl.Homology.Rips;

/// <summary>
/// What a Rips computation is expected to hold at its peak, estimated before the reduction starts from the
/// edge count and sampled simplex and apparent-pair counts. An estimate, typically within a factor of two.
/// </summary>
public sealed record MemoryEstimate(long Bytes, IReadOnlyList<double> SimplexCounts, IReadOnlyList<double> ColumnCounts)
{
    /// <summary>Managed runtime, code and buffers that every run needs regardless of the input.</summary>
    internal const long BaselineBytes = 24L << 20;

    public override string ToString() => FormatBytes(Bytes);

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.##} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        _ => $"{bytes / 1024.0:0.#} KiB",
    };
}

/// <summary>The run would need more memory than the caller allowed.</summary>
public sealed class InsufficientMemoryBudgetException(MemoryEstimate estimate, long budget)
    : Exception($"this computation needs about {estimate} (estimated; simplices per dimension: " +
                $"{string.Join(", ", estimate.SimplexCounts.Select(c => c.ToString("0.##e0")))}), " +
                $"more than the limit of {MemoryEstimate.FormatBytes(budget)}. " +
                "Lower the dimension, set a smaller threshold, or raise the limit.")
{
    public MemoryEstimate Estimate { get; } = estimate;
    public long Budget { get; } = budget;
}
