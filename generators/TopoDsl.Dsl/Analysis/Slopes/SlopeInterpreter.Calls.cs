using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Analysis.Slopes;

/// <summary>Functions, where and reductions of the slope bound.</summary>
internal sealed partial class SlopeInterpreter
{
    private SlopeValue Call(BoundCall call)
    {
        switch (call.Function)
        {
            case Function.Randn: return new SlopeValue(Shape.Parameter, -GaussianBound, GaussianBound, 0, null);
            case Function.Rand: return new SlopeValue(Shape.Parameter, 0, 1, 0, null);
            case Function.Where: return Where(call);
            case Function.Roll or Function.Cumsum or Function.Sort or Function.Flip: return Breach;
        }
        var args = call.Arguments.Select(Evaluate).ToArray();
        var x = args[0];
        return call.Function switch
        {
            Function.Transpose => x with { Shape = x.Shape.Transposed() },
            Function.Sqrt => ConstantPower(x, 0.5),
            Function.Square => IntegerPower(x, 2),
            Function.Abs => new SlopeValue(x.Shape, x.MinimumMagnitude, x.Magnitude, x.Slope, null).WithRoot(x.Low >= 0 ? x.Root : null),
            Function.Relu => new SlopeValue(x.Shape, Math.Max(x.Low, 0), Math.Max(x.High, 0), x.Slope, null).WithRoot(x.Low >= 0 ? x.Root : null),
            Function.Sign or Function.Floor or Function.Round when x.Slope > 0 => Breach,
            Function.Sign => Constant(x, Math.Sign(x.Low), Math.Sign(x.High)),
            Function.Floor => Constant(x, Math.Floor(x.Low), Math.Floor(x.High)),
            Function.Round => Constant(x, Math.Round(x.Low), Math.Round(x.High)),
            Function.Exp => Monotone(x, Math.Exp, Slopes.Product(Math.Exp(x.High), x.Slope)),
            Function.Log when !(x.Low >= Floors.SmallestPositive) => Breach,
            Function.Log => Monotone(x, Math.Log, Slopes.Product(1 / x.Low, x.Slope)),
            Function.Tanh => Monotone(x, Math.Tanh, x.Slope),
            Function.Sigmoid => Monotone(x, v => 1 / (1 + Math.Exp(-v)), x.Slope / 4),
            Function.Min => Extreme(x, args[1], Math.Min),
            Function.Max => Extreme(x, args[1], Math.Max),
            Function.Clamp => Extreme(Extreme(x, args[1], Math.Max), args[2], Math.Min),
            _ => Breach,
        };
    }

    private static SlopeValue Constant(SlopeValue x, double low, double high) => new(x.Shape, low, high, 0, null);

    private static SlopeValue Monotone(SlopeValue x, Func<double, double> f, double slope)
    {
        var value = new SlopeValue(x.Shape, f(x.Low), f(x.High), slope, null);
        return double.IsNaN(value.Low) || double.IsNaN(value.High) ? Breach : value.WithRoot(value.RootAt(1));
    }

    /// <summary>min and max: 1-Lipschitz in each argument; of two powers h^r, the power of the min or max of the h.</summary>
    private static SlopeValue Extreme(SlopeValue x, SlopeValue y, Func<double, double, double> pick)
    {
        var value = new SlopeValue(x.Shape.IsTensor ? x.Shape : y.Shape, pick(x.Low, y.Low), pick(x.High, y.High), Math.Max(x.Slope, y.Slope), null);
        double order = Math.Min(x.BestOrder, y.BestOrder);
        if (order < 1 || double.IsInfinity(order)) return value.WithRoot(value.RootAt(1));
        var a = x.RootAt(order)!.Value;
        var b = y.RootAt(order)!.Value;
        return value.WithRoot(new RootForm(order, pick(a.Low, b.Low), pick(a.High, b.High), Math.Max(a.Slope, b.Slope)));
    }

