namespace TopoDsl.Training.LinearAlgebra;

/// <summary>Which implementation <see cref="Gemm.Multiply"/> runs.</summary>
public enum GemmBackend
{
    /// <summary>Debian's libopenblas.so.0 through cblas_sgemm.</summary>
    OpenBlas,

    /// <summary>The cache-blocked SIMD kernel written in C# (no native dependency).</summary>
    Managed,
}
