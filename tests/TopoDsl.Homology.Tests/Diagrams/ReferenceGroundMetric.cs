namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>The L_q ground metric written out plainly, independently of the library's.</summary>
internal static class ReferenceGroundMetric
{
    public static double Distance(double b1, double d1, double b2, double d2, double q)
    {
        double x = Math.Abs(b1 - b2), y = Math.Abs(d1 - d2);
        return double.IsPositiveInfinity(q) ? Math.Max(x, y) : Math.Pow(Math.Pow(x, q) + Math.Pow(y, q), 1 / q);
    }

    /// <summary>The distance to the nearest diagonal point, which is the midpoint ((b+d)/2, (b+d)/2).</summary>
    public static double ToDiagonal(double birth, double death, double q)
    {
        var middle = (birth + death) / 2;
        return Distance(birth, death, middle, middle, q);
    }
}
