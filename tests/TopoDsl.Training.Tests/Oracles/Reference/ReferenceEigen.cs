using MathNet.Numerics.LinearAlgebra;

namespace TopoDsl.Training.Tests.Oracles.Reference;

internal static class ReferenceEigen
{
    /// <summary>The eigenvalue of largest magnitude of a symmetric matrix (MathNet's symmetric eigensolver).</summary>
    public static double LargestMagnitude(double[,] symmetric) =>
        Matrix<double>.Build.DenseOfArray(symmetric).Evd(Symmetricity.Symmetric).EigenValues
            .Select(e => e.Real).MaxBy(Math.Abs);

    public static double[] All(double[,] symmetric) =>
        Matrix<double>.Build.DenseOfArray(symmetric).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();
}
