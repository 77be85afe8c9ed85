using MathNet.Numerics.LinearAlgebra;
using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.SecondOrder;

/// <summary>The top Hessian eigenvalue K, and the step sizes the theory reads off it.</summary>
public sealed record SharpnessResult(double TopEigenvalue, int Iterations, bool Converged)
{
    /// <summary>η* = 1/K: below it Yang et al.'s theorem makes the neuron map bi-Lipschitz (topology is kept).</summary>
    public double CriticalLearningRate => 1 / TopEigenvalue;

    /// <summary>2/K: gradient descent on the local quadratic diverges above it (the edge of stability).</summary>
    public double EdgeOfStabilityLearningRate => 2 / TopEigenvalue;
}

/// <summary>
/// The largest (most positive) eigenvalue of the loss Hessian by Lanczos iteration with full
/// reorthogonalisation on exact Hessian-vector products. Unlike power iteration it is not pulled towards a
/// negative eigenvalue of larger magnitude, and it converges in far fewer products.
/// </summary>
public static class Sharpness
{
    public static SharpnessResult TopEigenvalue(Func<Tensor> loss, IReadOnlyList<Tensor> parameters,
        int maxIterations = 60, double tolerance = 1e-5, ulong seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        int size = parameters.Sum(p => p.Count);
        if (size == 0) throw new ArgumentException("no parameters", nameof(parameters));
        EnsureFiniteLoss(loss);
        var rng = new Rng(seed);
        var basis = new List<double[]>();
        var alphas = new List<double>();
        var betas = new List<double>();
        var q = new double[size];
        for (int i = 0; i < size; i++) q[i] = rng.Normal();
        Scale(q, 1 / Norm(q));

        double previous = double.NaN;
        int iterations = Math.Min(maxIterations, size);
        for (int k = 0; k < iterations; k++)
        {
            basis.Add(q);
            double[] w;
            using (StepMemory.Begin()) w = Flatten(Hessian.VectorProduct(loss, parameters, Split(q, parameters)));
            EnsureFinite(w, k);
            double alpha = Dot(w, q);
            alphas.Add(alpha);
            foreach (var b in basis) Axpy(-Dot(w, b), b, w); // full reorthogonalisation (covers the alpha and beta terms)
            foreach (var b in basis) Axpy(-Dot(w, b), b, w); // twice is enough (Kahan)

            double top = LargestRitzValue(alphas, betas);
            if (k > 0 && Math.Abs(top - previous) <= tolerance * Math.Max(1, Math.Abs(top)))
                return new SharpnessResult(top, k + 1, Converged: true);
            previous = top;

            double beta = Norm(w);
            if (beta <= 1e-12 * Math.Max(1, Math.Abs(top))) return new SharpnessResult(top, k + 1, Converged: true); // invariant subspace
            betas.Add(beta);
            Scale(w, 1 / beta);
            q = w;
        }
        return new SharpnessResult(previous, iterations, Converged: iterations == size);
    }

    /// <summary>
    /// A NaN or infinite loss has no Hessian: refuse it here, with the reason, rather than let the NaN reach the
    /// eigensolver, which fails with an index error from inside MathNet.
    /// </summary>
    private static void EnsureFiniteLoss(Func<Tensor> loss)
    {
        float value;
        using (StepMemory.Begin())
        using (GradMode.Disable())
            value = loss().ToScalar();
        if (!float.IsFinite(value))
            throw new NonFiniteCurvatureException(
                $"the loss is {value} at these parameters, so its Hessian has no eigenvalues; check the parameters and the data for NaN or infinite values");
    }

    private static void EnsureFinite(double[] hessianTimesVector, int step)
    {
        int at = Array.FindIndex(hessianTimesVector, x => !double.IsFinite(x));
        if (at >= 0)
            throw new NonFiniteCurvatureException(
                $"the Hessian-vector product of Lanczos step {step + 1} is {hessianTimesVector[at]} at parameter entry {at}, although the loss is finite: " +
                "the second derivatives overflow or are undefined at these parameters");
    }

    private static double LargestRitzValue(List<double> alphas, List<double> betas)
    {
        int n = alphas.Count;
        var t = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            t[i, i] = alphas[i];
            if (i + 1 < n)
            {
                t[i, i + 1] = betas[i];
                t[i + 1, i] = betas[i];
            }
        }
        return t.Evd(Symmetricity.Symmetric).EigenValues.Real().Maximum();
    }

    private static double[] Flatten(IReadOnlyList<Tensor> parts)
    {
        var flat = new double[parts.Sum(p => p.Count)];
        int at = 0;
        foreach (var p in parts)
            foreach (float v in p.Data) flat[at++] = v;
        return flat;
    }

    private static IReadOnlyList<Tensor> Split(double[] flat, IReadOnlyList<Tensor> like)
    {
        var parts = new List<Tensor>();
        int at = 0;
        foreach (var p in like)
        {
            var values = new float[p.Count];
            for (int i = 0; i < values.Length; i++) values[i] = (float)flat[at++];
            parts.Add(new Tensor(values, p.Shape.ToArray()));
        }
        return parts;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Scale(double[] a, double factor)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= factor;
    }

    private static void Axpy(double factor, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += factor * x[i];
    }
}
