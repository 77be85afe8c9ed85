using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>
/// The process-wide settings of <see cref="Gemm"/>, all in this class so that they run one after another. Other
/// tests pass their settings explicitly, so changing these does not disturb them.
/// </summary>
public sealed class GemmSettingsTests
{
    [Fact]
    public void The_default_backend_is_OpenBlas_exactly_when_the_library_loads_and_the_cpu_lacks_AVX512()
    {
        // Read before any test here changes it; no other test assigns Backend.
        bool avx512 = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
        var expected = Gemm.OpenBlasAvailable && !avx512 ? GemmBackend.OpenBlas : GemmBackend.Managed;
        Assert.Equal(expected, Gemm.DefaultBackend);
        Assert.Equal(expected, Gemm.Backend);
    }

    [Fact]
    public void The_public_entry_point_uses_the_selected_backend_and_thread_count()
    {
        var g = GemmCase.Create(true, false, 70, 50, 40, 1, 0);
        var (a, b, _) = g.Operands(5);
        var backends = Gemm.OpenBlasAvailable ? new[] { GemmBackend.Managed, GemmBackend.OpenBlas } : [GemmBackend.Managed];
        var original = (Gemm.Backend, Gemm.Threads);
        try
        {
            foreach (var backend in backends)
                foreach (int threads in new[] { 1, 2 })
                {
                    Gemm.Backend = backend;
                    Gemm.Threads = threads;
                    Assert.Equal(threads, Gemm.Threads);
                    var c = new float[g.M * g.Ldc];
                    Gemm.Multiply(g.TransposeA, g.TransposeB, g.M, g.N, g.K, g.Alpha, a, g.Lda, b, g.Ldb, g.Beta, c, g.Ldc);
                    var (expected, magnitudes) = ReferenceGemm.Multiply(g, a, b, c);
                    for (int i = 0; i < c.Length; i++)
                        Assert.True(Math.Abs(c[i] - expected[i]) <= ReferenceGemm.Tolerance(g.K, magnitudes[i]), $"{backend} {threads}t element {i}");
                }
        }
        finally
        {
            Gemm.Backend = original.Backend;
            Gemm.Threads = original.Threads;
        }
    }

    [Fact]
    public void Choosing_OpenBlas_without_the_library_is_an_error()
    {
        if (Gemm.OpenBlasAvailable) return; // nothing to check on a machine that has it
        var e = Assert.Throws<InvalidOperationException>(() => Gemm.Backend = GemmBackend.OpenBlas);
        Assert.Contains("libopenblas.so.0", e.Message);
    }

    [Fact]
    public void Threads_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>("value", () => Gemm.Threads = 0);
        Assert.Equal(1, Gemm.Threads); // the documented default, restored by the other tests here
    }

    [Fact]
    public void Unknown_backends_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>("value", () => Gemm.Backend = (GemmBackend)7);
}
