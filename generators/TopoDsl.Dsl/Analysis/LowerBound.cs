namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// What is known about a value from below: <see cref="Positive"/> means bounded away from zero (>= some c > 0),
/// <see cref="NonNegative"/> means >= 0 (it may reach zero, e.g. exp(x) or norm(x)), <see cref="Any"/> nothing.
/// Ordered so that a larger value carries more information.
/// </summary>
public enum LowerBound { Any, NonNegative, Positive }

/// <summary>The transfer functions of the lower-bound lattice; each is sound for every real input.</summary>
internal static class LowerBounds
{
    public static LowerBound OfConstant(double? value) => value switch
    {
        > 0 => LowerBound.Positive,
        0 => LowerBound.NonNegative,
        _ => LowerBound.Any,
    };

    public static LowerBound Meet(LowerBound a, LowerBound b) => a < b ? a : b;

    public static LowerBound Join(LowerBound a, LowerBound b) => a > b ? a : b;

    /// <summary>a + b >= lower(a) + lower(b): positive when one is positive and the other non-negative.</summary>
    public static LowerBound Add(LowerBound a, LowerBound b) =>
        a == LowerBound.Any || b == LowerBound.Any ? LowerBound.Any : Join(a, b);

    public static LowerBound Multiply(LowerBound a, LowerBound b) =>
        a == LowerBound.Any || b == LowerBound.Any ? LowerBound.Any : Meet(a, b);

    /// <summary>A quotient of positives is positive but can tend to zero (large denominators).</summary>
    public static LowerBound Divide(LowerBound a, LowerBound b) =>
        a != LowerBound.Any && b == LowerBound.Positive ? LowerBound.NonNegative : LowerBound.Any;

    /// <summary>x^e: even integer exponents give >= 0; a positive base with a non-negative literal exponent stays positive.</summary>
    public static LowerBound Power(LowerBound @base, double? exponent)
    {
        if (@base == LowerBound.Positive && exponent >= 0) return LowerBound.Positive;
        if (exponent is { } e && e == Math.Floor(e) && e % 2 == 0) return LowerBound.NonNegative;
        return @base == LowerBound.Any ? LowerBound.Any : LowerBound.NonNegative;
    }

    /// <summary>sqrt, abs and square: non-negative, and bounded away from zero when the argument is.</summary>
    public static LowerBound Magnitude(LowerBound x) => x == LowerBound.Positive ? LowerBound.Positive : LowerBound.NonNegative;
}
