using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Binding;

/// <summary>
/// An expression with its names resolved. These records are the model's IR: value-equatable, immutable.
/// The planner adds reference nodes (<see cref="Planning.ScalarRef"/> and friends) to the same hierarchy.
/// </summary>
public abstract record BoundExpr(TextSpan Span);

public sealed record BoundLiteral(TextSpan Span, double Value) : BoundExpr(Span);

public sealed record BoundHyperparameter(TextSpan Span, string Name, HyperparameterType Type) : BoundExpr(Span);

public enum Builtin { Parameter, Gradient, Step, NeuronIndex }

/// <summary><c>p</c>, <c>g</c>, <c>t</c> or <c>index</c>.</summary>
public sealed record BoundBuiltin(TextSpan Span, Builtin Kind) : BoundExpr(Span);

public sealed record BoundState(TextSpan Span, string Name, int Slot) : BoundExpr(Span);

public sealed record BoundLocal(TextSpan Span, string Name, int Index) : BoundExpr(Span);

public sealed record BoundNegate(TextSpan Span, BoundExpr Operand) : BoundExpr(Span);

public sealed record BoundBinary(TextSpan Span, BinaryOperator Operator, BoundExpr Left, BoundExpr Right) : BoundExpr(Span);

public sealed record BoundCompare(TextSpan Span, CompareOperator Operator, BoundExpr Left, BoundExpr Right) : BoundExpr(Span);

public sealed record BoundCall(TextSpan Span, Function Function, EquatableArray<BoundExpr> Arguments) : BoundExpr(Span);

public sealed record BoundReduction(TextSpan Span, ReductionKind Kind, bool PerNeuron, BoundExpr Operand) : BoundExpr(Span);

public sealed record BoundSubscript(TextSpan Span, BoundExpr Target, BoundExpr Index) : BoundExpr(Span);

public static class BoundExpressions
{
    /// <summary>The value of a literal, or of a negated literal (<c>x^-1</c> parses as x^(-(1))).</summary>
    public static double? LiteralValue(this BoundExpr expression) => expression switch
    {
        BoundLiteral literal => literal.Value,
        BoundNegate { Operand: BoundLiteral literal } => -literal.Value,
        _ => null,
    };
}

/// <summary>Stands in for a subexpression whose error is already reported; the analysis treats it as unknown and silent.</summary>
public sealed record BoundError(TextSpan Span) : BoundExpr(Span);
