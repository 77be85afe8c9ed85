namespace TopoDsl.Training.LinearAlgebra;

/// <summary>C = beta * C on a strided block, for products that have nothing to add (k == 0 or alpha == 0).</summary>
internal static class MatrixScaling
{
    public static void Scale(Span<float> c, int m, int n, int ldc, float beta)
    {
        if (beta == 1) return;
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0) row.Clear(); // not 0 * C: a NaN or infinity in C must not survive
            else System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
        }
    }
}
