using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// The interval a scalar takes when it does not vary with p, g or state: literals, hyperparameters at their
/// default values, and the step t over [1, infinity). Interval arithmetic, so the bounds hold for every step.
/// It lets the Lipschitz check see that a bias correction such as 1 - beta2^t (0 &lt; beta2 &lt; 1) is positive.
/// </summary>
internal readonly record struct ConstantRange(double Low, double High)
{
    public static readonly ConstantRange Everything = new(double.NegativeInfinity, double.PositiveInfinity);



    /// <summary>The range of <paramref name="expression"/>, or everything when it is not a constant scalar expression.</summary>
    public static ConstantRange Of(BoundExpr expression, IReadOnlyDictionary<string, double?> defaults) => expression switch
    {
        BoundLiteral literal => new(literal.Value, literal.Value),
        BoundHyperparameter h when defaults.TryGetValue(h.Name, out var value) && value is double v => new(v, v),
        BoundBuiltin { Kind: Builtin.Step } => new(1, double.PositiveInfinity),
        BoundNegate negate => Negate(Of(negate.Operand, defaults)),
        BoundBinary binary => Binary(binary.Operator, Of(binary.Left, defaults), Of(binary.Right, defaults)),
        BoundCall { Function: Function.Sqrt } call when call.Arguments.Count == 1 => Sqrt(Of(call.Arguments[0], defaults)),
        BoundCall { Function: Function.Abs } call when call.Arguments.Count == 1 => Abs(Of(call.Arguments[0], defaults)),
        BoundCall { Function: Function.Exp } call when call.Arguments.Count == 1 => Exp(Of(call.Arguments[0], defaults)),
        BoundCall { Function: Function.Min } call when call.Arguments.Count == 2 => Min(Of(call.Arguments[0], defaults), Of(call.Arguments[1], defaults)),
        BoundCall { Function: Function.Max } call when call.Arguments.Count == 2 => Max(Of(call.Arguments[0], defaults), Of(call.Arguments[1], defaults)),
        _ => Everything,
    };

    private static ConstantRange Negate(ConstantRange x) => new(-x.High, -x.Low);

    private static ConstantRange Binary(BinaryOperator op, ConstantRange a, ConstantRange b) => op switch
    {
        BinaryOperator.Add => new(a.Low + b.Low, a.High + b.High),
        BinaryOperator.Subtract => new(a.Low - b.High, a.High - b.Low),
        BinaryOperator.Multiply => Hull(a.Low * b.Low, a.Low * b.High, a.High * b.Low, a.High * b.High),
        BinaryOperator.Divide when b.Low > 0 || b.High < 0 => Binary(BinaryOperator.Multiply, a, new(1 / b.High, 1 / b.Low)),
        BinaryOperator.Power => Power(a, b),
        _ => Everything,
    };

    /// <summary>x^y for a base in [0, 1] or [1, inf) and a non-negative exponent; anything else is unbounded.</summary>
    private static ConstantRange Power(ConstantRange x, ConstantRange y)
    {
        if (y.Low == y.High && y.Low < 0 && x.Low > 0) return new(Math.Pow(x.High, y.Low), Math.Pow(x.Low, y.Low));   // decreasing in x
        if (y.Low < 0 || x.Low < 0) return Everything;
        if (x.High <= 1) return new(Math.Pow(x.Low, y.High), Math.Pow(x.High, y.Low));   // decreasing in y
        if (x.Low >= 1) return new(Math.Pow(x.Low, y.Low), Math.Pow(x.High, y.High));    // increasing in y
        return Everything;
    }

    private static ConstantRange Abs(ConstantRange x) =>
        x.Low >= 0 ? x : x.High <= 0 ? Negate(x) : new(0, Math.Max(-x.Low, x.High));

    private static ConstantRange Exp(ConstantRange x) => new(Math.Exp(x.Low), Math.Exp(x.High));

    private static ConstantRange Min(ConstantRange a, ConstantRange b) => new(Math.Min(a.Low, b.Low), Math.Min(a.High, b.High));

    private static ConstantRange Max(ConstantRange a, ConstantRange b) => new(Math.Max(a.Low, b.Low), Math.Max(a.High, b.High));

    private static ConstantRange Sqrt(ConstantRange x) => x.Low >= 0 ? new(Math.Sqrt(x.Low), Math.Sqrt(x.High)) : Everything;

    private static ConstantRange Hull(params double[] corners)
    {
        if (corners.Any(double.IsNaN)) return Everything;   // 0 * infinity: give up rather than guess
        return new(corners.Min(), corners.Max());
    }
}
