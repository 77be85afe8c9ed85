namespace TopoDsl.Homology.Metric;

/// <summary>
/// A finite metric space given by its distance matrix in one of the <see cref="DistanceMatrixLayout"/>s.
/// Wraps the caller's memory without copying it; the diagonal of a full matrix is ignored.
/// </summary>
public sealed class DistanceMatrix
{
    public DistanceMatrix(ReadOnlyMemory<float> values, DistanceMatrixLayout layout)
    {
        Layout = layout;
        Values = values;
        Count = layout == DistanceMatrixLayout.Full ? SquareSide(values.Length) : TriangleSide(values.Length);
        Validate();
    }

    public ReadOnlyMemory<float> Values { get; }
    public DistanceMatrixLayout Layout { get; }
    public int Count { get; }

    /// <summary>d(i, j) for i != j.</summary>
    public float this[int i, int j]
    {
        get
        {
            var v = Values.Span;
            return Layout switch
            {
                DistanceMatrixLayout.Full => v[i * Count + j],
                DistanceMatrixLayout.LowerTriangular => i > j ? v[LowerOffset(i, j)] : v[LowerOffset(j, i)],
                _ => i < j ? v[UpperOffset(i, j)] : v[UpperOffset(j, i)],
            };
        }
    }

    private static int LowerOffset(int i, int j) => (int)((long)i * (i - 1) / 2) + j;

    private int UpperOffset(int i, int j) => (int)((long)i * Count - (long)i * (i + 1) / 2) + (j - i - 1);

    private static int SquareSide(int length)
    {
        int n = (int)Math.Round(Math.Sqrt(length));
        if ((long)n * n != length)
            throw new ArgumentException($"{length} entries do not form a square matrix", "values");
        return n;
    }

    private static int TriangleSide(int length)
    {
        // length = n(n-1)/2
        int n = (int)Math.Round((1 + Math.Sqrt(1 + 8.0 * length)) / 2);
        if ((long)n * (n - 1) / 2 != length)
            throw new ArgumentException($"{length} entries are not the strict triangle of a square matrix", "values");
        return n;
    }

    private void Validate()
    {
        var v = Values.Span;
        for (int i = 0; i < Count; i++)
            for (int j = 0; j < i; j++)
            {
                float d = this[i, j];
                if (!float.IsFinite(d) || d < 0)
                    throw new ArgumentException($"d({i},{j}) = {d}; distances must be finite and non-negative", "values");
                if (Layout == DistanceMatrixLayout.Full && v[j * Count + i] != d)
                    throw new ArgumentException(
                        $"the matrix is not symmetric: d({i},{j}) = {d} but d({j},{i}) = {v[j * Count + i]}", "values");
            }
    }
}
