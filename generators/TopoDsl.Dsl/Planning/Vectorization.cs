using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Planning;

/// <summary>
/// Which passes get a Vector&lt;float&gt; loop: those whose every operation has a vector form that gives the
/// same float as the scalar one (+ - * /, sqrt, abs, min, max, clamp, relu, square, small integer powers,
/// where on a comparison). Reductions (double accumulation), per-neuron reads (a gather), noise and
/// transcendental functions keep the scalar loop.
/// </summary>
internal static class Vectorization
{
    /// <summary>Exponents that lower to exact operations: x*x, x*x*x, sqrt(x), 1/x.</summary>
    public static bool IsSpecialExponent(double exponent) => exponent is 2 or 3 or 0.5 or -1;

    public static bool IsVectorizable(IEnumerable<PassStep> steps) => steps.All(step => step switch
    {
        DefineLocalStep local => IsVectorizable(local.Value),
        AssignStateStep state => IsVectorizable(state.Value),
        UpdateParameterStep update => IsVectorizable(update.Value),
        StoreStep store => IsVectorizable(store.Value),
        _ => false,
    });

    private static bool IsVectorizable(BoundExpr expression) => expression switch
    {
        BoundLiteral or BoundHyperparameter or BoundBuiltin or BoundState or BoundLocal or ScalarRef or BufferRef => true,
        ReductionRef reduction => !reduction.PerNeuron,
        BoundNegate negate => IsVectorizable(negate.Operand),
        BoundBinary { Operator: BinaryOperator.Power } power =>
            power.Right.LiteralValue() is { } e && IsSpecialExponent(e) && IsVectorizable(power.Left),
        BoundBinary { Operator: BinaryOperator.MatMul } => false,
        BoundBinary binary => IsVectorizable(binary.Left) && IsVectorizable(binary.Right),
        BoundCall { Function: Function.Where } where => where.Arguments[0] is BoundCompare compare
            && IsVectorizable(compare.Left) && IsVectorizable(compare.Right)
            && IsVectorizable(where.Arguments[1]) && IsVectorizable(where.Arguments[2]),
        BoundCall { Function: Function.Sqrt or Function.Abs or Function.Min or Function.Max or Function.Clamp or Function.Relu or Function.Square } call =>
            call.Arguments.All(IsVectorizable),
        _ => false,
    };
}
