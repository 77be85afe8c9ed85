namespace TopoDsl.Homology.Metric;

/// <summary>
/// Points in R^Dimension stored row-major: point i is Coordinates[i*Dimension .. (i+1)*Dimension).
/// Wraps the caller's memory without copying it.
/// </summary>
public sealed class PointCloud
{
    public PointCloud(ReadOnlyMemory<float> coordinates, int dimension)
    {
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "a point needs at least one coordinate");
        if (coordinates.Length % dimension != 0)
            throw new ArgumentException(
                $"{coordinates.Length} coordinates do not split into points of dimension {dimension}", nameof(coordinates));
        var span = coordinates.Span;
        for (int k = 0; k < span.Length; k++)
            if (!float.IsFinite(span[k]))
                throw new ArgumentException(
                    $"coordinate {k % dimension} of point {k / dimension} is {span[k]}; coordinates must be finite",
                    nameof(coordinates));
        Coordinates = coordinates;
        Dimension = dimension;
        Count = coordinates.Length / dimension;
    }

    public ReadOnlyMemory<float> Coordinates { get; }
    public int Dimension { get; }
    public int Count { get; }

    public ReadOnlySpan<float> Point(int i) => Coordinates.Span.Slice(i * Dimension, Dimension);

    /// <summary>
    /// Euclidean distance computed as ripser does (float accumulation of squared differences in coordinate
    /// order, then a float square root), so that filtration values agree to the last bit.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public float Distance(int i, int j)
    {
        var all = Coordinates.Span;
        var a = all.Slice(i * Dimension, Dimension);
        var b = all.Slice(j * Dimension, Dimension);
        float sum = 0f;
        for (int k = 0; k < a.Length; k++)
        {
            float diff = a[k] - b[k];
            sum += diff * diff;
        }
        return MathF.Sqrt(sum);
    }
}
