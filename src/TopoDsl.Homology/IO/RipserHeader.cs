using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// The lines ripser 1.2.1 prints before <c>persistence intervals in dim 0:</c>. The rules, from its main():
/// <list type="bullet">
/// <item><c>sparse</c>: <c>sparse distance matrix with {n} points and {E}/{n(n-1)/2} entries</c>, E = the edges
/// read (loops excluded), whatever the threshold.</item>
/// <item><c>point-cloud</c>: first <c>point cloud with {n} points in dimension {d}</c>; with a threshold below
/// float.MaxValue nothing more, otherwise it continues as a dense matrix.</item>
/// <item>dense (distance, lower-distance, upper-distance, point cloud without threshold):
/// <c>value range: [{min},{max}]</c> over the pairs of distinct points, then either
/// <c>distance matrix with {n} points, using threshold at enclosing radius {r}</c> (no threshold) or
/// <c>sparse distance matrix with {n} points and {E}/{(n*n-1)/2} entries</c>, E = pairs with d &lt;= threshold;
/// (n*n-1)/2 is ripser's own (wrong) total, reproduced on purpose.</item>
/// </list>
/// Numbers are printed as C++ iostreams do (<see cref="CNumberFormat"/>).
/// </summary>
public sealed record RipserHeader
{
    public required InputFormat Format { get; init; }
    public required int PointCount { get; init; }

    /// <summary>Coordinates per point; point clouds only.</summary>
    public int AmbientDimension { get; init; }

    public ValueRange ValueRange { get; init; } = ValueRange.Empty;

    /// <summary>The user's threshold, or null for none (ripser then uses the enclosing radius).</summary>
    public float? Threshold { get; init; }

    public float EnclosingRadius { get; init; }

    /// <summary>Sparse input: the edges read. Dense input with a threshold: the pairs with d &lt;= threshold.</summary>
    public long EntryCount { get; init; }

    private bool HasThreshold => Threshold is float t && t != float.MaxValue;

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        if (Format == InputFormat.Sparse)
        {
            lines.Add(SparseLine(unchecked((ulong)PointCount * ((ulong)PointCount - 1) / 2)));
            return lines;
        }
        if (Format == InputFormat.PointCloud)
        {
            lines.Add($"point cloud with {PointCount} points in dimension {AmbientDimension}");
            if (Threshold is float t && t < float.MaxValue) return lines;
        }
        lines.Add($"value range: [{CNumberFormat.General(ValueRange.Min)},{CNumberFormat.General(ValueRange.Max)}]");
        lines.Add(HasThreshold
            ? SparseLine(unchecked(((ulong)PointCount * (ulong)PointCount - 1) / 2))
            : $"distance matrix with {PointCount} points, using threshold at enclosing radius {CNumberFormat.General(EnclosingRadius)}");
        return lines;
    }

    private string SparseLine(ulong possibleEntries) =>
        $"sparse distance matrix with {PointCount} points and {EntryCount}/{possibleEntries} entries";

    /// <summary>The header ripser prints for this input and threshold (null: none given).</summary>
    public static RipserHeader Describe(MetricInput input, float? threshold)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Sparse is SparseDistances sparse)
            return new RipserHeader
            {
                Format = input.Format, PointCount = sparse.VertexCount, EntryCount = sparse.EdgeCount, Threshold = threshold,
            };
        if (input.Cloud is PointCloud thresholdedCloud && threshold < float.MaxValue)
            return new RipserHeader
            {
                Format = input.Format, PointCount = thresholdedCloud.Count, AmbientDimension = thresholdedCloud.Dimension,
                Threshold = threshold,
            };
        float limit = threshold ?? float.MaxValue;
        var summary = input.Cloud is PointCloud cloud ? DistanceSummary.Of(cloud, limit) : DistanceSummary.Of(input.Matrix!, limit);
        return new RipserHeader
        {
            Format = input.Format,
            PointCount = input.PointCount,
            AmbientDimension = input.Cloud?.Dimension ?? 0,
            ValueRange = summary.Range,
            Threshold = threshold,
            EnclosingRadius = summary.EnclosingRadius,
            EntryCount = summary.EntriesWithinThreshold,
        };
    }
}
