using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace TopoDsl.Landscape.Statistics;

/// <summary>
/// A least-squares line y = Slope x + Intercept with its R² and a confidence interval for the slope (Student's t
/// with n - 2 degrees of freedom): Tamim's "generalisation gap against total persistence" (claimed R² = 0.82).
/// </summary>
public sealed record LinearFit(double Slope, double Intercept, double RSquared, double SlopeLow, double SlopeHigh, double Confidence, int Count)
{
    /// <summary>Fits the line through the pairs (x[i], y[i]).</summary>
    /// <exception cref="ArgumentException">Fewer than 3 pairs, lists of different lengths, non-finite values, or all x equal.</exception>
    public static LinearFit Of(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} x values but {y.Count} y values", nameof(y));
        if (x.Count < 3) throw new ArgumentException($"{x.Count} pairs: a line with a confidence interval needs at least 3", nameof(x));
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence must lie strictly between 0 and 1");
        for (int i = 0; i < x.Count; i++)
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i])) throw new ArgumentException($"pair {i} ({x[i]}, {y[i]}) is not finite", nameof(x));
        double[] xs = [.. x], ys = [.. y];
        double meanX = xs.Average();
        double spread = xs.Sum(v => (v - meanX) * (v - meanX));
        if (!(spread > 0)) throw new ArgumentException("the x values have no spread (all equal, or equal to within rounding): no line fits a single x", nameof(x));

        var (intercept, slope) = Fit.Line(xs, ys);
        double residuals = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double r = ys[i] - (intercept + slope * xs[i]);
            residuals += r * r;
        }
        double rSquared = GoodnessOfFit.CoefficientOfDetermination(xs.Select(v => intercept + slope * v), ys);
        int freedom = xs.Length - 2;
        double standardError = Math.Sqrt(residuals / freedom / spread);
        double quantile = StudentT.InvCDF(0, 1, freedom, 1 - (1 - confidence) / 2);
        return new LinearFit(slope, intercept, rSquared, slope - quantile * standardError, slope + quantile * standardError, confidence, xs.Length);
    }
}
