using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis.Slopes;

/// <summary>Interval, slope and root-form transfer of each operation; a breach of <see cref="LipschitzRules"/> gives an infinite slope.</summary>
internal sealed partial class SlopeInterpreter
{
    private static readonly SlopeValue Breach = SlopeValue.Unbounded;

    private SlopeValue Binary(BoundBinary binary)
    {
        if (binary.Operator == BinaryOperator.Multiply) return Product(binary);
        var x = Evaluate(binary.Left);
        var y = Evaluate(binary.Right);
        return binary.Operator switch
        {
            BinaryOperator.Add => Add(x, y),
            BinaryOperator.Subtract => new SlopeValue(Broadcast(x, y), x.Low - y.High, x.High - y.Low, x.Slope + y.Slope, null),
            BinaryOperator.Divide => Divide(x, y),
            BinaryOperator.Power => Power(x, y),
            BinaryOperator.MatMul => MatMul(x, y),
            _ => Breach,
        };
    }

    private static Shape Broadcast(SlopeValue x, SlopeValue y) => x.Shape.IsTensor ? x.Shape : y.Shape;

    private static SlopeValue Add(SlopeValue x, SlopeValue y)
    {
        var sum = new SlopeValue(Broadcast(x, y), x.Low + y.Low, x.High + y.High, x.Slope + y.Slope, null);
        double order = Math.Min(x.BestOrder, y.BestOrder);
        if (order < 1 || double.IsInfinity(order)) return order >= 1 ? sum.WithRoot(sum.RootAt(1)) : sum;
        var a = x.RootAt(order)!.Value;
        var b = y.RootAt(order)!.Value;
        double Norm(double u, double v) => Math.Pow(Math.Pow(u, order) + Math.Pow(v, order), 1 / order);
        return sum.WithRoot(new RootForm(order, Norm(a.Low, b.Low), Norm(a.High, b.High), a.Slope + b.Slope));
    }

    /// <summary>A chain of products as powers of its distinct factors, as the verdict reads it: c * g * g is c * g^2.</summary>
    private SlopeValue Product(BoundBinary product)
    {
        var factors = new List<BoundExpr>();
        Collect(product, factors);
        SlopeValue? result = null;
        foreach (var group in factors.GroupBy(Terms.Of))
        {
            var power = IntegerPower(Evaluate(group.First()), group.Count());
            result = result is { } r ? Multiply(r, power) : power;
        }
        return result!.Value;

        static void Collect(BoundExpr e, List<BoundExpr> into)
        {
            if (e is BoundBinary { Operator: BinaryOperator.Multiply } m) { Collect(m.Left, into); Collect(m.Right, into); }
            else into.Add(e);
        }
    }

    private static SlopeValue Multiply(SlopeValue x, SlopeValue y)
    {
        var corners = new[] { x.Low * y.Low, x.Low * y.High, x.High * y.Low, x.High * y.High }.Where(c => !double.IsNaN(c)).DefaultIfEmpty(double.NaN);
        double slope = Slopes.Product(x.Magnitude, y.Slope) + Slopes.Product(y.Magnitude, x.Slope);
        var product = new SlopeValue(Broadcast(x, y), corners.Min(), corners.Max(), slope, null);
        if (double.IsNaN(product.Low)) return Breach;
        double order = Math.Min(x.BestOrder, y.BestOrder);
        if (order < 1) return product;
        if (double.IsInfinity(order)) return product.WithRoot(product.RootAt(1));
        var a = x.RootAt(order)!.Value;
        var b = y.RootAt(order)!.Value;
        return product.WithRoot(new RootForm(order, a.Low * b.Low, a.High * b.High, Slopes.Product(a.High, b.Slope) + Slopes.Product(b.High, a.Slope)));
    }

    private static SlopeValue Divide(SlopeValue x, SlopeValue y)
    {
        double m = y.MinimumMagnitude;
        if (!(m >= Floors.SmallestPositive)) return Breach;
        var reciprocal = new SlopeValue(y.Shape, 1 / y.High, 1 / y.Low, y.Slope / (m * m), null);
        return Multiply(x, reciprocal);
    }

    private SlopeValue MatMul(SlopeValue a, SlopeValue b)
    {
        if (!a.Shape.IsTensor || !b.Shape.IsTensor) return Breach;
        int k = AxisLength(a.Shape.Second);
        var entry = Multiply(a with { Root = null }, b with { Root = null });
        return new SlopeValue(new Shape(ShapeKind.Tensor, a.Shape.First, b.Shape.Second),
            Math.Min(entry.Low, k * entry.Low), Math.Max(entry.High, k * entry.High), k * entry.Slope, null);
    }

