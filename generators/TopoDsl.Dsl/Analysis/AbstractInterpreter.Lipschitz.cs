using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// The Lipschitz half of the interpreter: each operation's requirement comes from <see cref="LipschitzRules"/>
/// and a breach is reported at its span; the result's floor and root order follow the operation's transfer
/// function, each sound for every real input and for float32's rounding (see <see cref="Floors"/>).
/// </summary>
internal sealed partial class AbstractInterpreter
{
    private (double Floor, double Order) LipschitzOf(BoundBinary binary, AbstractValue left, AbstractValue right)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                return (Floors.Add(left.Floor, right.Floor), NonNegativeOrder(left, right));
            case BinaryOperator.Subtract:
                double floor = !right.Varies && right.Shape.IsScalar && left.Floor >= 0
                    ? Floors.Normalize(left.Floor - ConstantRange.Of(binary.Right, _defaults).High)
                    : Floors.None;
                return (floor, floor >= 0 ? 1 : RootOrders.Unknown);
            case BinaryOperator.Multiply:
                return Product(binary);
            case BinaryOperator.Divide:
                if (!IsAwayFromZero(binary.Right, right)) ReportDivision(binary.Right, right, binary);
                return (QuotientFloor(left, binary.Right, right), right.Floor > 0 && left.Floor >= 0 ? left.EffectiveOrder : RootOrders.Unknown);
            case BinaryOperator.Power:
                return Power(binary, left, right);
            default:
                return (Floors.None, RootOrders.Unknown);
        }
    }

    /// <summary>
    /// A chain of products read as powers of its distinct factors: (1 - beta2) * g * g is a constant times g^2, never
    /// negative and a square, although (1 - beta2) * g alone can be negative.
    /// </summary>
    private (double Floor, double Order) Product(BoundBinary product)
    {
        var factors = new List<BoundExpr>();
        CollectFactors(product, factors);
        (double Floor, double Order) result = (1, RootOrders.Any);
        foreach (var group in factors.GroupBy(Terms.Of))
        {
            var x = Evaluate(group.First());
            int count = group.Count();
            double floor = x.Floor >= 0 ? Floors.Normalize(Math.Pow(x.Floor, count)) : count % 2 == 0 ? 0 : Floors.None;
            double order = x.Floor >= 0 ? count * x.EffectiveOrder : count % 2 == 0 ? count : RootOrders.Unknown;
            result = result.Floor >= 0 && floor >= 0
                ? (Floors.Multiply(result.Floor, floor), RootOrders.Combine(result.Floor > 0 ? RootOrders.Any : result.Order, floor > 0 ? RootOrders.Any : order))
                : (Floors.None, RootOrders.Unknown);
        }
        return result;
    }

    /// <summary>x / c for a positive constant c of known size keeps a positive floor: (sqrt(v) + eps) / 2 &gt;= eps / 2.</summary>
    private double QuotientFloor(AbstractValue x, BoundExpr divisor, AbstractValue c)
    {
        if (x.Floor > 0 && !c.Varies && c.Shape.IsScalar && c.Floor > 0)
        {
            double high = ConstantRange.Of(divisor, _defaults).High;
            if (!double.IsInfinity(high)) return Floors.Normalize(x.Floor / high);
        }
        return Floors.Divide(x.Floor, c.Floor);
    }

    private static void CollectFactors(BoundExpr expression, List<BoundExpr> factors)
    {
        if (expression is BoundBinary { Operator: BinaryOperator.Multiply } product)
        {
            CollectFactors(product.Left, factors);
            CollectFactors(product.Right, factors);
        }
        else factors.Add(expression);
    }

    private static double NonNegativeOrder(AbstractValue a, AbstractValue b) =>
        a.Floor >= 0 && b.Floor >= 0 ? RootOrders.Combine(a.EffectiveOrder, b.EffectiveOrder) : RootOrders.Unknown;

    /// <summary>x^2 = |x|^2: never negative, of twice |x|'s order.</summary>
    private static (double Floor, double Order) Square(AbstractValue x) =>
        (x.Floor >= 0 ? Floors.Normalize(x.Floor * x.Floor) : 0, 2 * (x.Floor >= 0 ? x.EffectiveOrder : 1));

    /// <summary>Positive, or a constant that float32 cannot round to zero.</summary>
    private bool IsAwayFromZero(BoundExpr expression, AbstractValue value) =>
        value.Floor > 0 || !value.Varies && value.Shape.IsScalar && ConstantRange.Of(expression, _defaults).High <= -Floors.SmallestPositive;

    private void ReportDivision(BoundExpr divisor, AbstractValue value, BoundExpr quotient) =>
        _diagnostics.Report(LipschitzRules.Divide.Diagnostic!, divisor.Span, _diagnostics.Fragment(quotient.Span),
            (quotient is BoundBinary { Operator: BinaryOperator.Power } ? "is raised to a negative power, " : "")
            + (value.Varies ? "depends on p, g or state and can reach zero" : "is a constant that can be zero as float32 computes it"));

    private (double Floor, double Order) Power(BoundBinary binary, AbstractValue x, AbstractValue y)
    {
        var exponent = !y.Varies && y.Shape.IsScalar ? ConstantRange.Of(binary.Right, _defaults) : ConstantRange.Everything;
        if (exponent.Low != exponent.High || double.IsInfinity(exponent.Low))
            return PowerWithUnknownExponent(binary, x, exponent);
        double e = exponent.Low;
        if (e == Math.Floor(e))
        {
            if (e == 0) return (1, RootOrders.Any);
            if (e < 0)
            {
                if (!IsAwayFromZero(binary.Left, x)) ReportDivision(binary.Left, x, binary);
                return (x.Floor > 0 ? 0 : Floors.None, x.Floor > 0 ? RootOrders.Any : RootOrders.Unknown);
            }
            bool even = e % 2 == 0;
            double floor = x.Floor >= 0 ? Floors.Normalize(Math.Pow(x.Floor, e)) : even ? 0 : Floors.None;
            double order = x.Floor >= 0 ? e * x.EffectiveOrder : even ? e : RootOrders.Unknown;
            return (floor, order);
        }
        if (e < 0)
        {
            if (x.Floor <= 0) ReportDivision(binary.Left, x, binary);
            return (x.Floor > 0 ? 0 : Floors.None, x.Floor > 0 ? RootOrders.Any : RootOrders.Unknown);
        }
        string power = $"raises `{_diagnostics.Fragment(binary.Left.Span)}` to the fractional power {Format(e)}";
        if (x.Floor < 0)
            _diagnostics.Report(LipschitzRules.Power.Diagnostic!, binary.Span, power + ", and it can be negative (NaN)");
        else if (x.Floor == 0 && x.EffectiveOrder * e < 1)
            _diagnostics.Report(DiagnosticCatalog.RootNearZero, binary.Span, power + ", and it can reach zero: the slope is infinite at 0");
        return x.Floor >= 0
            ? (Floors.Normalize(Math.Pow(x.Floor, e)), Math.Max(1, x.EffectiveOrder * e))
            : (0, 1);
    }

    /// <summary>x^y for an exponent that varies or that the analysis cannot pin down: exp(y log x) needs x positive (or y &gt;= 1 and x &gt;= 0).</summary>
    private (double Floor, double Order) PowerWithUnknownExponent(BoundBinary binary, AbstractValue x, ConstantRange exponent)
    {
        bool atLeastOne = exponent.Low >= 1 && x.Floor >= 0;
        if (x.Floor <= 0 && !atLeastOne)
            _diagnostics.Report(LipschitzRules.Power.Diagnostic!, binary.Span,
                $"the exponent `{_diagnostics.Fragment(binary.Right.Span)}` is not a known constant (or not at least 1), and the base `{_diagnostics.Fragment(binary.Left.Span)}` can reach zero or be negative");
        if (x.Floor > 0) return (0, RootOrders.Any);
        return atLeastOne ? (0, 1) : (Floors.None, RootOrders.Unknown);
    }

    private (double Floor, double Order) LipschitzOf(BoundCall call, AbstractValue[] values)
    {
        var x = values[0];
        var rule = LipschitzRules.For(call.Function);
        switch (rule.Requirement)
        {
            case LipschitzRequirement.ArgumentConstant when x.Varies:
                _diagnostics.Report(rule.Diagnostic!, call.Span);
                break;
            case LipschitzRequirement.ArgumentPositive when x.Floor <= 0:
                _diagnostics.Report(rule.Diagnostic!, call.Arguments[0].Span, _diagnostics.Fragment(call.Span));
                break;
            case LipschitzRequirement.RootOfSquare when !(x.Floor > 0 || x.Floor >= 0 && x.EffectiveOrder >= 2):
                _diagnostics.Report(rule.Diagnostic!, call.Span, x.Floor >= 0
                    ? $"takes the square root of `{_diagnostics.Fragment(call.Arguments[0].Span)}`, which can reach zero and is not shown to be a square: its slope is infinite at 0 (sqrt(v) is accepted where v is positive or a sum of squares such as a running mean of g^2)"
                    : $"takes the square root of `{_diagnostics.Fragment(call.Arguments[0].Span)}`, which can be negative: sqrt of a negative number is NaN");
                break;
        }
        return call.Function switch
        {
            Function.Sqrt => (x.Floor >= 0 ? Floors.Normalize(Math.Sqrt(x.Floor)) : 0, Math.Max(1, x.EffectiveOrder / 2)),
            Function.Abs => (Floors.Magnitude(x.Floor), x.Floor >= 0 ? x.EffectiveOrder : 1),
            Function.Relu => (Floors.Magnitude(x.Floor), x.Floor >= 0 ? x.EffectiveOrder : 1),
            Function.Square => Square(x),
            // exp and sigmoid are positive reals: every root of them is smooth; float32 may still round them to 0.
            Function.Exp => (x.Floor > Floors.None ? Floors.Normalize(Math.Exp(x.Floor)) : 0, RootOrders.Any),
            Function.Sigmoid => (x.Floor > Floors.None ? Floors.Normalize(1 / (1 + Math.Exp(-x.Floor))) : 0, RootOrders.Any),
            Function.Tanh => (x.Floor >= 0 ? Floors.Normalize(Math.Tanh(x.Floor)) : Floors.None, x.Floor >= 0 ? 1 : RootOrders.Unknown),
            Function.Log => (x.Floor >= 1 ? Floors.Normalize(Math.Log(x.Floor)) : Floors.None, x.Floor >= 1 ? 1 : RootOrders.Unknown),
            Function.Min => (Math.Min(x.Floor, values[1].Floor), NonNegativeOrder(x, values[1])),
            Function.Max => Max(x, values[1]),
            Function.Clamp => Min(Max(x, values[1]), values[2]),
            _ => (Floors.None, RootOrders.Unknown),
        };
    }

    /// <summary>max(h^r, b) = max(h^r, relu(b)): order 1 when only one side is known to be non-negative.</summary>
    private static (double Floor, double Order) Max(AbstractValue a, AbstractValue b)
    {
        double floor = Math.Max(a.Floor, b.Floor);
        double order = a.Floor >= 0 && b.Floor >= 0 ? RootOrders.Combine(a.EffectiveOrder, b.EffectiveOrder) : floor >= 0 ? 1 : RootOrders.Unknown;
        return (floor, order);
    }

    private static (double Floor, double Order) Min((double Floor, double Order) a, AbstractValue b)
    {
        double order = a.Floor >= 0 && b.Floor >= 0
            ? RootOrders.Combine(a.Floor > 0 ? RootOrders.Any : RootOrders.AtLeastOne(a.Order), b.EffectiveOrder)
            : RootOrders.Unknown;
        return (Math.Min(a.Floor, b.Floor), order);
    }

    /// <summary>A sum, mean or max of entries h^r keeps order r (an r-norm); a norm is itself non-negative and Lipschitz.</summary>
    private static (double Floor, double Order) LipschitzOf(ReductionKind kind, AbstractValue x) => kind switch
    {
        ReductionKind.Norm => (Floors.Magnitude(x.Floor), x.Floor >= 0 ? x.EffectiveOrder : 1),
        _ => (x.Floor, x.Floor >= 0 ? x.EffectiveOrder : RootOrders.Unknown),
    };

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
