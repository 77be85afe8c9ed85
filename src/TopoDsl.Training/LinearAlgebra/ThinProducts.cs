using System.Numerics.Tensors;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Products with an inner or outer dimension of 1 (outer products, matrix-vector products), done directly with
/// vector kernels. A blocked GEMM spends most of such a call packing and scaling: on the paper's 1-1024-1
/// network every product has this shape, and OpenBLAS takes several times longer than one pass over C.
/// </summary>
internal static class ThinProducts
{
    /// <summary>Computes the product when one of m, n, k is 1 and returns true; otherwise returns false.</summary>
    public static bool TryMultiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (k == 1) OuterProduct(transposeA, transposeB, m, n, alpha, a, lda, b, ldb, beta, c, ldc);
        else if (n == 1) MatrixVector(transposeA, transposeB, m, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else if (m == 1) VectorMatrix(transposeA, transposeB, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else return false;
        return true;
    }

    /// <summary>C = alpha a b^T + beta C, with a the single column of op(A) and b the single row of op(B).</summary>
    private static void OuterProduct(bool transposeA, bool transposeB, int m, int n, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        Span<float> row = n <= 1024 ? stackalloc float[n] : new float[n];
        for (int j = 0; j < n; j++) row[j] = transposeB ? b[j * ldb] : b[j];
        for (int i = 0; i < m; i++)
        {
            float ai = alpha * (transposeA ? a[i] : a[i * lda]);
            var ci = c.Slice(i * ldc, n);
            if (beta == 0) TensorPrimitives.Multiply(row, ai, ci);
            else
            {
                if (beta != 1) TensorPrimitives.Multiply(ci, beta, ci);
                TensorPrimitives.MultiplyAdd(row, ai, ci, ci);
            }
        }
    }

    /// <summary>c = alpha op(A) b + beta c, b the single column of op(B), c the single column of C.</summary>
    private static void MatrixVector(bool transposeA, bool transposeB, int m, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        Span<float> x = k <= 1024 ? stackalloc float[k] : new float[k];
        for (int p = 0; p < k; p++) x[p] = transposeB ? b[p] : b[p * ldb];
        if (!transposeA)
        {
            for (int i = 0; i < m; i++)
                c[i * ldc] = alpha * TensorPrimitives.Dot(a.Slice(i * lda, k), x) + (beta == 0 ? 0 : beta * c[i * ldc]);
            return;
        }
        // op(A) = A^T: A is k x m, so op(A) b = sum over p of b[p] * (row p of A)
        Span<float> sum = m <= 4096 ? stackalloc float[m] : new float[m];
        sum.Clear();
        for (int p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(a.Slice(p * lda, m), x[p], sum, sum);
        for (int i = 0; i < m; i++) c[i * ldc] = alpha * sum[i] + (beta == 0 ? 0 : beta * c[i * ldc]);
    }

    /// <summary>c = alpha a op(B) + beta c, a the single row of op(A), c the single row of C.</summary>
    private static void VectorMatrix(bool transposeA, bool transposeB, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        Span<float> x = k <= 1024 ? stackalloc float[k] : new float[k];
        for (int p = 0; p < k; p++) x[p] = transposeA ? a[p * lda] : a[p];
        var ci = c[..n];
        if (transposeB)
        {
            // op(B) = B^T: B is n x k, so entry j is row j of B dotted with a
            for (int j = 0; j < n; j++) ci[j] = alpha * TensorPrimitives.Dot(b.Slice(j * ldb, k), x) + (beta == 0 ? 0 : beta * ci[j]);
            return;
        }
        Span<float> sum = n <= 4096 ? stackalloc float[n] : new float[n];
        sum.Clear();
        for (int p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(b.Slice(p * ldb, n), x[p], sum, sum);
        if (beta == 0) TensorPrimitives.Multiply(sum, alpha, ci);
        else for (int j = 0; j < n; j++) ci[j] = alpha * sum[j] + beta * ci[j];
    }
}
