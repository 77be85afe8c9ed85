using System.Runtime.InteropServices;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// cblas_sgemm and openblas_set_num_threads from Debian's libopenblas.so.0 (32-bit integers), resolved at run time:
/// a missing library leaves <see cref="Available"/> false instead of failing at type load.
/// </summary>
internal static unsafe class OpenBlas
{
    public const string LibraryName = "libopenblas.so.0";

    private const int RowMajor = 101;
    private const int NoTranspose = 111;
    private const int Transpose = 112;

    private static readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> Sgemm;
    private static readonly delegate* unmanaged<int, void> SetNumThreads;

    static OpenBlas()
    {
        if (!NativeLibrary.TryLoad(LibraryName, typeof(OpenBlas).Assembly, null, out var handle)) return;
        if (!NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm)) return;
        if (!NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var setThreads)) return;
        Sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
        SetNumThreads = (delegate* unmanaged<int, void>)setThreads;
    }

    public static bool Available => Sgemm != null;

    public static void SetThreads(int threads)
    {
        if (Available) SetNumThreads(threads);
    }

    /// <summary>Calls cblas_sgemm; the caller has validated every size and stride against the spans.</summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (!Available) throw new InvalidOperationException($"{LibraryName} is not loaded");
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Sgemm(RowMajor, transposeA ? Transpose : NoTranspose, transposeB ? Transpose : NoTranspose,
                m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }
}
