namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>Central finite differences in double precision over flattened parameter lists.</summary>
internal static class FiniteDifferences
{
    public static double[][] Gradient(Func<double[][], double> f, double[][] at, double step = 1e-6) =>
        at.Select((p, i) => p.Select((_, j) => Central(x => f(x), at, i, j, step)).ToArray()).ToArray();

    /// <summary>The Jacobian of a flattened gradient, symmetrised: the Hessian.</summary>
    public static double[,] Hessian(Func<double[][], double[]> gradient, double[][] at, double step = 1e-5)
    {
        var size = at.Sum(p => p.Length);
        var hessian = new double[size, size];
        var column = 0;
        for (var i = 0; i < at.Length; i++)
            for (var j = 0; j < at[i].Length; j++, column++)
            {
                var plus = gradient(Shifted(at, i, j, step));
                var minus = gradient(Shifted(at, i, j, -step));
                for (var row = 0; row < size; row++) hessian[row, column] = (plus[row] - minus[row]) / (2 * step);
            }
        for (var r = 0; r < size; r++)
            for (var c = 0; c < r; c++) hessian[r, c] = hessian[c, r] = (hessian[r, c] + hessian[c, r]) / 2;
        return hessian;
    }

    private static double Central(Func<double[][], double> f, double[][] at, int i, int j, double step) =>
        (f(Shifted(at, i, j, step)) - f(Shifted(at, i, j, -step))) / (2 * step);

    private static double[][] Shifted(double[][] at, int i, int j, double step)
    {
        var copy = at.Select(p => (double[])p.Clone()).ToArray();
        copy[i][j] += step;
        return copy;
    }
}
