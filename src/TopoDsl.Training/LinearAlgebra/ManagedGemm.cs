namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// The managed backend: chooses a micro-kernel and splits C between threads. Arguments are validated by
/// <see cref="Gemm"/>; m, n and k are positive and alpha is non-zero here.
/// </summary>
internal static unsafe class ManagedGemm
{
    // Below this many multiply-adds a product takes a few microseconds, less than waking a second thread.
    public const long ParallelThreshold = 1L << 20;

    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        int threads, ManagedKernel kernel, long parallelThreshold)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var problem = new GemmProblem(new StridedMatrix(pa, lda, transposeA), new StridedMatrix(pb, ldb, transposeB),
                pc, ldc, m, n, k, alpha, beta);
            switch (Resolve(kernel))
            {
                case ManagedKernel.Avx512: Run<MicroKernelAvx512>(problem, threads, parallelThreshold); break;
                case ManagedKernel.Avx2: Run<MicroKernelAvx2>(problem, threads, parallelThreshold); break;
                default: Run<MicroKernelPortable>(problem, threads, parallelThreshold); break;
            }
        }
    }

    private static ManagedKernel Resolve(ManagedKernel kernel) => kernel switch
    {
        ManagedKernel.Best when MicroKernelAvx512.IsSupported => ManagedKernel.Avx512,
        ManagedKernel.Best when MicroKernelAvx2.IsSupported => ManagedKernel.Avx2,
        ManagedKernel.Best => ManagedKernel.Portable,
        _ => kernel,
    };

    private static void Run<TKernel>(GemmProblem problem, int threads, long parallelThreshold) where TKernel : struct, IMicroKernel
    {
        int parts = Partition.Count(problem, threads, TKernel.Rows, TKernel.Columns, parallelThreshold);
        if (parts == 1)
        {
            BlockedProduct<TKernel>.Run(problem, 0, problem.M, 0, problem.N);
            return;
        }
        var split = Partition.Split(problem, parts, TKernel.Rows, TKernel.Columns);
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var (rowStart, rows, colStart, columns) = split.Block(part);
            if (rows > 0 && columns > 0) BlockedProduct<TKernel>.Run(problem, rowStart, rows, colStart, columns);
        });
    }
}
