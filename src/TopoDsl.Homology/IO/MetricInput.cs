using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>The content of an input file: exactly one of <see cref="Cloud"/>, <see cref="Matrix"/>, <see cref="Sparse"/>.</summary>
public sealed class MetricInput
{
    public MetricInput(InputFormat format, string source, PointCloud cloud)
        : this(format, source) => Cloud = cloud;

    public MetricInput(InputFormat format, string source, DistanceMatrix matrix)
        : this(format, source) => Matrix = matrix;

    public MetricInput(InputFormat format, string source, SparseDistances sparse)
        : this(format, source) => Sparse = sparse;

    private MetricInput(InputFormat format, string source)
    {
        Format = format;
        Source = source;
    }

    public InputFormat Format { get; }

    /// <summary>The file path, or "&lt;stdin&gt;".</summary>
    public string Source { get; }

    public PointCloud? Cloud { get; }
    public DistanceMatrix? Matrix { get; }
    public SparseDistances? Sparse { get; }

    public int PointCount => Cloud?.Count ?? Matrix?.Count ?? Sparse!.VertexCount;
}
