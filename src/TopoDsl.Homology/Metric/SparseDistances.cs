namespace TopoDsl.Homology.Metric;

/// <summary>
/// A sparse distance matrix: the listed edges (i, j, d) are the only finite distances; every other pair is
/// at infinite distance. Wraps the caller's memory without copying it.
/// </summary>
public sealed class SparseDistances
{
    public SparseDistances(int vertexCount, ReadOnlyMemory<int> sources, ReadOnlyMemory<int> targets,
        ReadOnlyMemory<float> distances)
    {
        if (vertexCount < 0)
            throw new ArgumentOutOfRangeException(nameof(vertexCount), vertexCount, "must be non-negative");
        if (sources.Length != targets.Length || sources.Length != distances.Length)
            throw new ArgumentException(
                $"edge arrays differ in length: {sources.Length} sources, {targets.Length} targets, {distances.Length} distances");
        var s = sources.Span;
        var t = targets.Span;
        var d = distances.Span;
        for (int e = 0; e < s.Length; e++)
        {
            if ((uint)s[e] >= (uint)vertexCount || (uint)t[e] >= (uint)vertexCount)
                throw new ArgumentException($"edge {e} ({s[e]}, {t[e]}) names a vertex outside 0..{vertexCount - 1}");
            if (!float.IsFinite(d[e]) || d[e] < 0)
                throw new ArgumentException($"edge {e} ({s[e]}, {t[e]}) has distance {d[e]}; must be finite and non-negative");
        }
        VertexCount = vertexCount;
        Sources = sources;
        Targets = targets;
        Distances = distances;
    }

    public int VertexCount { get; }
    public ReadOnlyMemory<int> Sources { get; }
    public ReadOnlyMemory<int> Targets { get; }
    public ReadOnlyMemory<float> Distances { get; }
    public int EdgeCount => Sources.Length;
}
