using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Bound expressions as span-free terms, so that two occurrences of the same formula compare equal
/// (<c>g * g</c> is a square, and where's branches can be compared). Each noise draw is its own random variable: two occurrences never agree.
/// </summary>
internal static class Terms
{
    public abstract record Term;

    public sealed record Literal(double Value) : Term;

    public sealed record Atom(string Key) : Term;

    public sealed record Apply(string Operator, EquatableArray<Term> Arguments) : Term;

    public static Term Of(BoundExpr expression) => expression switch
    {
        BoundLiteral literal => new Literal(literal.Value),
        BoundHyperparameter hyperparameter => new Atom("h:" + hyperparameter.Name),
        BoundBuiltin builtin => new Atom("b:" + builtin.Kind),
        BoundState state => new Atom("s:" + state.Name),
        BoundLocal local => new Atom("l:" + local.Name),
        BoundNegate negate => new Apply("neg", new[] { Of(negate.Operand) }),
        BoundBinary binary => new Apply(binary.Operator.ToString(), new[] { Of(binary.Left), Of(binary.Right) }),
        BoundCompare compare => new Apply(compare.Operator.ToString(), new[] { Of(compare.Left), Of(compare.Right) }),
        BoundReduction reduction => new Apply(reduction.Kind + (reduction.PerNeuron ? ",neuron" : ""), new[] { Of(reduction.Operand) }),
        BoundCall { Function: Function.Randn or Function.Rand } noise => new Atom("noise@" + noise.Span.Start),
        BoundCall call => new Apply(call.Function.ToString(), call.Arguments.Select(Of).ToEquatableArray()),
        _ => new Atom("?@" + expression.Span.Start),
    };
}
