namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Single-precision general matrix product on row-major storage, through OpenBLAS when it is installed and a
/// managed SIMD kernel otherwise. Both backends take the same arguments and validate them the same way.
/// </summary>
public static class Gemm
{
    private static volatile GemmBackend _backend = DefaultBackend;
    private static volatile int _threads = InitialThreads();

    /// <summary>
    /// C = alpha * op(A) * op(B) + beta * C, row-major; op(X) = X or X^T. A is m x k after op, B is k x n after op.
    /// lda/ldb/ldc are row strides (row-major leading dimensions). beta == 0 means C is overwritten (never read:
    /// NaNs in C must not leak). alpha == 0 or k == 0 reads neither A nor B.
    /// </summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Multiply(_backend, _threads, ManagedKernel.Best, ManagedGemm.ParallelThreshold,
            transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>The same product with every setting explicit, so that tests running in parallel share no state.</summary>
    internal static void Multiply(GemmBackend backend, int threads, ManagedKernel kernel, long parallelThreshold,
        bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmArguments.Validate(transposeA, transposeB, m, n, k, a, lda, b, ldb, c, ldc);
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0)
        {
            MatrixScaling.Scale(c, m, n, ldc, beta);
            return;
        }
        if (ThinProducts.TryMultiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        if (backend == GemmBackend.OpenBlas)
            OpenBlas.Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            ManagedGemm.Multiply(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, threads, kernel, parallelThreshold);
    }

    /// <summary>
    /// The backend a process starts with: <see cref="GemmBackend.OpenBlas"/> when libopenblas.so.0 loads, except on
    /// machines with AVX-512, where the managed kernel is faster than Debian's OpenBLAS build (about 0.77x its
    /// time on the training shapes: README, "The training engine"); <see cref="GemmBackend.Managed"/> otherwise.
    /// </summary>
    public static GemmBackend DefaultBackend =>
        OpenBlas.Available && !MicroKernelAvx512.IsSupported ? GemmBackend.OpenBlas : GemmBackend.Managed;

    /// <summary>The backend in use; starts as <see cref="DefaultBackend"/>.</summary>
    public static GemmBackend Backend
    {
        get => _backend;
        set
        {
            if (!Enum.IsDefined(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "unknown GEMM backend");
            if (value == GemmBackend.OpenBlas && !OpenBlas.Available)
                throw new InvalidOperationException($"the OpenBLAS backend needs {OpenBlas.LibraryName}, which did not load (apt-get install libopenblas0-pthread)");
            _backend = value;
        }
    }

    public static bool OpenBlasAvailable => OpenBlas.Available;

    /// <summary>
    /// Worker threads of one product, for both backends (the setter also calls openblas_set_num_threads). Default 1.
    /// The managed backend never uses more; it uses fewer when a product is too small to share.
    /// </summary>
    public static int Threads
    {
        get => _threads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _threads = value;
            OpenBlas.SetThreads(value);
        }
    }

    // OpenBLAS starts with one thread per core; the documented default is 1 for both backends.
    private static int InitialThreads()
    {
        OpenBlas.SetThreads(1);
        return 1;
    }
}
