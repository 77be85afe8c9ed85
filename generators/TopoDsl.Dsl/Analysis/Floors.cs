namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Lower bounds of values as float32 computes them, as a double: <see cref="None"/> (nothing known), 0 (never
/// negative, may be 0) or c &gt; 0 (at least c). A positive bound below <see cref="SmallestPositive"/> counts as
/// 0: a float product or quotient of such values can underflow to zero (eps = 1e-300 is 0 in float32).
/// </summary>
internal static class Floors
{
    public const double None = double.NegativeInfinity;

    public const double SmallestPositive = 1e-30;

    /// <summary>Rounds a bound computed in real arithmetic down to one float32 results are sure to respect.</summary>
    public static double Normalize(double x) =>
        double.IsNaN(x) ? None : x >= SmallestPositive ? x * (1 - 1e-6) : x >= 0 ? 0 : None;

    /// <summary>Both non-negative: a float sum is at least the larger bound (rounding is monotone).</summary>
    public static double Add(double a, double b) => a >= 0 && b >= 0 ? Math.Max(a, b) : None;

    public static double Multiply(double a, double b) => a >= 0 && b >= 0 ? Normalize(a * b) : None;

    /// <summary>A quotient of non-negatives by a positive is non-negative, but tends to 0 as the divisor grows.</summary>
    public static double Divide(double a, double b) => a >= 0 && b > 0 ? 0 : None;

    public static double Magnitude(double x) => x >= 0 ? x : 0;
}
