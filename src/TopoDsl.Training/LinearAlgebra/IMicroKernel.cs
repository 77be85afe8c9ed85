namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// A register-blocked kernel: one <see cref="Rows"/> x <see cref="Columns"/> tile of C from an A panel (element
/// (i, p) at a + i * aRowStride + p * aStep: packed, or read in place) and a packed B panel (kc steps of
/// <see cref="Columns"/> values).
/// Implemented by structs so that <see cref="ManagedGemm"/> is specialised and the kernel inlined per shape.
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int Rows { get; }

    static abstract int Columns { get; }

    static abstract bool IsSupported { get; }

    /// <summary>c[i, j] = alpha * sum_p A(i, p) * b[p, j] + beta * c[i, j]; C is not read when beta == 0.</summary>
    static abstract void Run(int kc, float* a, nint aRowStride, nint aStep, float* b, float* c, nint ldc, float alpha, float beta);
}
