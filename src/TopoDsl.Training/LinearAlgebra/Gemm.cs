namespace TopoDsl.Training.LinearAlgebra;

public enum GemmBackend { OpenBlas, Managed }

/// <summary>PLACEHOLDER until the gemm branch lands: a naive row-major sgemm with the final API.</summary>
public static class Gemm
{
    public static GemmBackend Backend { get; set; } = GemmBackend.Managed;
    public static bool OpenBlasAvailable => false;
    public static int Threads { get; set; } = 1;

    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                    sum += (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
                c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
            }
    }
}
