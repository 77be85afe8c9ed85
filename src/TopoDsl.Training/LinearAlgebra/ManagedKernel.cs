namespace TopoDsl.Training.LinearAlgebra;

/// <summary>The micro-kernels of the managed backend; tests pick one explicitly to cover all of them.</summary>
internal enum ManagedKernel
{
    /// <summary>The widest kernel the hardware accelerates.</summary>
    Best,
    Avx512,
    Avx2,
    Portable,
}
