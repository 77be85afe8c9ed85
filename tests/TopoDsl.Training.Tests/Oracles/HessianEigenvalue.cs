namespace TopoDsl.Training.Tests.Oracles;

/// <summary>
/// The Hessian eigenvalue of largest magnitude found by power iteration (signed Rayleigh quotient), the number of
/// Hessian-vector products it took and the relative change of the estimate in the last iteration.
/// </summary>
public sealed record HessianEigenvalue(double Eigenvalue, int Iterations, double RelativeChange);
