using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Diagrams;

/// <summary>The L_q distance between diagram points (birth, death) and from a point to the diagonal.</summary>
internal readonly struct GroundMetric
{
    private readonly double _q;
    private readonly double _diagonalFactor;

    /// <exception cref="ArgumentOutOfRangeException">q is NaN or below 1; reported under the caller's argument name.</exception>
    public GroundMetric(double q, [CallerArgumentExpression(nameof(q))] string? paramName = null)
    {
        if (double.IsNaN(q) || q < 1)
            throw new ArgumentOutOfRangeException(paramName, q, "the internal norm exponent must be >= 1 (or +infinity)");
        _q = q;
        // The nearest diagonal point of (b, d) is the midpoint ((b+d)/2, (b+d)/2): both coordinates differ by
        // (d-b)/2, so the L_q distance is 2^(1/q) (d-b)/2.
        _diagonalFactor = double.IsPositiveInfinity(q) ? 0.5 : Math.Pow(2, 1 / q - 1);
    }

    public double Distance(double birthA, double deathA, double birthB, double deathB)
    {
        var x = Math.Abs(birthA - birthB);
        var y = Math.Abs(deathA - deathB);
        if (double.IsPositiveInfinity(_q)) return Math.Max(x, y);
        if (_q == 1) return x + y;
        if (_q == 2) return Math.Sqrt(x * x + y * y);
        return Math.Pow(Math.Pow(x, _q) + Math.Pow(y, _q), 1 / _q);
    }

    public double ToDiagonal(double birth, double death) => (death - birth) * _diagonalFactor;

    public static double Power(double x, double p) => p switch
    {
        1 => x,
        2 => x * x,
        _ => Math.Pow(x, p),
    };
}
