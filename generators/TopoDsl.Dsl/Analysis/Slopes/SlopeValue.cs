namespace TopoDsl.Dsl.Analysis.Slopes;

/// <summary>
/// A non-negative value written as h^Order with h &gt;= 0 in [Low, High] and h's slope: sqrt of it is h^(Order/2),
/// whose slope stays bounded at 0 when Order &gt;= 2 although sqrt's does not.
/// </summary>
internal readonly record struct RootForm(double Order, double Low, double High, double Slope)
{
    /// <summary>The same value as a power of order <paramref name="order"/> &lt;= Order: h' = h^(Order/order).</summary>
    public RootForm At(double order)
    {
        double k = Order / order;
        return new(order, Math.Pow(Low, k), Math.Pow(High, k), Slopes.Product(k * Math.Pow(High, k - 1), Slope));
    }

    /// <summary>The slope of the value h^Order itself.</summary>
    public double ValueSlope => Slopes.Product(Order * Math.Pow(High, Order - 1), Slope);
}

/// <summary>
/// What the slope bound knows of a value over every input in the box: the interval every entry lies in, its shape,
/// a bound on its slope (|change| &lt;= Slope * the largest change of any input), and, for a non-negative value,
/// possibly a root form.
/// </summary>
internal readonly record struct SlopeValue(Shape Shape, double Low, double High, double Slope, RootForm? Root)
{
    public static SlopeValue Constant(double value) => new(Shape.Scalar, value, value, 0, null);

    public static readonly SlopeValue Unbounded = new(Shape.Unknown, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, null);

    public double Magnitude => Math.Max(Math.Abs(Low), Math.Abs(High));

    public double MinimumMagnitude => Low > 0 ? Low : High < 0 ? -High : 0;

    /// <summary>The value as h^order: from its root form, or itself (order 1) when never negative, or any root of a positive value.</summary>
    public RootForm? RootAt(double order)
    {
        if (Root is { } root && root.Order >= order) return root.At(order);
        if (Slope == 0 && Low >= 0) return new(order, Math.Pow(Low, 1 / order), Math.Pow(High, 1 / order), 0);   // a constant
        if (Low > 0 && !double.IsInfinity(High))
            return new(order, Math.Pow(Low, 1 / order), Math.Pow(High, 1 / order), Slopes.Product(Math.Pow(Low, 1 / order - 1) / order, Slope));
        if (order == 1 && Low >= 0) return new(1, Low, High, Slope);
        return null;
    }

    /// <summary>The best order this value has a root form of (constants and positive values: any).</summary>
    public double BestOrder => Slope == 0 && Low >= 0 || Low > 0 ? double.PositiveInfinity : Root?.Order ?? (Low >= 0 ? 1 : 0);

    /// <summary>With a root form, whose own slope bound may be the smaller one.</summary>
    public SlopeValue WithRoot(RootForm? root) => root is { } r
        ? this with { Root = r, Slope = Math.Min(Slope, r.ValueSlope) }
        : this with { Root = null };
}

internal static class Slopes
{
    /// <summary>a * b where 0 * infinity is 0: a constant factor of unbounded size still has no slope.</summary>
    public static double Product(double a, double b) => a == 0 || b == 0 ? 0 : a * b;
}
