namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Checks a GEMM call before any kernel (managed or native) touches memory: a bad size or stride must end in an
/// <see cref="ArgumentException"/> naming the parameter, never in an out-of-bounds read or write.
/// </summary>
internal static class GemmArguments
{
    public static void Validate(bool transposeA, bool transposeB, int m, int n, int k,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);

        // Stored shapes, row-major: op(A) is m x k, so A itself is k x m when transposed.
        var (aRows, aColumns) = transposeA ? (k, m) : (m, k);
        var (bRows, bColumns) = transposeB ? (n, k) : (k, n);
        CheckOperand("a", a.Length, aRows, aColumns, lda, "lda", transposeA, "transposeA");
        CheckOperand("b", b.Length, bRows, bColumns, ldb, "ldb", transposeB, "transposeB");
        CheckOperand("c", c.Length, m, n, ldc, "ldc", transposed: null, transposeName: null);

        // Spans cannot prove that C does not alias an input; an overlap would make the result depend on the
        // order in which tiles are written, so it is refused.
        if (c.Length > 0 && a.Length > 0 && c.Overlaps(a))
            throw new ArgumentException("c must not overlap a: the product would read values it has already overwritten", "c");
        if (c.Length > 0 && b.Length > 0 && c.Overlaps(b))
            throw new ArgumentException("c must not overlap b: the product would read values it has already overwritten", "c");
    }

    private static void CheckOperand(string name, int length, int rows, int columns, int stride, string strideName,
        bool? transposed, string? transposeName)
    {
        string layout = transposed is bool t ? $" ({transposeName} = {(t ? "true" : "false")})" : "";
        // BLAS requires a leading dimension of at least max(1, columns) even for an empty matrix.
        if (stride < Math.Max(1, columns))
            throw new ArgumentOutOfRangeException(strideName, stride,
                $"{strideName} = {stride} is less than the {columns} columns of the stored {rows} x {columns} matrix {name}{layout}");
        long needed = Needed(rows, columns, stride);
        if (length < needed)
            throw new ArgumentException(
                $"{name} has {length} elements but a stored {rows} x {columns} matrix{layout} with {strideName} = {stride} needs {needed}",
                name);
    }

    /// <summary>Elements from the first to one past the last element of a strided row-major matrix.</summary>
    public static long Needed(int rows, int columns, int stride) =>
        rows == 0 || columns == 0 ? 0 : (long)(rows - 1) * stride + columns;
}