    private SlopeValue Power(SlopeValue x, SlopeValue y)
    {
        if (y.Slope == 0 && y.Low == y.High && !double.IsInfinity(y.Low))
        {
            double e = y.Low;
            return e == Math.Floor(e) && e >= 0 && e <= int.MaxValue ? IntegerPower(x, (int)e) : ConstantPower(x, e);
        }
        return VaryingPower(x, y);
    }

    /// <summary>x^k for a whole k: a polynomial; an even k is |x|^k, a square.</summary>
    private static SlopeValue IntegerPower(SlopeValue x, int k)
    {
        if (k == 0) return SlopeValue.Constant(1) with { Shape = x.Shape };
        if (k == 1) return x;
        double lo = Math.Pow(x.Low, k), hi = Math.Pow(x.High, k);
        bool even = k % 2 == 0;
        double low = even && x.Low <= 0 && x.High >= 0 ? 0 : Math.Min(lo, hi);
        var value = new SlopeValue(x.Shape, low, Math.Max(lo, hi), Slopes.Product(k * Math.Pow(x.Magnitude, k - 1), x.Slope), null);
        if (x.Low >= 0)
        {
            double order = x.BestOrder;
            return double.IsInfinity(order) ? value.WithRoot(value.RootAt(1)) : value.WithRoot(Raise(x.RootAt(order)!.Value, k));
        }
        return even ? value.WithRoot(new RootForm(k, x.MinimumMagnitude, x.Magnitude, x.Slope)) : value;
    }

    private static RootForm Raise(RootForm root, double e) => root with { Order = root.Order * e };

    /// <summary>x^e for a constant e that is negative or fractional: x must stay positive, or be a power h^r with r·e &gt;= 1.</summary>
    private static SlopeValue ConstantPower(SlopeValue x, double e)
    {
        if (e < 0)
        {
            if (!(x.Low >= Floors.SmallestPositive) && !(x.High <= -Floors.SmallestPositive && e == Math.Floor(e))) return Breach;
            double m = x.MinimumMagnitude;
            double a = Math.Pow(x.Low, e), b = Math.Pow(x.High, e);
            return new SlopeValue(x.Shape, Math.Min(a, b), Math.Max(a, b), Slopes.Product(-e * Math.Pow(m, e - 1), x.Slope), null);
        }
        if (x.Low < 0) return Breach;   // NaN
        var value = new SlopeValue(x.Shape, Math.Pow(x.Low, e), Math.Pow(x.High, e), double.PositiveInfinity, null);
        if (e >= 1) value = value with { Slope = Slopes.Product(e * Math.Pow(x.High, e - 1), x.Slope) };
        else if (x.Low > 0) value = value with { Slope = Slopes.Product(e * Math.Pow(x.Low, e - 1), x.Slope) };
        else if (x.Slope == 0) value = value with { Slope = 0 };
        double order = x.BestOrder;
        if (double.IsInfinity(order)) return value.WithRoot(value.RootAt(1));
        if (order * e < 1) return value.Slope < double.PositiveInfinity ? value : Breach;
        return value.WithRoot(Raise(x.RootAt(order)!.Value, e));
    }

    /// <summary>x^y = exp(y ln x) for an exponent that is not one known constant: x positive, or x &gt;= 0 and y &gt;= 1.</summary>
    private static SlopeValue VaryingPower(SlopeValue x, SlopeValue y)
    {
        if (!(x.Low > 0 || x.Low >= 0 && y.Low >= 1) || double.IsInfinity(y.Low) || double.IsInfinity(y.High)) return Breach;
        var powers = Corners(x, y, (b, e) => Math.Pow(b, e));
        var derivative = Corners(x, y, (b, e) => Math.Pow(b, e - 1));
        double logMagnitude = Math.Max(Math.Abs(Math.Log(x.Low)), Math.Abs(Math.Log(x.High)));
        double slope = Slopes.Product(Math.Max(Math.Abs(y.Low), Math.Abs(y.High)) * derivative.Max(), x.Slope)
            + Slopes.Product(powers.Max() * logMagnitude, y.Slope);
        var value = new SlopeValue(Broadcast(x, y), powers.Min(), powers.Max(), slope, null);
        return double.IsNaN(slope) ? Breach : value.WithRoot(value.RootAt(1));
    }

    private static double[] Corners(SlopeValue x, SlopeValue y, Func<double, double, double> f) =>
        [f(x.Low, y.Low), f(x.Low, y.High), f(x.High, y.Low), f(x.High, y.High)];
}