    /// <summary>
    /// where on a condition that moves with the inputs is Lipschitz only when the branches agree where it switches
    /// (the same check as the verdict's); then a path crossing the boundary pays each branch's slope on its part.
    /// </summary>
    private SlopeValue Where(BoundCall call)
    {
        var a = Evaluate(call.Arguments[1]);
        var b = Evaluate(call.Arguments[2]);
        if (call.Arguments[0] is not BoundCompare compare) return Breach;
        var left = Evaluate(compare.Left);
        var right = Evaluate(compare.Right);
        if (left.Slope + right.Slope > 0 && !Continuity.BranchesAgreeOnBoundary(compare, call.Arguments[1], call.Arguments[2])) return Breach;
        var shape = a.Shape.IsTensor ? a.Shape : b.Shape.IsTensor ? b.Shape : left.Shape.IsTensor ? left.Shape : right.Shape;
        var value = new SlopeValue(shape, Math.Min(a.Low, b.Low), Math.Max(a.High, b.High), Math.Max(a.Slope, b.Slope), null);
        double order = Math.Min(a.BestOrder, b.BestOrder);
        if (order < 1 || double.IsInfinity(order)) return value.WithRoot(value.RootAt(1));
        // Branches h1^r and h2^r that agree on the boundary have h1 = h2 there (both >= 0): where of the h is continuous too.
        var ra = a.RootAt(order)!.Value;
        var rb = b.RootAt(order)!.Value;
        return value.WithRoot(new RootForm(order, Math.Min(ra.Low, rb.Low), Math.Max(ra.High, rb.High), Math.Max(ra.Slope, rb.Slope)));
    }

    private SlopeValue Reduction(BoundReduction reduction)
    {
        var x = Evaluate(reduction.Operand);
        if (x.Shape.Kind == ShapeKind.Array) return ArrayReduction(reduction);
        int n = Entries;
        var shape = reduction.PerNeuron ? Shape.Parameter : Shape.Scalar;
        // A per-neuron group has from 1 to n entries; the whole tensor has n.
        int fewest = reduction.PerNeuron ? 1 : n;
        switch (reduction.Kind)
        {
            case ReductionKind.Sum:
                var sum = new SlopeValue(shape, Math.Min(fewest * x.Low, n * x.Low), Math.Max(fewest * x.High, n * x.High), n * x.Slope, null);
                return x.Root is { } root
                    ? sum.WithRoot(root with { Low = Math.Pow(fewest, 1 / root.Order) * root.Low, High = Math.Pow(n, 1 / root.Order) * root.High, Slope = Math.Pow(n, 1 / root.Order) * root.Slope })
                    : sum.WithRoot(sum.Low >= 0 ? sum.RootAt(1) : null);
            case ReductionKind.Norm:
                double lowNorm = Math.Sqrt(fewest) * x.MinimumMagnitude, highNorm = Math.Sqrt(n) * x.Magnitude;
                var norm = new SlopeValue(shape, lowNorm, highNorm, Math.Sqrt(n) * x.Slope, null);
                if (x.Low >= 0 && x.Root is { } r)
                {
                    double scale = Math.Pow(n, 1 / (2 * r.Order));
                    return norm.WithRoot(r with { Low = Math.Pow(fewest, 1 / (2 * r.Order)) * r.Low, High = scale * r.High, Slope = scale * r.Slope });
                }
                return norm.WithRoot(norm.RootAt(1));
            default:   // mean and max stay within the entries' interval, with their slope and root form
                return x with { Shape = shape };
        }
    }

    private SlopeValue ArrayReduction(BoundReduction reduction)
    {
        if (reduction.Operand is not BoundHyperparameter array || _query.Arrays is not { } arrays || !arrays.TryGetValue(array.Name, out var values) || values.Length == 0)
            return SlopeValue.Unbounded with { Slope = 0 };
        double result = reduction.Kind switch
        {
            ReductionKind.Sum => values.Sum(),
            ReductionKind.Mean => values.Sum() / values.Length,
            ReductionKind.Norm => Math.Sqrt(values.Sum(v => v * v)),
            _ => values.Max(),
        };
        return SlopeValue.Constant((float)result);
    }
}
