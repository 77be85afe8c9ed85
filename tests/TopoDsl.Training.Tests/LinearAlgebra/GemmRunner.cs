using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>One way of computing a product: a backend, a thread count and (managed) a micro-kernel.</summary>
internal sealed record GemmRunner(GemmBackend Backend, int Threads, ManagedKernel Kernel = ManagedKernel.Best)
{
    /// <summary>Runs <paramref name="g"/>; the managed backend shares even tiny products between threads so that tests reach that path.</summary>
    public void Run(GemmCase g, float[] a, float[] b, float[] c) =>
        Gemm.Multiply(Backend, Threads, Kernel, parallelThreshold: 0, g.TransposeA, g.TransposeB, g.M, g.N, g.K, g.Alpha,
            a, g.Lda, b, g.Ldb, g.Beta, c, g.Ldc);

    /// <summary>Every managed kernel this machine can run (a fixed-width kernel without hardware support falls back to software, except FMA intrinsics).</summary>
    public static IEnumerable<ManagedKernel> ManagedKernels()
    {
        yield return ManagedKernel.Portable;
        yield return ManagedKernel.Avx512;
        if (MicroKernelAvx2.IsSupported) yield return ManagedKernel.Avx2;
    }

    public override string ToString() => Backend == GemmBackend.Managed ? $"Managed/{Kernel}/{Threads}t" : $"OpenBlas/{Threads}t";
}
