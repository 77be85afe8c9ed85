namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// The root order r of a non-negative value x: x = h^r for some non-negative, locally Lipschitz h (r &gt;= 1).
/// A root x^(1/k) is then Lipschitz when r/k &gt;= 1: sqrt(g^2 + v) is a norm although sqrt is not Lipschitz at 0.
/// <see cref="Unknown"/> (0) for values that can be negative; <see cref="Any"/> (+inf) for values bounded away
/// from zero, whose every root is locally Lipschitz.
/// </summary>
internal static class RootOrders
{
    public const double Unknown = 0;

    public const double Any = double.PositiveInfinity;

    /// <summary>h^r1 + h'^r2, h^r1 * h'^r2, max and min of them all have order min(r1, r2) (r-norms, products).</summary>
    public static double Combine(double a, double b) => a >= 1 && b >= 1 ? Math.Min(a, b) : Unknown;

    /// <summary>Every non-negative Lipschitz value is its own first power.</summary>
    public static double AtLeastOne(double order) => Math.Max(1, order);
}
