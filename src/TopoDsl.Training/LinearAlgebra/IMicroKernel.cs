namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// A register-blocked kernel: one <see cref="Rows"/> x <see cref="Columns"/> tile of C from a packed A panel
/// (kc steps of <see cref="Rows"/> values) and a packed B panel (kc steps of <see cref="Columns"/> values).
/// Implemented by structs so that <see cref="ManagedGemm"/> is specialised and the kernel inlined per shape.
/// </summary>
internal unsafe interface IMicroKernel
{
    static abstract int Rows { get; }

    static abstract int Columns { get; }

    static abstract bool IsSupported { get; }

    /// <summary>c[i, j] = alpha * sum_p a[p, i] * b[p, j] + beta * c[i, j]; C is not read when beta == 0.</summary>
    static abstract void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta);
}
