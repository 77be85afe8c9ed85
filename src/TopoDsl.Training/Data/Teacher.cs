namespace TopoDsl.Training.Data;

/// <summary>A one-hidden-layer sigmoid teacher: y(x) = Σ_k v_k σ(u_k · x), in double precision.</summary>
public sealed class Teacher
{
    private readonly double[] _u;
    private readonly double[] _v;

    /// <param name="u">Row k is u_k: [width, inputDimension] row-major.</param>
    /// <param name="v">v_k for each of the width hidden units.</param>
    public Teacher(double[] u, double[] v, int inputDimension)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDimension);
        if (u.Length != v.Length * inputDimension)
            throw new ArgumentException($"u has {u.Length} weights but {v.Length} units of input dimension {inputDimension} need {v.Length * inputDimension}");
        _u = u;
        _v = v;
        InputDimension = inputDimension;
    }

    public int Width => _v.Length;

    public int InputDimension { get; }

    /// <summary>u as [width, inputDimension] row-major.</summary>
    public ReadOnlySpan<double> U => _u;

    public ReadOnlySpan<double> V => _v;

    public double Evaluate(ReadOnlySpan<double> x)
    {
        if (x.Length != InputDimension)
            throw new ArgumentException($"teacher takes inputs of dimension {InputDimension}, not {x.Length}", nameof(x));
        double y = 0;
        for (int k = 0; k < _v.Length; k++)
        {
            double activation = 0;
            for (int d = 0; d < x.Length; d++) activation += _u[k * InputDimension + d] * x[d];
            y += _v[k] * Sigmoid(activation);
        }
        return y;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
